import FactCheckCore
import Fetching
import Foundation

/// Web pages as evidence: a search engine (SearxNG, Brave) is asked each phrasing of the claim, the first few distinct
/// result pages are fetched with the safe fetcher (public addresses only, robots.txt, per-host pace) and their main
/// text extracted, and the passages that share the claim's keywords are returned. A page that cannot be fetched in
/// time, or refuses, counts by the engine's snippet alone.
public struct WebSearchProvider: EvidenceProvider {
    public struct Configuration: Sendable {
        /// Result pages read per claim.
        public var pages: Int
        public var sentencesPerPassage: Int

        public init(pages: Int = 4, sentencesPerPassage: Int = 2) {
            self.pages = pages
            self.sentencesPerPassage = sentencesPerPassage
        }
    }

    public let engine: any WebSearchEngine
    public let loader: any ArticleLoader
    public let configuration: Configuration
    public var name: String { engine.name }

    public init(engine: any WebSearchEngine, loader: any ArticleLoader, configuration: Configuration = Configuration()) {
        self.engine = engine
        self.loader = loader
        self.configuration = configuration
    }

    public func passages(for query: EvidenceQuery) async throws -> [RetrievedPassage] {
        let results = try await search(query.searches)
        let retrieved = Date()
        let documents = await withTaskGroup(of: (Int, (Source, String)).self) { group in
            for (rank, result) in results.enumerated() {
                group.addTask { (rank, await document(for: result, retrieved: retrieved)) }
            }
            var documents: [Int: (Source, String)] = [:]
            for await (rank, document) in group { documents[rank] = document }
            return documents.sorted { $0.key < $1.key }.map(\.value)
        }
        return PassageRanker(sentencesPerPassage: configuration.sentencesPerPassage)
            .best(of: documents, keywords: PassageRanker.keywords(of: query), limit: query.limit, provider: name)
    }

    /// The distinct results of the claim, its keywords and its question form (which finds fact checks titled as
    /// questions), interleaved, at most `pages`; one phrasing that fails does not lose the others.
    private func search(_ searches: [String]) async throws -> [WebResult] {
        let statements = searches.filter { !$0.hasSuffix("?") }
        let phrasings = Array(statements.prefix(2)) + searches.filter { $0.hasSuffix("?") }.prefix(1)
        return try await interleavedAnswers(to: phrasings, limit: configuration.pages, key: \.url) { search in
            try await engine.results(for: search, limit: configuration.pages)
        }
    }

    /// The result's page as a source with its main text, or with the engine's snippet when the page cannot be read.
    private func document(for result: WebResult, retrieved: Date) async -> (Source, String) {
        let page = try? await loader.article(fromURL: result.url)
        let url = page?.url ?? result.url
        let domain = Source.domain(ofURL: url) ?? ""
        let source = Source(id: SourceID("web:\(url)"), url: url, title: page?.title ?? result.title, publisher: page?.siteName ?? domain,
                            domain: domain, published: page?.published ?? result.published, retrieved: retrieved)
        return (source, page?.text ?? Self.prose(result.snippet))
    }

    /// A snippet as prose: one line, ending in "…" when the engine cut it mid-sentence.
    static func prose(_ snippet: String) -> String {
        let line = snippet.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        guard let last = line.last, !".!?\"”)…".contains(last) else { return line }
        return line + " …"
    }
}
