/// What a retriever found for a claim: the passages to read and how each provider answered.
public struct EvidenceSearch: Sendable {
    public var passages: [RetrievedPassage]
    public var providers: [ProviderOutcome]

    public init(passages: [RetrievedPassage], providers: [ProviderOutcome] = []) {
        self.passages = passages
        self.providers = providers
    }
}
