import Foundation

/// Turns what a user typed into the claim to test (questions → statements, hedges removed).
public protocol ClaimNormalizer: Sendable {
    func normalize(_ text: String) async throws -> Claim
}

/// Finds passages relevant to a claim, from one or several evidence providers.
public protocol EvidenceRetriever: Sendable {
    /// - Parameter embedding: the claim's embedding when the caller has it already (nil: embedded here if needed).
    func retrieve(for claim: Claim, embedding: [Float]?, limit: Int) async throws -> EvidenceSearch
}

extension EvidenceRetriever {
    public func retrieve(for claim: Claim, limit: Int) async throws -> EvidenceSearch {
        try await retrieve(for: claim, embedding: nil, limit: limit)
    }
}

/// Writes the search phrasings of a claim for evidence providers (the claim itself first).
public protocol SearchQueryWriter: Sendable {
    func searches(for claim: Claim) async throws -> [String]
}

/// Judges how credible a source is.
public protocol CredibilityScorer: Sendable {
    func credibility(of source: Source) -> Credibility
}

/// Says whether each passage supports, refutes or says nothing about a statement.
public protocol StanceClassifier: Sendable {
    func stances(of passages: [String], toward statement: String) async throws -> [StanceProbabilities]
    /// The stance of each retrieved passage toward the claim; classifiers that use the source (its title, say) override
    /// this, the default reads the passage texts alone.
    func stances(of evidence: [RetrievedPassage], toward claim: Claim) async throws -> [StanceProbabilities]
    /// The stances of the retrieved passages with a note for the report, if any (the pipeline calls this); the
    /// default has no note.
    func assess(_ evidence: [RetrievedPassage], toward claim: Claim) async throws -> StanceAssessment
}

extension StanceClassifier {
    public func stances(of evidence: [RetrievedPassage], toward claim: Claim) async throws -> [StanceProbabilities] {
        try await stances(of: evidence.map(\.passage.text), toward: claim.normalized)
    }

    public func assess(_ evidence: [RetrievedPassage], toward claim: Claim) async throws -> StanceAssessment {
        StanceAssessment(stances: try await stances(of: evidence, toward: claim))
    }
}

/// Decides a verdict from the weighed evidence.
public protocol VerdictAggregator: Sendable {
    func decide(_ claim: Claim, evidence: [Evidence]) -> VerdictDecision
}

/// Writes the report: summary, facts with citations, analysis, conclusion and sources.
public protocol ReportWriter: Sendable {
    func write(_ claim: Claim, decision: VerdictDecision, evidence: [Evidence], date: Date) async throws -> Report
}

/// Maps texts to unit-length vectors for dense retrieval.
public protocol TextEmbedder: Sendable {
    func embed(_ texts: [String]) async throws -> [[Float]]
}

/// Finds the check-worthy claims of an article, in the article's order, each standing alone.
public protocol ClaimExtractor: Sendable {
    func claims(in article: Article, limit: Int) async throws -> [ExtractedClaim]
}
