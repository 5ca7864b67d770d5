import English
import FactCheckCore
import Foundation

/// Asks every evidence provider at once, each within its deadline, and fuses their rankings by reciprocal-rank fusion
/// (score = Σ 1 / (k + rank) over the providers that found a passage). A passage found twice (the same text from two
/// providers, or near-identical text) counts once, with both ranks. A provider that fails or is late is left out of
/// this check and its outcome says so; the check fails only when no provider answers.
///
/// The claim is embedded once here: the local knowledge base searches with that vector, and every passage a provider
/// gives without a similarity (web pages, encyclopedia sections) gets one, so the verdict weighs all passages by how
/// close they are to the claim in the same way.
public struct FusedEvidenceRetriever: EvidenceRetriever {
    public struct Configuration: Sendable {
        /// How long one provider may take; after that the check goes on without it.
        public var providerDeadline: Duration
        /// Deadlines of particular providers, by name, instead of `providerDeadline`.
        public var deadlines: [String: Duration]
        /// The most passages asked of particular providers, by name, instead of the check's limit.
        public var passageLimits: [String: Int]
        public var fusionK: Double
        /// Two passages whose word sets overlap at least this much (Jaccard) are one passage.
        public var duplicateOverlap: Double

        public init(providerDeadline: Duration = .seconds(8), deadlines: [String: Duration] = [:], passageLimits: [String: Int] = [:],
                    fusionK: Double = 60, duplicateOverlap: Double = 0.9) {
            self.providerDeadline = providerDeadline
            self.deadlines = deadlines
            self.passageLimits = passageLimits
            self.fusionK = fusionK
            self.duplicateOverlap = duplicateOverlap
        }
    }

    public let providers: [any EvidenceProvider]
    public let embedder: any TextEmbedder
    public let queryWriter: any SearchQueryWriter
    public let configuration: Configuration
    /// Told of each provider that failed or was late, with the claim and the error (for the operator's log).
    public let onFailure: @Sendable (_ provider: String, _ claim: Claim, _ error: any Error) -> Void

    public init(providers: [any EvidenceProvider], embedder: any TextEmbedder, queryWriter: any SearchQueryWriter,
                configuration: Configuration = Configuration(),
                onFailure: @escaping @Sendable (String, Claim, any Error) -> Void = { _, _, _ in }) {
        precondition(!providers.isEmpty, "at least one evidence provider")
        self.providers = providers
        self.embedder = embedder
        self.queryWriter = queryWriter
        self.configuration = configuration
        self.onFailure = onFailure
    }

    public func retrieve(for claim: Claim, embedding: [Float]?, limit: Int) async throws -> EvidenceSearch {
        var vector = embedding ?? []
        if vector.isEmpty { vector = try await embedder.embed([claim.normalized])[0] }
        let query = EvidenceQuery(claim: claim, searches: try await queryWriter.searches(for: claim), vector: vector, limit: limit)
        let answers = await withTaskGroup(of: (Int, Answer).self) { group in
            for (index, provider) in providers.enumerated() {
                group.addTask { (index, await ask(provider, query)) }
            }
            var answers: [Int: Answer] = [:]
            for await (index, answer) in group { answers[index] = answer }
            return answers.sorted { $0.key < $1.key }.map(\.value)
        }
        let outcomes = zip(providers, answers).map { provider, answer in
            ProviderOutcome(provider: provider.name, status: answer.status, passages: answer.given, milliseconds: answer.milliseconds)
        }
        for (provider, answer) in zip(providers, answers) {
            if let error = answer.error { onFailure(provider.name, claim, error) }
        }
        guard answers.contains(where: { $0.status == .answered }) else {
            throw answers.compactMap(\.error).first ?? CancellationError()
        }
        let rankings = try await withSimilarities(answers.map(\.passages), to: vector)
        return EvidenceSearch(passages: Array(fuse(rankings).prefix(limit)), providers: outcomes)
    }

    private struct Answer: Sendable {
        var passages: [RetrievedPassage]
        /// How many the provider gave, before the limit.
        var given: Int
        var status: ProviderOutcome.Status
        var error: (any Error)?
        var milliseconds: Double
    }

    private struct DeadlineExceeded: Error, CustomStringConvertible {
        var deadline: Duration
        var description: String { "no answer within \(deadline)" }
    }

    /// One provider's answer, or its error, or a timeout once the deadline has passed (the provider is cancelled).
    private func ask(_ provider: any EvidenceProvider, _ shared: EvidenceQuery) async -> Answer {
        let start = ContinuousClock.now
        let deadline = configuration.deadlines[provider.name] ?? configuration.providerDeadline
        let query = configuration.passageLimits[provider.name].map { limit in
            var query = shared
            query.limit = max(1, limit)
            return query
        } ?? shared
        let elapsed = { (ContinuousClock.now - start) / .milliseconds(1) }
        do {
            let passages = try await withThrowingTaskGroup(of: [RetrievedPassage]?.self) { group in
                group.addTask { try await provider.passages(for: query) }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
            guard let passages else { return Answer(passages: [], given: 0, status: .timedOut, error: DeadlineExceeded(deadline: deadline), milliseconds: elapsed()) }
            let named = passages.prefix(query.limit).map { passage in
                var passage = passage
                passage.provider = passage.provider ?? provider.name
                return passage
            }
            return Answer(passages: named, given: passages.count, status: .answered, error: nil, milliseconds: elapsed())
        } catch {
            return Answer(passages: [], given: 0, status: .failed, error: error, milliseconds: elapsed())
        }
    }

    /// The rankings with every passage's cosine similarity to the claim, embedding those that came without one.
    private func withSimilarities(_ rankings: [[RetrievedPassage]], to vector: [Float]) async throws -> [[RetrievedPassage]] {
        let missing = rankings.flatMap { $0.filter { $0.similarity == nil }.map(\.passage.text) }
        guard !missing.isEmpty else { return rankings }
        var vectors = try await embedder.embed(missing).makeIterator()
        return rankings.map { ranking in
            ranking.map { passage in
                guard passage.similarity == nil, let embedded = vectors.next() else { return passage }
                var passage = passage
                passage.similarity = Double(zip(embedded, vector).reduce(Float(0)) { $0 + $1.0 * $1.1 })
                return passage
            }
        }
    }

    /// Reciprocal-rank fusion of the providers' rankings, near-duplicates merged into the first one found. A single
    /// ranking keeps its order and its own relevance scores.
    func fuse(_ rankings: [[RetrievedPassage]]) -> [RetrievedPassage] {
        let answered = rankings.filter { !$0.isEmpty }
        var fused: [(passage: RetrievedPassage, words: Set<String>, score: Double)] = []
        for ranking in rankings {
            for (rank, passage) in ranking.enumerated() {
                let score = 1 / (configuration.fusionK + Double(rank + 1))
                let words = Self.words(passage.passage.text)
                if let same = fused.firstIndex(where: { $0.passage.passage.id == passage.passage.id || Self.overlap($0.words, words) >= configuration.duplicateOverlap }) {
                    fused[same].score += score
                } else {
                    fused.append((passage, words, score))
                }
            }
        }
        if answered.count == 1 {
            let kept = Set(fused.map(\.passage.passage.id))
            return answered[0].filter { kept.contains($0.passage.id) }
        }
        // A stable sort: equal scores keep provider order, then rank.
        return fused.enumerated().sorted { $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset }
            .map { item in
                var passage = item.element.passage
                passage.relevance = item.element.score
                return passage
            }
    }

    private static func words(_ text: String) -> Set<String> {
        Set(Words.matching(text))
    }

    private static func overlap(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }
}
