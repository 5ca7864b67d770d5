import English
import FactCheckCore
import Foundation

/// The offline claim extractor: splits an article into sentences, leaves out what is never a claim (questions,
/// the writer speaking, hypotheses, summaries, page furniture, sentences that lean on one before them), rewrites
/// the rest to stand alone, splits compound statements, merges duplicates, and keeps the most check-worthy: scored by
/// the mean of the rules' score and the probability of a model learned from labelled check-worthy sentences (spoken
/// debate, unlike articles, hence the rules beside it), or by the rules alone when no model is given.
public struct CheckWorthyClaimExtractor: ClaimExtractor {
    public struct Configuration: Sendable {
        /// Statements scoring below this are not checked.
        public var minimumCheckWorthiness: Double
        public init(minimumCheckWorthiness: Double = 0.5) { self.minimumCheckWorthiness = minimumCheckWorthiness }
    }

    /// A sentence considered, and what became of it (for `--trace` and the measurements).
    public struct Decision: Sendable, Equatable {
        public var sentence: String
        public var span: TextSpan
        /// Why it was left out, or `nil` when its claims were scored.
        public var exclusion: String?
        public var claims: [String]
        public var checkWorthiness: Double
    }

    public let model: CheckWorthinessModel?
    public let configuration: Configuration

    public init(model: CheckWorthinessModel? = nil, configuration: Configuration = Configuration()) {
        self.model = model
        self.configuration = configuration
    }

    public func claims(in article: Article, limit: Int) async throws -> [ExtractedClaim] {
        try await claims(in: article, limit: limit).claims
    }

    /// The claims, with a decision for every sentence of the article.
    public func claims(in article: Article, limit: Int) async throws -> (claims: [ExtractedClaim], decisions: [Decision]) {
        let ranges = SentenceSplitter.ranges(in: article.text)
        let sentences = ranges.map { article.text[$0].split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var context = Decontextualizer(sentences: sentences, title: article.title)
        var decisions: [Decision] = []
        var standalones: [String] = []
        for (range, sentence) in zip(ranges, sentences) {
            let span = TextSpan(range, in: article.text)
            if let exclusion = StatementFeatures(sentence).exclusion {
                decisions.append(Decision(sentence: sentence, span: span, exclusion: exclusion.rawValue, claims: [], checkWorthiness: 0))
                _ = context.standalone(sentence)
                continue
            }
            guard let standalone = context.standalone(sentence) else {
                decisions.append(Decision(sentence: sentence, span: span, exclusion: "refers to something it does not name", claims: [], checkWorthiness: 0))
                continue
            }
            decisions.append(Decision(sentence: sentence, span: span, exclusion: nil, claims: CompoundSplitter.split(standalone), checkWorthiness: 0))
            standalones.append(standalone)
        }
        // The statement as it stands alone is scored: "It is an island nation …" is worth checking as "Japan is …".
        let scored = decisions.indices.filter { decisions[$0].exclusion == nil }
        let scores = try await score(standalones, features: standalones.map(StatementFeatures.init))
        for (index, score) in zip(scored, scores) {
            decisions[index].checkWorthiness = score
            if score < configuration.minimumCheckWorthiness { decisions[index].exclusion = "not check-worthy enough" }
        }
        var claims: [ExtractedClaim] = []
        var seen: [Set<String>] = []
        for decision in decisions.sorted(by: { $0.checkWorthiness > $1.checkWorthiness }) where decision.exclusion == nil {
            for text in decision.claims {
                let words = Self.contentWords(text)
                guard !seen.contains(where: { Self.jaccard($0, words) >= 0.8 }) else { continue }
                seen.append(words)
                claims.append(ExtractedClaim(text: text, sentence: decision.sentence, span: decision.span, checkWorthiness: decision.checkWorthiness))
            }
        }
        let kept = claims.prefix(max(0, limit)).enumerated().sorted { ($0.element.span, $0.offset) < ($1.element.span, $1.offset) }.map(\.element)
        return (kept, decisions)
    }

    private func score(_ sentences: [String], features: [StatementFeatures]) async throws -> [Double] {
        guard let model else { return features.map(\.ruleScore) }
        let probabilities = try await model.probabilities(of: sentences, features: features.map(\.vector))
        return zip(probabilities, features).map { ($0 + $1.ruleScore) / 2 }
    }

    /// The rules' check-worthiness of a sentence taken alone (0 when it is never a claim).
    public static func ruleScore(of sentence: String) -> Double { StatementFeatures(sentence).ruleScore }

    private static func contentWords(_ text: String) -> Set<String> {
        Set(Token.tokenize(text).map(\.lower).filter { !$0.isEmpty && !Lexicon.determiners.contains($0) && !Lexicon.prepositions.contains($0) })
    }

    private static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        a.isEmpty && b.isEmpty ? 1 : Double(a.intersection(b).count) / Double(a.union(b).count)
    }
}
