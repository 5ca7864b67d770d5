import Foundation

/// A claim to check: the user's wording and the declarative statement that is tested.
public struct Claim: Sendable, Codable, Equatable, Identifiable {
    public let id: UUID
    /// What the user typed, shown on the page.
    public var text: String
    /// The statement tested, e.g. "Is Japan in NATO?" → "Japan is a member of NATO".
    public var normalized: String

    public init(id: UUID = UUID(), text: String, normalized: String) {
        self.id = id
        self.text = text
        self.normalized = normalized
    }
}
