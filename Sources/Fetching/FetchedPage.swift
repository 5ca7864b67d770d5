import Foundation

/// A page fetched by `SafeFetcher`: where it ended up, its text and its type.
public struct FetchedPage: Sendable, Equatable {
    /// The URL after redirects.
    public var url: String
    /// The redirects followed, in order, starting with the requested URL.
    public var redirects: [String]
    /// `text/html` or a `text/…` type.
    public var contentType: String
    /// The body decoded to text (from the charset the headers or a `<meta charset>` declare; UTF-8 by default).
    public var text: String
    public var fetched: Date

    public var isHTML: Bool { contentType == "text/html" || contentType == "application/xhtml+xml" }
}
