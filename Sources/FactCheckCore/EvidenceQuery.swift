/// What every evidence provider is asked for one claim: the claim, its search phrasings and its embedding, each
/// computed once.
public struct EvidenceQuery: Sendable {
    public var claim: Claim
    /// Phrasings for a search engine, the claim itself first ("Japan is a member of NATO", "Japan NATO member").
    public var searches: [String]
    /// The claim's unit-length embedding, when the caller has one.
    public var vector: [Float]?
    /// The most passages wanted from one provider.
    public var limit: Int

    public init(claim: Claim, searches: [String]? = nil, vector: [Float]? = nil, limit: Int) {
        self.claim = claim
        self.searches = searches ?? [claim.normalized]
        self.vector = vector
        self.limit = limit
    }
}
