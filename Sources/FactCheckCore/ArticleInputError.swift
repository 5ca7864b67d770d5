/// Why an article could not be read, in words a user can act on.
public struct ArticleInputError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Equatable {
        case empty
        case tooLong(limit: Int)
        case binary
        case noText
        case unfetchable(String)
        case refusedAddress(String)
        case unsupportedContentType(String)
    }

    private let kind: Kind

    public static let empty = ArticleInputError(kind: .empty)
    public static func tooLong(limit: Int) -> ArticleInputError { ArticleInputError(kind: .tooLong(limit: limit)) }
    public static let binary = ArticleInputError(kind: .binary)
    public static let noText = ArticleInputError(kind: .noText)
    public static func unfetchable(_ reason: String) -> ArticleInputError { ArticleInputError(kind: .unfetchable(reason)) }
    public static func refusedAddress(_ reason: String) -> ArticleInputError { ArticleInputError(kind: .refusedAddress(reason)) }
    public static func unsupportedContentType(_ reason: String) -> ArticleInputError { ArticleInputError(kind: .unsupportedContentType(reason)) }

    /// The input is over the size limit (HTTP 413).
    public var isTooLong: Bool { if case .tooLong = kind { true } else { false } }
    /// The page could not be fetched or read from where it is (HTTP 422 rather than 400).
    public var isFetchFailure: Bool {
        switch kind {
        case .unfetchable, .refusedAddress, .unsupportedContentType: true
        default: false
        }
    }

    public var description: String {
        switch kind {
        case .empty: "The article is empty: paste its text or give its URL."
        case let .tooLong(limit): "The article is longer than \(limit) characters; check a shorter part of it."
        case .binary: "That is not text (it contains binary data); paste the article's text, or give an HTML, text or Markdown file."
        case .noText: "No article text was found in it."
        case let .unfetchable(reason), let .refusedAddress(reason), let .unsupportedContentType(reason): reason
        }
    }
}
