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
            var pages = [Article?](repeating: nil, count: titles.count)
            for try await (rank, page) in group { pages[rank] = page }
            return pages.compactMap { $0 }
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
        let answers = await withTaskGroup(of: (Int, Result<[String], any Error>).self) { group in
            for (index, search) in searches.prefix(3).enumerated() {
                group.addTask {
                    do {
                        let answer = try await client.get(configuration.endpoint, query: [
                            ("action", "query"), ("list", "search"), ("srsearch", search), ("srlimit", String(configuration.articles)),
                            ("srprop", ""), ("format", "json"), ("formatversion", "2"),
                        ], as: SearchAnswer.self)
                        if let error = answer.error { throw ProviderError.apiError("\(error.code): \(error.info ?? "")") }
                        guard let query = answer.query else { throw ProviderError.malformed("no query.search") }
                        return (index, .success(query.search.map(\.title)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var answers = [Result<[String], any Error>?](repeating: nil, count: min(3, searches.count))
            for await (index, answer) in group { answers[index] = answer }
            return answers.compactMap { $0 }
        }
        let found = answers.compactMap { try? $0.get() }
        if found.isEmpty, case let .failure(error)? = answers.first { throw error }
        var titles: [String] = []
        for rank in 0 ..< (found.map(\.count).max() ?? 0) {
            for list in found where rank < list.count && !titles.contains(list[rank]) { titles.append(list[rank]) }
        }
        return Array(titles.prefix(configuration.articles))
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

    // MARK: - Passages

    /// Sections whose content is not about the subject: lists of links and references.
    private static let closingSections: Set<String> = [
        "see also", "references", "notes", "external links", "further reading", "bibliography", "sources", "citations", "footnotes",
    ]

    /// The article's prose cut into passages of `sentencesPerPassage` sentences, section headings and the closing
    /// sections of links and references left out.
    public static func passages(of text: String, sentencesPerPassage: Int) -> [String] {
        var passages: [String] = []
        for line in text.split(separator: "\n") {
            let paragraph = line.trimmingCharacters(in: .whitespaces)
            guard !paragraph.isEmpty else { continue }
            let isHeading = paragraph.count <= 80 && !".!?:\"”)".contains(paragraph.last!)
            if isHeading {
                if closingSections.contains(paragraph.lowercased()) { break }
                continue
            }
            let sentences = SentenceSplitter.sentences(in: paragraph)
            for start in stride(from: 0, to: sentences.count, by: max(1, sentencesPerPassage)) {
                let passage = sentences[start ..< min(sentences.count, start + sentencesPerPassage)].joined(separator: " ")
                if passage.count >= 40 { passages.append(passage) }
            }
        }
        return passages
    }

    /// The passages of `pages` that share the most of the claim's keywords (the words of the search phrasings after the
    /// claim itself, or of the claim when it has no other), weighed by how rare each word is among the passages
    /// (BM25-like, length-normalised); at most `query.limit`, best first.
    func best(of pages: [Article], for query: EvidenceQuery) -> [RetrievedPassage] {
        let words = { (text: String) in Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)) }
        let keywords = query.searches.count > 1 ? query.searches.dropFirst() : query.searches[...]
        let terms = keywords.reduce(into: Set<String>()) { $0.formUnion(words($1)) }
        let cut = pages.map { page in Self.passages(of: page.text, sentencesPerPassage: configuration.sentencesPerPassage) }
        let bags = cut.map { $0.map(words) }
        let all = bags.flatMap { $0 }
        guard !all.isEmpty else { return [] }
        var frequency: [String: Int] = [:]
        for bag in all { for term in bag where terms.contains(term) { frequency[term, default: 0] += 1 } }
        let averageLength = Double(all.map(\.count).reduce(0, +)) / Double(all.count)
        let retrieved = Date()
        var scored: [(RetrievedPassage, Double)] = []
        for (page, (texts, pageBags)) in zip(pages, zip(cut, bags)) {
            let sourceID = SourceID("\(name):\(configuration.endpoint.host ?? ""):\(page.title)")
            let host = URL(string: page.url)?.host ?? configuration.endpoint.host ?? ""
            let domain = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
            let source = Source(id: sourceID, url: page.url, title: page.title, publisher: domain.hasSuffix("wikipedia.org") ? "Wikipedia" : domain,
                                domain: domain, published: page.revised, retrieved: retrieved,
                                license: domain.hasSuffix("wikipedia.org") ? "CC BY-SA 4.0" : nil)
            for (index, (text, bag)) in zip(texts, pageBags).enumerated() {
                let shared = bag.intersection(terms)
                guard !shared.isEmpty else { continue }
                let weight = shared.reduce(0.0) { score, term in
                    let rarity = log((Double(all.count) + 1) / (Double(frequency[term] ?? 0) + 0.5))
                    return score + max(0, rarity)
                }
                let score = weight / (0.25 + 0.75 * Double(bag.count) / averageLength)
                let passage = Passage(id: PassageID("\(sourceID.rawValue)#\(index)"), sourceID: sourceID, index: index, text: text)
                scored.append((RetrievedPassage(passage: passage, source: source, relevance: score, provider: name), score))
            }
        }
        return scored.enumerated().sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
            .prefix(query.limit).map(\.element.0)
    }
}
