import English
import FactCheckCore
import Fetching
import Foundation

/// Earlier fact checks of the claim from Google Fact Check Tools (`claims:search`, the ClaimReview records that
/// fact-checking organisations publish): each review becomes a passage saying who rated which claim how and when
/// ("PolitiFact rated the claim “…” as “False” on 5 March 2024."), carrying the rating as a `PriorReview`, so the verdict
/// weighs it as a fact-checking organisation's finding and the report cites the review itself.
public struct FactCheckToolsProvider: EvidenceProvider {
    public let name = "factchecktools"
    /// The API's address: `https://factchecktools.googleapis.com/v1alpha1/claims:search`.
    public let endpoint: URL
    private let key: String
    private let client: JSONAPIClient

    public init(endpoint: URL = URL(string: "https://factchecktools.googleapis.com/v1alpha1/claims:search")!, key: String,
                client: JSONAPIClient.Configuration = .init()) {
        self.endpoint = endpoint
        self.key = key
        self.client = JSONAPIClient(configuration: client)
    }

    private struct Answer: Decodable {
        struct ClaimRecord: Decodable {
            var text: String?
            var claimant: String?
            var claimReview: [Review]?
        }
        struct Review: Decodable {
            struct Publisher: Decodable { var name: String?; var site: String? }
            var publisher: Publisher?
            var url: String?
            var title: String?
            var reviewDate: String?
            var textualRating: String?
            var languageCode: String?
        }
        var claims: [ClaimRecord]?
    }

    public func passages(for query: EvidenceQuery) async throws -> [RetrievedPassage] {
        let answer = try await client.get(endpoint, query: [
            ("query", query.claim.normalized), ("languageCode", "en"), ("pageSize", String(min(20, max(1, query.limit)))), ("key", key),
        ], as: Answer.self)
        let retrieved = Date()
        var passages: [RetrievedPassage] = []
        for record in answer.claims ?? [] {
            guard let claimText = record.text, !claimText.isEmpty else { continue }
            for review in record.claimReview ?? [] {
                guard let url = review.url, let rating = review.textualRating, !rating.isEmpty else { continue }
                let domain = review.publisher?.site ?? Source.domain(ofURL: url) ?? ""
                let publisher = review.publisher?.name ?? domain
                let reviewed = WebResult.date(review.reviewDate)
                let prior = PriorReview(claim: claimText, claimant: record.claimant, rating: rating)
                let sourceID = SourceID("\(name):\(url)")
                let source = Source(id: sourceID, url: url, title: review.title ?? claimText, publisher: publisher, domain: domain,
                                    published: reviewed, retrieved: retrieved)
                let passage = Passage(id: PassageID("\(sourceID.rawValue)#0"), sourceID: sourceID, index: 0,
                                      text: Self.sentence(publisher: publisher, review: prior, date: reviewed))
                passages.append(RetrievedPassage(passage: passage, source: source, relevance: 1 / Double(passages.count + 1), provider: name,
                                                 review: prior))
            }
        }
        return Array(passages.prefix(query.limit))
    }

    /// One sentence: "PolitiFact rated the claim “NATO has 30 members”, made by Jane Doe, as “False” on 5 March 2024."
    /// A rating that explains itself in several sentences is quoted by its first.
    static func sentence(publisher: String, review: PriorReview, date: Date?) -> String {
        let claim = review.claim.trimmingCharacters(in: CharacterSet(charactersIn: " .")).replacingOccurrences(of: "\n", with: " ")
        let claimant = review.claimant.map { ", made by \($0)," } ?? ""
        let rating = (SentenceSplitter.sentences(in: review.rating).first ?? review.rating).trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        let when = date.map { " on " + $0.formatted(.dateTime.day().month(.wide).year().locale(Locale(identifier: "en_GB"))) } ?? ""
        return "\(publisher) rated the claim “\(claim)”\(claimant) as “\(rating)”\(when)."
    }
}
