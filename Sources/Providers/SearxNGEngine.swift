import Fetching
import Foundation

/// A SearxNG instance's JSON search API (`/search?q=…&format=json`, which the instance must enable in its settings).
public struct SearxNGEngine: WebSearchEngine {
    public let name = "searxng"
    /// The instance's address, e.g. `http://localhost:8888`.
    public let base: URL
    private let client: JSONAPIClient

    public init(base: URL, client: JSONAPIClient.Configuration = .init()) {
        self.base = base
        self.client = JSONAPIClient(configuration: client)
    }

    private struct Answer: Decodable {
        struct Result: Decodable {
            var url: String
            var title: String?
            var content: String?
            var publishedDate: String?
        }
        var results: [Result]
    }

    public func results(for search: String, limit: Int) async throws -> [WebResult] {
        let answer = try await client.get(base.appendingPathComponent("search"), query: [("q", search), ("format", "json"), ("safesearch", "1")],
                                          as: Answer.self)
        return answer.results.prefix(limit).map {
            WebResult(url: $0.url, title: $0.title ?? $0.url, snippet: $0.content ?? "", published: WebResult.date($0.publishedDate))
        }
    }
}
