import Foundation

/// A document read from an input file, before chunking: where it came from and its text.
public struct RawDocument: Sendable, Equatable {
    /// A stable id given by the input (e.g. a corpus id), or `nil` to derive one from the URL or content.
    public var id: String?
    public var title: String
    public var text: String
    public var url: String?
    public var publisher: String?
    public var published: Date?
    public var license: String?
    /// "file:line" or "file" — where the document was read, for messages.
    public var origin: String

    public init(id: String? = nil, title: String, text: String, url: String? = nil, publisher: String? = nil,
                published: Date? = nil, license: String? = nil, origin: String) {
        self.id = id
        self.title = title
        self.text = text
        self.url = url
        self.publisher = publisher
        self.published = published
        self.license = license
        self.origin = origin
    }
}

/// An input that was not ingested, and why.
public struct SkippedInput: Sendable, Equatable, CustomStringConvertible {
    public var origin: String
    public var reason: String
    public var description: String { "\(origin): \(reason)" }
}
