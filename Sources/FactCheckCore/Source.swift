import Foundation

/// A document evidence comes from.
public struct Source: Sendable, Codable, Equatable, Identifiable {
    public let id: SourceID
    public var url: String
    public var title: String
    public var publisher: String?
    /// Host name without `www.`, e.g. `en.wikipedia.org`.
    public var domain: String
    public var published: Date?
    public var retrieved: Date?
    public var license: String?

    public init(id: SourceID, url: String, title: String, publisher: String? = nil, domain: String,
                published: Date? = nil, retrieved: Date? = nil, license: String? = nil) {
        self.id = id
        self.url = url
        self.title = title
        self.publisher = publisher
        self.domain = domain
        self.published = published
        self.retrieved = retrieved
        self.license = license
    }
}

extension Source {
    /// A URL's host as `domain` holds it: lower-case, without `www.`; nil when the URL has no host.
    public static func domain(ofURL url: String) -> String? {
        guard let host = URL(string: url)?.host?.lowercased() else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}

/// A short span of a source (one to three sentences) that the verifier reads.
public struct Passage: Sendable, Codable, Equatable, Identifiable {
    public let id: PassageID
    public let sourceID: SourceID
    /// Position of the passage within its source (0-based).
    public var index: Int
    public var text: String

    public init(id: PassageID, sourceID: SourceID, index: Int, text: String) {
        self.id = id
        self.sourceID = sourceID
        self.index = index
        self.text = text
    }
}

/// A passage found for a claim, with how it was found.
public struct RetrievedPassage: Sendable, Codable, Equatable {
    public var passage: Passage
    public var source: Source
    /// Reciprocal-rank-fusion score over the rankings that found it (higher is more relevant).
    public var relevance: Double
    /// 1-based ranks in the BM25 and dense rankings, when the passage appeared in them.
    public var lexicalRank: Int?
    public var denseRank: Int?
    /// Cosine similarity of the claim's and passage's embeddings.
    public var similarity: Double?
    /// The evidence provider that found it ("local", "wikipedia"); nil for evidence given with the claim.
    public var provider: String?
    /// When the passage reports an earlier fact check of the claim: the claim it reviewed and its rating.
    public var review: PriorReview?

    public init(passage: Passage, source: Source, relevance: Double, lexicalRank: Int? = nil, denseRank: Int? = nil, similarity: Double? = nil,
                provider: String? = nil, review: PriorReview? = nil) {
        self.passage = passage
        self.source = source
        self.relevance = relevance
        self.lexicalRank = lexicalRank
        self.denseRank = denseRank
        self.similarity = similarity
        self.provider = provider
        self.review = review
    }
}
