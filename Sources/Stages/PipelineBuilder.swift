import FactCheckCore

/// The one way the pipeline is put together — by the CLI, the evaluation, the web app and the tests: the rule-based
/// stages of this module around the model-backed ones it is given (the verifier and the evidence retriever, which
/// holds the embedder), each of those perhaps wrapped by the optional LLM.
public struct PipelineBuilder: Sendable {
    /// Reads a passage (or a sentence) against a statement: the NLI verifier, or a stand-in in tests.
    public var verifier: any StanceClassifier
    public var retriever: any EvidenceRetriever
    public var credibility: DomainCredibilityScorer
    /// Read passages sentence by sentence with the grounding rules (off: the verifier's stance on each whole passage,
    /// for measuring what the rules add).
    public var grounded = true
    /// Replace the aggregator's raw confidence by the shipped calibration's (off only to fit one).
    public var calibrated = true
    public var configuration = FactCheckPipeline.Configuration()
    /// What the optional LLM puts around the rule-based normaliser, the stance classifier and the template writer
    /// (each is given the stage it improves and falls back on).
    public var normalizer: @Sendable (any ClaimNormalizer) -> any ClaimNormalizer = { $0 }
    public var stance: @Sendable (any StanceClassifier) -> any StanceClassifier = { $0 }
    public var writer: @Sendable (any ReportWriter) -> any ReportWriter = { $0 }

    public init(verifier: any StanceClassifier, retriever: any EvidenceRetriever, credibility: DomainCredibilityScorer) {
        self.verifier = verifier
        self.retriever = retriever
        self.credibility = credibility
    }

    public func pipeline() throws -> FactCheckPipeline {
        let credibility = RememberingCredibilityScorer(base: credibility)
        let read: any StanceClassifier = grounded
            ? GroundedStanceClassifier(base: verifier, readsWholePassage: { credibility.credibility(of: $0).type == .academic })
            : verifier
        return FactCheckPipeline(
            normalizer: normalizer(RuleBasedClaimNormalizer()),
            retriever: retriever,
            credibility: credibility,
            stance: stance(read),
            aggregator: calibrated
                ? CalibratedVerdictAggregator(base: WeightedVerdictAggregator(), calibration: try VerdictCalibration.bundled())
                : WeightedVerdictAggregator(),
            writer: writer(TemplateReportWriter(stanceClassifier: verifier)),
            configuration: configuration
        )
    }
}
