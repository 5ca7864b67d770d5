/// One retrieved passage with everything the verdict and the report need about it.
public struct Evidence: Sendable, Codable, Equatable {
    public var retrieved: RetrievedPassage
    public var credibility: Credibility
    public var stance: StanceProbabilities

    public init(retrieved: RetrievedPassage, credibility: Credibility, stance: StanceProbabilities) {
        self.retrieved = retrieved
        self.credibility = credibility
        self.stance = stance
    }

    public var passage: Passage { retrieved.passage }
    public var source: Source { retrieved.source }
}

/// The aggregator's decision: the verdict, its calibrated confidence and the evidence that decided it.
public struct VerdictDecision: Sendable, Codable, Equatable {
    public var verdict: Verdict
    /// Probability that the verdict is right, 0…1.
    public var confidence: Double
    /// Passages that decided the verdict, most weighty first.
    public var keyEvidence: [PassageID]
    /// Why, in one or two plain sentences (used in the conclusion).
    public var rationale: String

    public init(verdict: Verdict, confidence: Double, keyEvidence: [PassageID], rationale: String) {
        self.verdict = verdict
        self.confidence = confidence
        self.keyEvidence = keyEvidence
        self.rationale = rationale
    }
}
