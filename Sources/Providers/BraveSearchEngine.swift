import Fetching
import Foundation

/// The Brave Search API's web search (`/res/v1/web/search`), with the subscription key in `X-Subscription-Token`.
public struct BraveSearchEngine: WebSearchEngine {
    public let name = "brave"
    /// The API's address: `https://api.search.brave.com/res/v1/web/search`.
    public let endpoint: URL
    private let key: String
    private let client: JSONAPIClient

    public init(endpoint: URL = URL(string: "https://api.search.brave.com/res/v1/web/search")!, key: String, client: JSONAPIClient.Configuration = .init()) {
        self.endpoint = endpoint
        self.key = key
        self.client = JSONAPIClient(configuration: client)
    }

    private struct Answer: Decodable {
        struct Web: Decodable { var results: [Result] }
        struct Result: Decodable {
            var url: String
            var title: String?
            var description: String?
            var pageAge: String?

            enum CodingKeys: String, CodingKey {
                case url, title, description
                case pageAge = "page_age"
            }
        }
        var web: Web?
    }

    public func results(for search: String, limit: Int) async throws -> [WebResult] {
        let answer = try await client.get(endpoint, query: [("q", search), ("count", String(min(20, limit)))],
                                          headers: [("X-Subscription-Token", key)], as: Answer.self)
        return (answer.web?.results ?? []).prefix(limit).map {
            WebResult(url: $0.url, title: $0.title ?? $0.url, snippet: Self.plain($0.description ?? ""), published: WebResult.date($0.pageAge))
        }
    }

    /// Brave marks the matched words in snippets with `<strong>`; the text without tags.
    static func plain(_ snippet: String) -> String {
        snippet.replacingOccurrences(of: "<[^>]{1,20}>", with: "", options: .regularExpression)
    }
}
