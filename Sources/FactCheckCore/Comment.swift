import Foundation

/// A reader's comment under a fact check (attached to the slug, so it stays across versions).
public struct Comment: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var slug: String
    /// Empty when the reader gave no name.
    public var name: String
    public var text: String
    public var postedAt: Date
    public var reports: Int
    /// Hidden after enough reports, or by an administrator.
    public var hidden: Bool

    public init(id: Int64, slug: String, name: String, text: String, postedAt: Date, reports: Int = 0, hidden: Bool = false) {
        self.id = id
        self.slug = slug
        self.name = name
        self.text = text
        self.postedAt = postedAt
        self.reports = reports
        self.hidden = hidden
    }
}
