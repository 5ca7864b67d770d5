import English
import FactCheckCore
import Foundation

/// Decides a verdict from per-passage stances weighted by how relevant and how credible each passage is.
///
/// Each passage's weight is `credibility × topicality`, where topicality rises from 0 to 1 as the claim–passage
/// cosine similarity goes from `offTopicSimilarity` to `onTopicSimilarity`. Each side's strength combines the
/// sources independently (noisy-OR over each source's strongest passage, ignoring negligible ones), so agreeing
/// sources corroborate each other while one source counts once however many passages it has. Support `s` and
/// refutation `r` decide: neither reaches `evidenceThreshold` → Unverifiable (thin or off-topic evidence
/// is never a confident guess); both do, nearly as strongly → Misleading, or Outdated when the claim states
/// something that changes over time (a count, a ranking or an office holder, in the present tense) and the supporting
/// evidence is older than the refuting evidence; otherwise the stronger side wins, "Mostly" when the other side
/// is not negligible or the winner is not decisive.
public struct WeightedVerdictAggregator: VerdictAggregator {
    public struct Configuration: Sendable {
        public var offTopicSimilarity: Double
        public var onTopicSimilarity: Double
        public var evidenceThreshold: Double
        public var decisiveThreshold: Double
        public var negligibleThreshold: Double
        /// Both sides at least this fraction of the other → conflicting evidence.
        public var conflictRatio: Double

        public init(offTopicSimilarity: Double = 0.25, onTopicSimilarity: Double = 0.55, evidenceThreshold: Double = 0.4,
                    decisiveThreshold: Double = 0.6, negligibleThreshold: Double = 0.2, conflictRatio: Double = 0.75) {
            self.offTopicSimilarity = offTopicSimilarity
            self.onTopicSimilarity = onTopicSimilarity
            self.evidenceThreshold = evidenceThreshold
            self.decisiveThreshold = decisiveThreshold
            self.negligibleThreshold = negligibleThreshold
            self.conflictRatio = conflictRatio
        }
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) { self.configuration = configuration }

    /// How much a passage counts: its credibility times its topicality.
    public func weight(of evidence: Evidence) -> Double {
        let topicality: Double
        if let similarity = evidence.retrieved.similarity {
            let span = configuration.onTopicSimilarity - configuration.offTopicSimilarity
            topicality = min(1, max(0, (similarity - configuration.offTopicSimilarity) / span))
        } else {
            topicality = 1  // gold evidence: given as relevant
        }
        return evidence.credibility.score * topicality
    }

    public func decide(_ claim: Claim, evidence: [Evidence]) -> VerdictDecision {
        let weighted = evidence.map { (evidence: $0, weight: weight(of: $0)) }
        let supporting = weighted.map { ($0.evidence, $0.weight * $0.evidence.stance.supports) }.sorted { $0.1 > $1.1 }
        let refuting = weighted.map { ($0.evidence, $0.weight * Self.refutation(in: $0.evidence.stance)) }.sorted { $0.1 > $1.1 }
        let c = configuration
        let support = combined(supporting), refute = combined(refuting)
        let key = { (list: [(Evidence, Double)]) in list.prefix(3).filter { $0.1 >= c.evidenceThreshold }.map(\.0.passage.id) }

        guard max(support, refute) >= c.evidenceThreshold else {
            let onTopic = weighted.filter { $0.weight > 0 }.count
            return VerdictDecision(
                verdict: .unverifiable, confidence: 1 - max(support, refute), keyEvidence: [],
                rationale: onTopic == 0
                    ? "None of the \(evidence.count) passages found is about this claim."
                    : "The \(onTopic) relevant passage\(onTopic == 1 ? "" : "s") found neither clearly support nor clearly refute the claim."
            )
        }
        let weaker = min(support, refute), stronger = max(support, refute)
        if weaker >= c.evidenceThreshold, weaker >= c.conflictRatio * stronger {
            let supportDate = newestDate(supporting.prefix(3).filter { $0.1 >= c.evidenceThreshold }.map(\.0))
            let refuteDate = newestDate(refuting.prefix(3).filter { $0.1 >= c.evidenceThreshold }.map(\.0))
            if Self.canBecomeOutdated(claim.normalized), let supportDate, let refuteDate, supportDate < refuteDate {
                return VerdictDecision(
                    verdict: .outdated, confidence: refute, keyEvidence: key(refuting) + key(supporting),
                    rationale: "Older sources support the claim, but newer ones contradict it."
                )
            }
            return VerdictDecision(
                verdict: .misleading, confidence: (support + refute) / 2, keyEvidence: key(supporting) + key(refuting),
                rationale: "Credible sources both support and contradict parts of the claim."
            )
        }
        if support > refute {
            let decisive = support >= c.decisiveThreshold && refute < c.negligibleThreshold
            return VerdictDecision(
                verdict: decisive ? .true : .mostlyTrue, confidence: support * (1 - refute), keyEvidence: key(supporting),
                rationale: decisive ? "Credible, relevant sources support the claim as stated."
                    : "Sources support the claim, with some uncertainty or missing context."
            )
        }
        let decisive = refute >= c.decisiveThreshold && support < c.negligibleThreshold
        return VerdictDecision(
            verdict: decisive ? .false : .mostlyFalse, confidence: refute * (1 - support), keyEvidence: key(refuting),
            rationale: decisive ? "Credible, relevant sources contradict the claim."
                : "Sources mostly contradict the claim, though part of it may hold."
        )
    }

    /// A passage's probability of refuting when refuting is its most probable stance, else 0: a passage the verifier
    /// reads as not addressing the claim cannot help call it false, however its remaining probability is split.
    /// (Support is not gated so: weak support from several passages may add up to Mostly True.)
    static func refutation(in stance: StanceProbabilities) -> Double {
        stance.stance == .refutes ? stance.refutes : 0
    }

    /// Noisy-OR over sources of each source's strongest weighted value, leaving out negligible ones.
    private func combined(_ values: [(Evidence, Double)]) -> Double {
        var strongest: [SourceID: Double] = [:]
        for (evidence, value) in values where value >= configuration.negligibleThreshold {
            strongest[evidence.source.id] = max(strongest[evidence.source.id] ?? 0, value)
        }
        return 1 - strongest.values.reduce(1) { $0 * (1 - $1) }
    }

    /// The most recent date among the sources' publication dates or years written in the passages.
    private func newestDate(_ items: [Evidence]) -> Int? {
        items.compactMap { item -> Int? in
            let written = Numbers.years(in: item.passage.text).max()
            let published = item.source.published.map { Calendar(identifier: .gregorian).component(.year, from: $0) }
            return [written, published].compactMap { $0 }.max()
        }.max()
    }

    /// Whether a claim states a present fact that changes over time — a count ("has 30 members"), a ranking
    /// ("the largest", "second-biggest") or an office holder ("the president of") — rather than a past event
    /// ("was founded in 1949"), which newer sources cannot make outdated.
    public static func canBecomeOutdated(_ claim: String) -> Bool {
        let words = claim.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init)
        let pastTense: Set<String> = ["was", "were", "had", "did"]
        guard !words.contains(where: pastTense.contains) else { return false }
        let offices: Set<String> = ["president", "prime", "chancellor", "king", "queen", "leader", "ceo", "chairman", "chair", "head",
                                    "governor", "mayor", "minister", "secretary-general", "pope", "champion", "holder", "capital"]
        let hasCount = words.contains { word in word.allSatisfy(\.isNumber) && !Numbers.isYear(word) }
        let countVerbs: Set<String> = ["has", "have", "are", "contains", "consists", "comprises", "includes", "counts", "numbers", "population", "members", "member"]
        let superlative = zip(words, words.dropFirst()).contains { previous, word in
            ["the", "second", "third", "most"].contains(previous) && word.hasSuffix("est") && word.count > 4
        }
        let ranking = superlative || words.contains("most") || words.contains("largest")
        return (hasCount && words.contains(where: countVerbs.contains)) || ranking || words.contains(where: offices.contains)
    }
}
