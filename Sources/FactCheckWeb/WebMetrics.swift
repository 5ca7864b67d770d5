import FactCheckCore
import Foundation
import Prometheus

/// The app's Prometheus metrics, served at `/metrics`: HTTP requests, check latency by pipeline stage, check outcomes,
/// the check queue, comments, and the optional LLM's requests, tokens and filtered sentences. Owns its registry, so several apps (tests) can run in one process.
public final class WebMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    private static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30),
    ]

    /// Looked up once: every request records into it.
    private let requestDuration: DurationHistogram

    public init() {
        requestDuration = registry.makeDurationHistogram(
            descriptor: .init(metricName: "factcheck_http_request_duration", unitName: "seconds", helpText: "Time to produce an HTTP response."),
            labels: [], buckets: Self.latencyBuckets)
    }

    func requestFinished(method: String, status: Int, duration: Duration) {
        registry.makeCounter(descriptor: .init(metricName: "factcheck_http_requests", unitName: "total", helpText: "HTTP requests by method and status."),
                             labels: [("method", method), ("status", String(status))]).increment()
        requestDuration.record(duration)
    }

    func stageFinished(_ stage: String, milliseconds: Double) {
        registry.makeDurationHistogram(descriptor: .init(metricName: "factcheck_check_stage_duration", unitName: "seconds",
                                                         helpText: "Time spent in each stage of a fact check."),
                                       labels: [("stage", stage)], buckets: Self.latencyBuckets)
            .record(.nanoseconds(Int64(milliseconds * 1e6)))
    }

    func checkFinished(outcome: String) {
        registry.makeCounter(descriptor: .init(metricName: "factcheck_checks", unitName: "total",
                                               helpText: "Fact checks by outcome: published, instant (an earlier check shown) or failed."),
                             labels: [("outcome", outcome)]).increment()
    }

    /// How each evidence provider answered during a check.
    func providersAnswered(_ outcomes: [ProviderOutcome]) {
        for outcome in outcomes {
            registry.makeCounter(descriptor: .init(metricName: "factcheck_provider_answers", unitName: "total",
                                                   helpText: "Evidence provider answers by provider and status: answered, failed or timed_out."),
                                 labels: [("provider", outcome.provider), ("status", outcome.status.rawValue)]).increment()
        }
    }

    /// What a check, or a submission's preparation, asked of the verifier and the embedder.
    func modelsCalled(_ calls: ModelCalls.Tally) {
        registry.makeCounter(descriptor: .init(metricName: "factcheck_verifier_pairs", unitName: "total",
                                               helpText: "Premise–statement pairs read by the NLI verifier."))
            .increment(by: Int64(calls.verifierPairs))
        registry.makeCounter(descriptor: .init(metricName: "factcheck_embedded_texts", unitName: "total",
                                               helpText: "Texts embedded by the sentence embedder."))
            .increment(by: Int64(calls.embeddedTexts))
    }

    /// What the optional LLM spent and wrote during a check.
    func llmUsed(_ activity: LLMActivity?) {
        guard let activity else { return }
        let model = ("model", activity.model)
        registry.makeCounter(descriptor: .init(metricName: "factcheck_llm_requests", unitName: "total", helpText: "LLM requests made for checks, by model."),
                             labels: [model]).increment(by: Int64(activity.requests))
        for (kind, count) in [("prompt", activity.promptTokens), ("completion", activity.completionTokens)] {
            registry.makeCounter(descriptor: .init(metricName: "factcheck_llm_tokens", unitName: "total",
                                                   helpText: "LLM tokens spent on checks, by model and kind: prompt or completion."),
                                 labels: [model, ("kind", kind)]).increment(by: Int64(count))
        }
        for (outcome, count) in [("kept", activity.sentencesWritten - activity.sentencesDropped), ("dropped", activity.sentencesDropped)] {
            registry.makeCounter(descriptor: .init(metricName: "factcheck_llm_sentences", unitName: "total",
                                                   helpText: "Sentences the LLM wrote for reports, by the faithfulness filter's outcome: kept or dropped."),
                                 labels: [model, ("outcome", outcome)]).increment(by: Int64(count))
        }
    }

    func queue(running: Int, waiting: Int) {
        // Counts of checks have no unit: an empty unit adds no suffix to the name.
        registry.makeGauge(descriptor: .init(metricName: "factcheck_checks_running", unitName: "", helpText: "Fact checks running now."))
            .set(Double(running))
        registry.makeGauge(descriptor: .init(metricName: "factcheck_checks_waiting", unitName: "", helpText: "Fact checks waiting for a slot."))
            .set(Double(waiting))
    }

    func commentPosted() {
        registry.makeCounter(descriptor: .init(metricName: "factcheck_comments_posted", unitName: "total", helpText: "Comments stored.")).increment()
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String { registry.emitToString() }
}
