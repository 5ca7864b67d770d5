/// An earlier fact check of a claim by a fact-checking organisation, as a search of published reviews (Google Fact
/// Check Tools' ClaimReview records) returns it: the claim it reviewed and the rating it gave.
public struct PriorReview: Sendable, Codable, Equatable {
    /// The claim as the reviewer worded it.
    public var claim: String
    /// Who made the claim, when the reviewer says.
    public var claimant: String?
    /// The reviewer's own rating ("False", "Pants on Fire", "Mostly true", "Misleading").
    public var rating: String

    public init(claim: String, claimant: String? = nil, rating: String) {
        self.claim = claim
        self.claimant = claimant
        self.rating = rating
    }

    /// The rating read as a stance toward the reviewed claim: false ratings refute, true ratings support, mixed ones
    /// lean both ways, and a rating FactCheck cannot read says nothing.
    public var stance: StanceProbabilities {
        let rating = rating.lowercased()
        let has = { (phrases: [String]) in phrases.contains { rating.contains($0) } }
        let (supports, refutes): (Double, Double)
        if has(["mostly false", "largely false", "mostly inaccurate"]) {
            (supports, refutes) = (0.1, 0.7)
        } else if has(["half true", "half-true", "mixture", "mixed", "partly", "partially", "misleading", "missing context", "exaggerat", "cherry"]) {
            (supports, refutes) = (0.35, 0.45)
        } else if has(["false", "pants on fire", "fake", "incorrect", "wrong", "not true", "untrue", "inaccurate", "baseless", "no evidence", "hoax", "fabricated", "debunk"]) {
            (supports, refutes) = (0.02, 0.9)
        } else if has(["mostly true", "mostly correct", "largely true", "mostly accurate"]) {
            (supports, refutes) = (0.7, 0.1)
        } else if has(["true", "correct", "accurate", "confirmed"]) {
            (supports, refutes) = (0.9, 0.02)
        } else {
            (supports, refutes) = (0, 0)
        }
        return StanceProbabilities(supports: supports, refutes: refutes, notEnoughInfo: 1 - supports - refutes)
    }
}
