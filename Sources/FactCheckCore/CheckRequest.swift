/// A claim submitted for checking, validated and normalised once: its match key (the same claim in other words joins
/// one job) and the embedding of its normalised wording (kept with the published check for instant answers).
public struct CheckRequest: Sendable, Codable, Equatable {
    public var claim: Claim
    public var matchKey: String
    public var embedding: [Float]
    /// What the optional LLM did while the claim was prepared (its rewording), counted in the check's budget.
    public var llm: LLMBudget.Record?

    public init(claim: Claim, embedding: [Float], llm: LLMBudget.Record? = nil) {
        self.claim = claim
        matchKey = ClaimKey.matchKey(claim.normalized)
        self.embedding = embedding
        self.llm = llm
    }
}
