import FactCheckCore
import Fetching
import Foundation

/// The articles of a MediaWiki (the English Wikipedia by default, or any wiki's `api.php`) as evidence: the action
/// API's full-text search for each phrasing of the claim, then each article found as plain text — every section, not
/// only the lead — with its latest revision time and address, cut into passages of a few sentences. The passages that
/// share the claim's rarer words are returned, best first.
public struct MediaWikiProvider: EvidenceProvider {
    public struct Configuration: Sendable {
        /// The wiki's action API, e.g. `https://en.wikipedia.org/w/api.php`.
        public var endpoint: URL
        /// Articles read per claim.
        public var articles: Int
        /// Sentences per passage.
        public var sentencesPerPassage: Int
        public var client: JSONAPIClient.Configuration

        public init(endpoint: URL = URL(string: "https://en.wikipedia.org/w/api.php")!, articles: Int = 3, sentencesPerPassage: Int = 2,
                    client: JSONAPIClient.Configuration = .init()) {
            self.endpoint = endpoint
            self.articles = articles
            self.sentencesPerPassage = sentencesPerPassage
            self.client = client
        }
    }

    public let name: String
    public let configuration: Configuration
    private let client: JSONAPIClient

    public init(name: String = "wikipedia", configuration: Configuration = Configuration()) {
        self.name = name
        self.configuration = configuration
        client = JSONAPIClient(configuration: configuration.client)
    }

    public func passages(for query: EvidenceQuery) async throws -> [RetrievedPassage] {
        let titles = try await search(query.searches)
        let pages = try await withThrowingTaskGroup(of: (Int, Article?).self) { group in
            for (rank, title) in titles.enumerated() { group.addTask { (rank, try await article(titled: title)) } }
            var pages: [Int: Article] = [:]
            for try await (rank, page) in group { pages[rank] = page }
            return pages.sorted { $0.key < $1.key }.map(\.value)
        }
        return best(of: pages, for: query)
    }

    // MARK: - The API

    private struct APIError: Decodable { var code: String; var info: String? }

    private struct SearchAnswer: Decodable {
        struct Query: Decodable { var search: [Hit] }
        struct Hit: Decodable { var title: String }
        var query: Query?
        var error: APIError?
    }

    private struct PageAnswer: Decodable {
        struct Query: Decodable { var pages: [Page] }
        struct Page: Decodable {
            var title: String
            var missing: Bool?
            var extract: String?
            var fullurl: String?
            var revisions: [Revision]?
        }
        struct Revision: Decodable { var timestamp: String? }
        var query: Query?
        var error: APIError?
    }

    /// One article as read: its title, address, revision time and plain text.
    struct Article: Sendable {
        var title: String
        var url: String
        var revised: Date?
        var text: String
    }

    /// The titles found for the phrasings, interleaved (each phrasing's best first), at most `articles`; one phrasing
    /// that fails does not lose the others.
    private func search(_ searches: [String]) async throws -> [String] {
        // Statements only: a wiki's search reads a question form as words to find.
        try await interleavedAnswers(to: Array(searches.filter { !$0.hasSuffix("?") }.prefix(3)), limit: configuration.articles, key: { $0 }) { search in
            let answer = try await client.get(configuration.endpoint, query: [
                ("action", "query"), ("list", "search"), ("srsearch", search), ("srlimit", String(configuration.articles)),
                ("srprop", ""), ("format", "json"), ("formatversion", "2"),
            ], as: SearchAnswer.self)
            if let error = answer.error { throw ProviderError.apiError("\(error.code): \(error.info ?? "")") }
            guard let query = answer.query else { throw ProviderError.malformed("no query.search") }
            return query.search.map(\.title)
        }
    }

    /// The article's plain text with its address and latest revision time; nil when the wiki has no such page.
    private func article(titled title: String) async throws -> Article? {
        let answer = try await client.get(configuration.endpoint, query: [
            ("action", "query"), ("prop", "extracts|revisions|info"), ("titles", title), ("explaintext", "1"), ("exsectionformat", "plain"),
            ("rvprop", "timestamp"), ("inprop", "url"), ("redirects", "1"), ("format", "json"), ("formatversion", "2"),
        ], as: PageAnswer.self)
        if let error = answer.error { throw ProviderError.apiError("\(error.code): \(error.info ?? "")") }
        guard let page = answer.query?.pages.first else { throw ProviderError.malformed("no query.pages") }
        guard page.missing != true, let text = page.extract, !text.isEmpty else { return nil }
        let url = page.fullurl ?? Self.articleURL(endpoint: configuration.endpoint, title: page.title)
        let revised = page.revisions?.first?.timestamp.flatMap { try? Date($0, strategy: .iso8601) }
        return Article(title: page.title, url: url, revised: revised, text: text)
    }

    /// `https://host/wiki/Title` for a wiki whose answer gave no address.
    static func articleURL(endpoint: URL, title: String) -> String {
        var components = URLComponents()
        components.scheme = endpoint.scheme
        components.host = endpoint.host
        components.port = endpoint.port
        components.path = "/wiki/" + title.replacingOccurrences(of: " ", with: "_")
        return components.string ?? endpoint.absoluteString
    }

    /// The passages of the articles that share most of the claim's keywords, best first (see `PassageRanker`).
    func best(of pages: [Article], for query: EvidenceQuery) -> [RetrievedPassage] {
        let retrieved = Date()
        let documents = pages.map { page in
            let sourceID = SourceID("\(name):\(configuration.endpoint.host ?? ""):\(page.title)")
            let domain = Source.domain(ofURL: page.url) ?? Source.domain(ofURL: configuration.endpoint.absoluteString) ?? ""
            let isWikipedia = domain.hasSuffix("wikipedia.org")
            let source = Source(id: sourceID, url: page.url, title: page.title, publisher: isWikipedia ? "Wikipedia" : domain, domain: domain,
                                published: page.revised, retrieved: retrieved, license: isWikipedia ? "CC BY-SA 4.0" : nil)
            return (source, page.text)
        }
        return PassageRanker(sentencesPerPassage: configuration.sentencesPerPassage)
            .best(of: documents, keywords: PassageRanker.keywords(of: query), limit: query.limit, provider: name)
    }
}
