import Foundation

/// The fact-checking pipeline: its stages are given in `init` (the CLI and the web app wire concrete ones);
/// `check` runs them in order and records a trace.
public struct FactCheckPipeline: Sendable {
    public struct Configuration: Sendable {
        /// Passages retrieved and read by the verifier.
        public var passagesToVerify: Int
        /// What the LLM-backed stages of one check may spend together (when an LLM is configured).
        public var llmTokens: Int
        public var llmTime: Duration

        public init(passagesToVerify: Int = 8, llmTokens: Int = 12_000, llmTime: Duration = .seconds(120)) {
            self.passagesToVerify = passagesToVerify
            self.llmTokens = llmTokens
            self.llmTime = llmTime
        }
    }

    public let normalizer: any ClaimNormalizer
    public let retriever: any EvidenceRetriever
    public let credibility: any CredibilityScorer
    public let stance: any StanceClassifier
    public let aggregator: any VerdictAggregator
    public let writer: any ReportWriter
    public let configuration: Configuration

    public init(normalizer: any ClaimNormalizer, retriever: any EvidenceRetriever, credibility: any CredibilityScorer,
                stance: any StanceClassifier, aggregator: any VerdictAggregator, writer: any ReportWriter,
                configuration: Configuration = Configuration()) {
        self.normalizer = normalizer
        self.retriever = retriever
        self.credibility = credibility
        self.stance = stance
        self.aggregator = aggregator
        self.writer = writer
        self.configuration = configuration
    }

    /// What the pipeline concluded before writing: the claim, the weighed evidence and the decision.
    public struct Assessment: Sendable {
        public var claim: Claim
        public var evidence: [Evidence]
        public var decision: VerdictDecision
        /// How each evidence provider answered.
        public var providers: [ProviderOutcome]
        /// What the reader should know about how the check ran.
        public var notes: [String]
    }

    /// Checks `text` and writes the report; `progress` is told as each stage starts.
    public func check(_ text: String, date: Date = Date(), progress: @escaping @Sendable (PipelineStage) -> Void = { _ in })
        async throws -> (report: Report, trace: PipelineTrace) {
        try await check(.text(text), date: date, progress: progress)
    }

    /// Checks a claim the caller has already normalised with this pipeline's normaliser (it is not normalised again),
    /// with its embedding when the caller has one (it is not embedded again) and what the LLM did while normalising.
    public func check(_ claim: Claim, embedding: [Float]? = nil, llm: LLMBudget.Record? = nil, date: Date = Date(),
                      progress: @escaping @Sendable (PipelineStage) -> Void = { _ in }) async throws -> (report: Report, trace: PipelineTrace) {
        try await check(.normalized(claim, embedding: embedding), llm: llm, date: date, progress: progress)
    }

    /// What a check starts from: the user's text, or a claim already normalised (and perhaps embedded).
    private enum Input {
        case text(String)
        case normalized(Claim, embedding: [Float]?)
    }

    private func check(_ input: Input, llm: LLMBudget.Record? = nil, date: Date, progress: @escaping @Sendable (PipelineStage) -> Void)
        async throws -> (report: Report, trace: PipelineTrace) {
        let budget = LLMBudget(maxTokens: configuration.llmTokens, time: configuration.llmTime, continuing: llm)
        let calls = ModelCalls.current ?? ModelCalls()
        return try await LLMBudget.$current.withValue(budget) { try await ModelCalls.$current.withValue(calls) {
            var recorder = TraceRecorder(progress: progress)
            let assessment = try await assess(input, recorder: &recorder)
            var report = try await recorder.run(.writing, inputs: assessment.decision.keyEvidence.map(\.rawValue), {
                try await writer.write(assessment.claim, decision: assessment.decision, evidence: assessment.evidence, date: date)
            }) { "\($0.whatWeKnow.count) facts, \($0.sources.count) sources" }
            report.timingsMs = recorder.timings
            report.providers = assessment.providers
            report.notes = assessment.notes + budget.recordedNotes
            report.llm = budget.activity
            recorder.trace.modelCalls = calls.tally
            return (report, recorder.trace)
        } }
    }

    /// Runs every stage but the report writer (what evaluation needs).
    public func assess(_ text: String) async throws -> (assessment: Assessment, trace: PipelineTrace) {
        try await LLMBudget.$current.withValue(LLMBudget(maxTokens: configuration.llmTokens, time: configuration.llmTime)) {
            var recorder = TraceRecorder(progress: { _ in })
            let assessment = try await assess(.text(text), recorder: &recorder)
            return (assessment, recorder.trace)
        }
    }

    private func assess(_ input: Input, recorder: inout TraceRecorder) async throws -> Assessment {
        let claim = try await recorder.run(.normalizing, inputs: [], {
            switch input {
            case let .text(text): try await normalizer.normalize(text)
            case let .normalized(claim, _): claim
            }
        }) { "claim \($0.id): \($0.normalized)" }
        let embedding: [Float]? = if case let .normalized(_, embedding) = input { embedding } else { nil }
        let search = try await recorder.run(.searching, inputs: [claim.id.uuidString], {
            try await retriever.retrieve(for: claim, embedding: embedding, limit: configuration.passagesToVerify)
        }) { "\($0.passages.count) passages: " + $0.passages.map(\.passage.id.rawValue).joined(separator: ", ") }
        let retrieved = search.passages
        let (evidence, note) = try await recorder.run(.weighing, inputs: retrieved.map(\.passage.id.rawValue), {
            let assessed = try await stance.assess(retrieved, toward: claim)
            return (zip(retrieved, assessed.stances).map { Evidence(retrieved: $0, credibility: credibility.credibility(of: $0.source), stance: $1) },
                    assessed.note)
        }) { $0.0.map { "\($0.passage.id): \($0.stance.stance.rawValue) (credibility \(String(format: "%.2f", $0.credibility.score)))" }.joined(separator: "; ") }
        let decision = try await recorder.run(.deciding, inputs: evidence.map(\.passage.id.rawValue), { aggregator.decide(claim, evidence: evidence) }) {
            "\($0.verdict.rawValue) (\(String(format: "%.2f", $0.confidence))): \($0.rationale)"
        }
        return Assessment(claim: claim, evidence: evidence, decision: decision, providers: search.providers, notes: note.map { [$0] } ?? [])
    }
}

/// Times stages, reports their start and records the trace.
private struct TraceRecorder {
    let progress: @Sendable (PipelineStage) -> Void
    var trace = PipelineTrace()
    var timings: [String: Double] = [:]

    /// Runs a stage, unless the check was cancelled (then it throws `CancellationError`).
    mutating func run<T>(_ stage: PipelineStage, inputs: [String], _ body: () async throws -> T, describe: (T) -> String) async throws -> T {
        try Task.checkCancellation()
        progress(stage)
        let start = DispatchTime.now()
        let result = try await body()
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        timings[stage.rawValue, default: 0] += milliseconds
        trace.steps.append(.init(stage: stage, inputs: inputs, output: describe(result), durationMs: milliseconds))
        return result
    }
}
