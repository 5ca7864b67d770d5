import Foundation

/// One result of a web search: the page's address and title, the engine's snippet, and its date when the engine gives one.
public struct WebResult: Sendable, Equatable {
    public var url: String
    public var title: String
    public var snippet: String
    public var published: Date?

    public init(url: String, title: String, snippet: String, published: Date? = nil) {
        self.url = url
        self.title = title
        self.snippet = snippet
        self.published = published
    }
}

/// A web search API (SearxNG, Brave Search) that `WebSearchProvider` asks for pages.
public protocol WebSearchEngine: Sendable {
    /// The provider name shown to readers and in /metrics ("searxng", "brave").
    var name: String { get }
    /// At most `limit` results for `search`, best first.
    func results(for search: String, limit: Int) async throws -> [WebResult]
}

extension WebResult {
    /// A date as search APIs write it: ISO 8601 with or without a time zone or time ("2024-03-07T12:00:00Z",
    /// "2024-03-07T12:00:00", "2024-03-07").
    static func date(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd'T'HH:mm:ss.SSSSSS", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
