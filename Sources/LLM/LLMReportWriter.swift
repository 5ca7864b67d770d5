import English
import FactCheckCore
import Foundation

/// Prose by the LLM, facts checked by the verifier. The base writer chooses and numbers the sources and writes the
/// template report; the model then writes the summary, What We Know, the Analysis of each source (what it says, its
/// kind, credibility and possible bias) and the Conclusion from those sources, citing them as `[n]`. Every sentence
/// passes the `FaithfulnessFilter`; when some are dropped, the model is asked once more, told which and why, and the
/// answer that keeps more stands. A part left empty keeps the template's text; a model that fails leaves the template
/// report with a note. What was written and dropped is counted in the check's `LLMBudget`.
public struct LLMReportWriter: ReportWriter {
    public struct Configuration: Sendable {
        /// The verifier's support a citation needs.
        public var citationThreshold: Double
        /// The longest answer asked for.
        public var maxTokens: Int
        /// Whether a draft with dropped sentences is asked for once more.
        public var regenerates: Bool
        /// The longest passage shown to the model, in characters (cut at a sentence end where one is near): a small
        /// model's context is small, and a fact beyond the cut cannot be cited, since the filter reads the same text.
        public var passageLength: Int

        public init(citationThreshold: Double = 0.5, maxTokens: Int = 1_200, regenerates: Bool = true, passageLength: Int = 600) {
            self.citationThreshold = citationThreshold
            self.maxTokens = maxTokens
            self.regenerates = regenerates
            self.passageLength = passageLength
        }
    }

    public let client: OpenAIChatClient
    public let base: any ReportWriter
    /// The NLI verifier the filter asks (a cited passage is the premise, the sentence the statement).
    public let verifier: any StanceClassifier
    public let configuration: Configuration

    public init(client: OpenAIChatClient, base: any ReportWriter, verifier: any StanceClassifier, configuration: Configuration = Configuration()) {
        self.client = client
        self.base = base
        self.verifier = verifier
        self.configuration = configuration
    }

    public func write(_ claim: Claim, decision: VerdictDecision, evidence: [Evidence], date: Date) async throws -> Report {
        var report = try await base.write(claim, decision: decision, evidence: evidence, date: date)
        guard !report.sources.isEmpty else { return report }
        let budget = LLMBudget.current ?? LLMBudget()
        var shown = report
        for index in shown.sources.indices { shown.sources[index].passage = Self.cut(shown.sources[index].passage, to: configuration.passageLength) }
        let filter = FaithfulnessFilter(verifier: verifier, threshold: configuration.citationThreshold, claim: claim,
                                        verdict: report.verdict, sources: shown.sources)
        do {
            var best = try await draft(for: shown, claim: claim, rejected: [], budget: budget, filter: filter)
            budget.recordSentences(written: best.written, dropped: best.dropped.count)
            if configuration.regenerates, !best.dropped.isEmpty {
                do {
                    let second = try await draft(for: shown, claim: claim, rejected: best.dropped, budget: budget, filter: filter)
                    budget.recordSentences(written: second.written, dropped: second.dropped.count)
                    if second.keptCount > best.keptCount || (second.keptCount == best.keptCount && second.dropped.count < best.dropped.count) {
                        best = second
                    }
                } catch {
                    // The first draft stands.
                }
            }
            best.apply(to: &report)
        } catch let error where !(error is CancellationError) {
            budget.note(FallbackNote.couldNot("write this report's prose", model: client.configuration.model, error: error,
                                              instead: "the summary, What We Know, analysis and conclusion are FactCheck's own templates"))
        }
        return report
    }

    /// One answer from the model, filtered.
    private func draft(for report: Report, claim: Claim, rejected: [String], budget: LLMBudget, filter: FaithfulnessFilter) async throws -> FilteredProse {
        let request = ChatRequest(messages: Self.prompt(report, claim: claim, rejected: rejected), maxTokens: configuration.maxTokens,
                                  schema: ReportProse.schema)
        let prose = try await client.completeJSON(request, as: ReportProse.self, budget: budget)
        var filtered = FilteredProse()
        filtered.summary = try await filter.filter(prose.summary, requiresCitation: false)
        for fact in prose.whatWeKnow { filtered.facts.append(try await filter.filter(fact, requiresCitation: true)) }
        for item in prose.analysis where report.sources.contains(where: { $0.n == item.source }) && filtered.analysis[item.source] == nil {
            filtered.analysis[item.source] = try await filter.filter(item.text, requiresCitation: false)
        }
        filtered.conclusion = try await filter.filter(prose.conclusion, requiresCitation: false)
        return filtered
    }

    /// The passage's first sentences within `length` characters (the start of the first, cut at a word, when it is longer).
    static func cut(_ passage: String, to length: Int) -> String {
        guard passage.count > length else { return passage }
        var kept = ""
        for sentence in SentenceSplitter.sentences(in: passage) {
            guard kept.count + sentence.count + 1 <= length else { break }
            kept += (kept.isEmpty ? "" : " ") + sentence
        }
        if kept.isEmpty {
            let prefix = passage.prefix(length)
            kept = String(prefix[..<(prefix.lastIndex(of: " ") ?? prefix.endIndex)]) + " …"
        }
        return kept
    }

    /// The instructions, then the claim, the verdict and the numbered sources as delimited data.
    static func prompt(_ report: Report, claim: Claim, rejected: [String]) -> [ChatMessage] {
        let system = """
            You write the text of a fact check from the sources given, and from nothing else. Every sentence that states \
            a fact ends with the numbers of the sources that say it, in brackets, like [1] or [1, 3]. Do not change the \
            verdict. Write: "summary", two or three sentences with the verdict and the main reason; "what_we_know", up to \
            five facts from the sources, one sentence each, each with its citation; "analysis", for each source by its \
            number, two or three sentences on what it says about the claim, how far its kind of publisher can be trusted \
            and any possible bias; "conclusion", three or four sentences with the verdict, the key evidence, any nuance, \
            and the limits of what the sources show.
            """ + " " + PromptData.rule
        let sources = report.sources.map { source in
            let details = ["Title: \(source.title)", "Publisher: \(source.publisher ?? "unknown")",
                           "Kind: \(source.credibility.type.displayName)",
                           "Credibility: \(String(format: "%.2f", source.credibility.score)) (\(source.credibility.reason))",
                           "Stance toward the claim: \(source.stance.rawValue)", "Passage: \(source.passage)"]
            return PromptData.block("source", details.joined(separator: "\n"), attributes: "n=\"\(source.n)\"")
        }
        var user = [PromptData.block("claim", claim.normalized.isEmpty ? claim.text : claim.normalized),
                    "Verdict: \(report.verdict.rawValue) (confidence \(String(format: "%.2f", report.confidence)))"] + sources
        if !rejected.isEmpty {
            user.append("Your last answer had sentences that their cited sources do not say; they were removed. Write again, "
                + "and state only what each cited source says:\n" + rejected.map { "- " + PromptData.defused($0) }.joined(separator: "\n"))
        }
        return [ChatMessage(.system, system), ChatMessage(.user, user.joined(separator: "\n\n"))]
    }
}

/// A draft after the filter, part by part.
private struct FilteredProse {
    var summary = FaithfulnessFilter.Outcome()
    var facts: [FaithfulnessFilter.Outcome] = []
    var analysis: [Int: FaithfulnessFilter.Outcome] = [:]
    var conclusion = FaithfulnessFilter.Outcome()

    private var parts: [FaithfulnessFilter.Outcome] { [summary, conclusion] + facts + analysis.values }
    var written: Int { parts.reduce(0) { $0 + $1.written } }
    var dropped: [String] { parts.flatMap(\.dropped) }
    var keptCount: Int { parts.reduce(0) { $0 + $1.kept.count } }

    /// The kept prose in place of the template's, part by part; an empty part keeps the template's.
    func apply(to report: inout Report) {
        if !summary.kept.isEmpty { report.summary = summary.text }
        let facts = facts.flatMap(\.kept).map { Report.Fact(text: $0.text, citations: $0.citations) }
        if !facts.isEmpty { report.whatWeKnow = facts }
        for index in report.analysis.indices {
            if let written = analysis[report.analysis[index].source], !written.kept.isEmpty { report.analysis[index].text = written.text }
        }
        if !conclusion.kept.isEmpty { report.conclusion = conclusion.text }
    }
}
