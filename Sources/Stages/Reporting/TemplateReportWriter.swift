import FactCheckCore
import Foundation

/// Writes a fact check from templates. Sources are numbered by importance; each fact is a sentence quoted from a
/// passage (its most relevant one), cited to that passage and to the other passages that say the same, each of those
/// kept only when the stance classifier finds it entails the sentence (the quoted passage states it already).
public struct TemplateReportWriter: ReportWriter {
    /// Checks the citations a fact gains from other passages: the cited passage is the premise, the fact the statement.
    public let stanceClassifier: any StanceClassifier
    public let configuration: Configuration

    public init(stanceClassifier: any StanceClassifier, configuration: Configuration = Configuration()) {
        self.stanceClassifier = stanceClassifier
        self.configuration = configuration
    }

    public func write(_ claim: Claim, decision: VerdictDecision, evidence: [Evidence], date: Date) async throws -> Report {
        try await compose(claim, decision: decision, evidence: evidence, date: date).report
    }

    /// Writes the report and returns it with the citations the check rejected.
    public func compose(_ claim: Claim, decision: VerdictDecision, evidence: [Evidence], date: Date) async throws -> WrittenReport {
        let sources = select(evidence, keyEvidence: decision.keyEvidence)
        let candidates = candidateFacts(claim: claim, verdict: decision.verdict, sources: sources)
        var facts: [Report.Fact] = []
        var droppedCitations = 0
        for candidate in candidates.prefix(configuration.maxFacts) {
            // The passage the sentence is quoted from states it; the others that say the same are checked.
            let quoted = candidate.citations[0], others = Array(candidate.citations.dropFirst())
            var kept = [quoted]
            if !others.isEmpty {
                let stances = try await stanceClassifier.stances(of: others.map { sources[$0 - 1].passage }, toward: candidate.text)
                guard stances.count == others.count else {
                    throw ReportWriterError.classifierResultCount(expected: others.count, got: stances.count)
                }
                kept += zip(others, stances).filter { $0.1.supports >= configuration.citationThreshold }.map(\.0)
            }
            droppedCitations += candidate.citations.count - kept.count
            facts.append(Report.Fact(text: candidate.text, citations: kept))
        }
        let narrative = ReportNarrative(claim: claim, decision: decision, sources: sources, facts: facts, evidence: evidence,
                                        date: date, configuration: configuration)
        let report = Report(
            claim: claim.text, normalizedClaim: claim.normalized, date: date, verdict: decision.verdict, confidence: decision.confidence,
            summary: narrative.summary, whatWeKnow: facts,
            analysis: sources.map { Report.SourceAnalysis(source: $0.n, text: narrative.analysis(of: $0)) },
            conclusion: narrative.conclusion, sources: sources.map(\.cited), timingsMs: [:]
        )
        return WrittenReport(report: report, droppedCitations: droppedCitations)
    }

    /// Key evidence in the decision's order, then the rest by relevance × credibility; one entry per passage.
    private func select(_ evidence: [Evidence], keyEvidence: [PassageID]) -> [ReportSource] {
        let byID = Dictionary(evidence.map { ($0.passage.id, $0) }, uniquingKeysWith: { first, _ in first })
        let keyIDs = Set(keyEvidence)
        let ranked = keyEvidence.compactMap { byID[$0] }
            + evidence.sorted { $0.retrieved.relevance * $0.credibility.score > $1.retrieved.relevance * $1.credibility.score }
        var seen = Set<PassageID>()
        var sources: [ReportSource] = []
        for item in ranked where sources.count < configuration.maxSources && seen.insert(item.passage.id).inserted {
            sources.append(ReportSource(n: sources.count + 1, evidence: item, isKey: keyIDs.contains(item.passage.id),
                                        stanceMargin: configuration.stanceMargin))
        }
        return sources
    }

    /// One sentence per credible passage whose stance does not oppose the verdict, merged when they say the same.
    /// A sentence from a source that did not decide the verdict must mention everything the claim names (each run of
    /// names by its last word, in the sentence or its source's title): background on another subject ("The Council of
    /// Europe was founded in 1949") or on one of several ("Toulouse is a city in Southern France" for "Paris is the
    /// capital of France") is not what we know about the claim.
    private func candidateFacts(claim: Claim, verdict: Verdict, sources: [ReportSource]) -> [ReportFactCandidate] {
        let statement = claim.normalized.isEmpty ? claim.text : claim.normalized
        let claimTokens = ReportTokens.content(statement)
        let claimAnchors = StatementAnchors(claim: statement).droppingInitialName(ifLowerCaseIn: sources.lazy.map(\.passage))
        let allowed = ReportNarrative.factStances(for: verdict)
        var candidates: [ReportFactCandidate] = []
        for source in sources where source.evidence.credibility.score >= configuration.minimumFactCredibility
            && allowed.contains(source.evidence.stance.stance) {
            guard let sentence = ReportSentences.mostRelevant(in: source.passage, to: claimTokens, minimumWords: configuration.minimumFactWords)
            else { continue }
            if !source.isKey {
                let sentenceAnchors = StatementAnchors(sentence), title = StatementAnchors(source.evidence.source.title)
                guard claimAnchors.nameHeads.allSatisfy({ sentenceAnchors.mentions($0) || title.mentions($0) }) else { continue }
            }
            let candidate = ReportFactCandidate(text: sentence, citation: source.n)
            if let index = candidates.firstIndex(where: { $0.sameFact(as: candidate, threshold: configuration.mergeThreshold) }) {
                candidates[index].citations.append(source.n)
            } else {
                candidates.append(candidate)
            }
        }
        return candidates
    }
}
