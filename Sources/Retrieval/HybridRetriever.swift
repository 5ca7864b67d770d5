import FactCheckCore
import Foundation

/// The local knowledge base (any `PassageStore`) as an evidence provider: passages found by their words (BM25) and by
/// embedding similarity, fused with reciprocal-rank fusion (score = Σ 1 / (k + rank) over the two rankings).
public struct HybridRetriever: EvidenceProvider {
    public struct Configuration: Sendable {
        public var lexicalCandidates: Int
        public var denseCandidates: Int
        public var fusionK: Double

        public init(lexicalCandidates: Int = 50, denseCandidates: Int = 50, fusionK: Double = 60) {
            self.lexicalCandidates = lexicalCandidates
            self.denseCandidates = denseCandidates
            self.fusionK = fusionK
        }
    }

    public let store: any PassageStore
    public let embedder: any TextEmbedder
    public let configuration: Configuration
    public let name = "local"

    public init(store: any PassageStore, embedder: any TextEmbedder, configuration: Configuration = Configuration()) {
        self.store = store
        self.embedder = embedder
        self.configuration = configuration
    }

    public func passages(for request: EvidenceQuery) async throws -> [RetrievedPassage] {
        let claim = request.claim, limit = request.limit
        var query = request.vector ?? []
        if query.isEmpty { query = try await embedder.embed([claim.normalized])[0] }
        let lexical = try await store.lexicalSearch(claim.normalized, limit: configuration.lexicalCandidates)
        let nearest = try await store.denseSearch(query, limit: configuration.denseCandidates)
        // A passage the lexical search found but the dense top list missed is ranked by its own similarity among all
        // candidates, so a lexical best match is not dropped for lacking a dense rank.
        var similarities = Dictionary(nearest.map { ($0.key, $0.similarity) }, uniquingKeysWith: { first, _ in first })
        let unranked = lexical.filter { similarities[$0] == nil }
        if !unranked.isEmpty { similarities.merge(try await store.similarities(query, to: unranked)) { first, _ in first } }
        let dense = similarities.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        var fused: [Int64: (score: Double, lexical: Int?, dense: Int?)] = [:]
        for (rank, key) in lexical.enumerated() {
            fused[key, default: (0, nil, nil)].score += 1 / (configuration.fusionK + Double(rank + 1))
            fused[key]!.lexical = rank + 1
        }
        for (rank, rowid) in dense.enumerated() {
            fused[rowid, default: (0, nil, nil)].score += 1 / (configuration.fusionK + Double(rank + 1))
            fused[rowid]!.dense = rank + 1
        }
        let best = fused.sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }.prefix(limit)
        return try await store.passages(best.map(\.key)).map { item in
            let ranks = fused[item.key]!
            return RetrievedPassage(passage: item.passage, source: item.source, relevance: ranks.score,
                                    lexicalRank: ranks.lexical, denseRank: ranks.dense, similarity: similarities[item.key], provider: name)
        }
    }
}
