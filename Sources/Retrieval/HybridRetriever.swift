import FactCheckCore
import Foundation
import Store

/// The local knowledge base as an evidence provider: passages found by BM25 (FTS5) and by embedding similarity, fused
/// with reciprocal-rank fusion (score = Σ 1 / (k + rank) over the two rankings).
public final class HybridRetriever: EvidenceProvider {
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

    public let knowledgeBase: KnowledgeBase
    public let embedder: any TextEmbedder
    public let configuration: Configuration
    public let name = "local"
    private let index: VectorIndex

    /// Maps the passage vectors of `knowledgeBase` for exact search (see `KnowledgeBase.passageVectors()`).
    public init(knowledgeBase: KnowledgeBase, embedder: any TextEmbedder, configuration: Configuration = Configuration()) throws {
        self.knowledgeBase = knowledgeBase
        self.embedder = embedder
        self.configuration = configuration
        index = VectorIndex(vectors: try knowledgeBase.passageVectors())
    }

    public func passages(for request: EvidenceQuery) async throws -> [RetrievedPassage] {
        let claim = request.claim, limit = request.limit
        var query = request.vector ?? []
        if query.isEmpty { query = try await embedder.embed([claim.normalized])[0] }
        let lexical = try knowledgeBase.search(claim.normalized, limit: configuration.lexicalCandidates)
        let nearest = index.nearest(query, limit: configuration.denseCandidates)
        // A passage the lexical search found but the dense top list missed is ranked by its own similarity among all
        // candidates, so a lexical best match is not dropped for lacking a dense rank.
        var similarities = Dictionary(nearest.map { ($0.rowid, $0.similarity) }, uniquingKeysWith: { first, _ in first })
        for hit in lexical where similarities[hit.rowid] == nil { similarities[hit.rowid] = index.similarity(query, rowid: hit.rowid) }
        let dense = similarities.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        var fused: [Int64: (score: Double, lexical: Int?, dense: Int?)] = [:]
        for (rank, hit) in lexical.enumerated() {
            fused[hit.rowid, default: (0, nil, nil)].score += 1 / (configuration.fusionK + Double(rank + 1))
            fused[hit.rowid]!.lexical = rank + 1
        }
        for (rank, rowid) in dense.enumerated() {
            fused[rowid, default: (0, nil, nil)].score += 1 / (configuration.fusionK + Double(rank + 1))
            fused[rowid]!.dense = rank + 1
        }
        let best = fused.sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }.prefix(limit)
        return try knowledgeBase.passages(rowids: best.map(\.key)).map { item in
            let rowid = item.rowid
            let ranks = fused[rowid]!
            return RetrievedPassage(passage: item.passage, source: item.source, relevance: ranks.score,
                                    lexicalRank: ranks.lexical, denseRank: ranks.dense, similarity: index.similarity(query, rowid: rowid), provider: name)
        }
    }
}
