/// One place evidence comes from — the local knowledge base, an encyclopedia, a web search, earlier fact checks —
/// asked beside the others by the retriever that fuses their answers.
public protocol EvidenceProvider: Sendable {
    /// A short name shown to readers and used in /metrics ("local", "wikipedia").
    var name: String { get }
    /// Passages for the query, most relevant first, at most `query.limit`; each names its source, its date when known
    /// and this provider.
    func passages(for query: EvidenceQuery) async throws -> [RetrievedPassage]
}
