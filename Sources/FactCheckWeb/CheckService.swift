import FactCheckCore
import Foundation
import Logging

/// Runs fact checks for the web app: validates and normalises claims (once each), finds instant answers among
/// published checks, queues new checks (the same claim submitted while it is queued or running joins its job), and
/// runs the workers that take jobs from the queue and publish their reports. With a shared queue, the instance that
/// takes a submission and the worker that checks it may be different processes.
public final class CheckService: Sendable {
    let pipeline: FactCheckPipeline
    let archive: any FactCheckArchive
    let queue: any CheckJobQueue
    let embedder: (any TextEmbedder)?
    let configuration: WebConfiguration
    let metrics: WebMetrics
    let logger: Logger

    /// - Parameters:
    ///   - queue: where checks wait for a worker (in memory by default: one instance).
    ///   - embedder: embeds normalised claims to find earlier checks of the same claim in other words (optional).
    public init(pipeline: FactCheckPipeline, archive: any FactCheckArchive, queue: any CheckJobQueue = InMemoryCheckJobQueue(),
                embedder: (any TextEmbedder)?, configuration: WebConfiguration, metrics: WebMetrics, logger: Logger) {
        self.pipeline = pipeline
        self.archive = archive
        self.queue = queue
        self.embedder = embedder
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
    }

    /// Validates `raw` (trimmed; not empty, over-long or binary), normalises it and embeds the normalised claim.
    func prepare(_ raw: String) async throws -> CheckRequest {
        guard raw.unicodeScalars.count <= configuration.maxClaimLength else {  // counted as JSON Schema's maxLength counts
            throw WebError.badRequest("A claim can be at most \(configuration.maxClaimLength) characters; this one has \(raw.unicodeScalars.count).")
        }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw WebError.badRequest("Type a claim to check.") }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) }) else {
            throw WebError.badRequest("The claim contains control characters; paste plain text.")
        }
        let claim: Claim
        // An LLM rewording counts in the check's budget and its notes reach the report.
        let budget = LLMBudget(maxTokens: pipeline.configuration.llmTokens, time: pipeline.configuration.llmTime)
        do {
            claim = try await LLMBudget.$current.withValue(budget) { try await pipeline.normalizer.normalize(text) }
        } catch { throw WebError.badRequest("\(error)") }
        let calls = ModelCalls()
        let embedding = try await ModelCalls.$current.withValue(calls) { try await embedder?.embed([claim.normalized]).first ?? [] }
        metrics.modelsCalled(calls.tally)
        return CheckRequest(claim: claim, embedding: embedding, llm: budget.record)
    }

    /// A published check of the same claim: the same normalised wording, or an embedding at least
    /// `configuration.instantAnswerSimilarity` similar that states the same numbers.
    func instantAnswer(for submission: CheckRequest) async throws -> PublishedCheck? {
        if let exact = try await archive.check(matchKey: submission.matchKey) { return exact }
        guard !submission.embedding.isEmpty, let nearest = try await archive.nearest(to: submission.embedding),
              nearest.similarity >= configuration.instantAnswerSimilarity,
              ClaimKey.numbers(nearest.check.report.normalizedClaim) == ClaimKey.numbers(submission.claim.normalized) else { return nil }
        return nearest.check
    }

    /// Queues a check of the submission and returns its job at once, or the job already queued or running for the same
    /// normalised claim (`joined`); throws `WebError.busy` when the queue is full.
    func submit(_ submission: CheckRequest) async throws -> (job: CheckJob, joined: Bool) {
        switch try await queue.enqueue(.claim(submission), maxWaiting: max(1, configuration.maxQueuedChecks)) {
        case let .queued(status): (CheckJob(id: status.id, service: self), false)
        case let .joined(status): (CheckJob(id: status.id, service: self), true)
        case .full: throw WebError.busy(retryAfter: 30)
        }
    }

    /// A claim job submitted recently, on any instance (finished jobs are kept for a day).
    func job(id: String) async throws -> CheckJob? {
        guard let status = try await queue.status(id: id), status.kind == .claim else { return nil }
        return CheckJob(id: status.id, service: self)
    }

    /// Runs the pipeline on the submission and publishes the report (no queue: the caller bounds concurrency).
    /// - Parameter mayPublish: asked once the report is written; false (a worker that lost its job's lease) publishes
    ///   nothing and throws `JobLeaseLost`.
    func checkAndPublish(_ submission: CheckRequest, progress: @escaping @Sendable (PipelineStage) -> Void = { _ in },
                         mayPublish: @Sendable () async -> Bool = { true }) async throws -> PublishedCheck {
        do {
            let (report, trace) = try await pipeline.check(submission.claim, embedding: submission.embedding, llm: submission.llm, progress: progress)
            for (stage, milliseconds) in report.timingsMs { metrics.stageFinished(stage, milliseconds: milliseconds) }
            metrics.modelsCalled(trace.modelCalls)
            metrics.providersAnswered(report.providers)
            metrics.llmUsed(report.llm)
            guard await mayPublish() else { throw JobLeaseLost() }
            let check = try await archive.publish(report, claimEmbedding: submission.embedding)
            metrics.checkFinished(outcome: "published")
            return check
        } catch {
            metrics.checkFinished(outcome: "failed")
            throw error
        }
    }

    /// What a user is told when a check fails: a full disk says so; anything else is internal, with a reference.
    static func failureMessage(_ error: Error, reference: String) -> String {
        let reason = (error as? StorageFailure).map { "\($0), so nothing was published" } ?? "an internal error stopped the check"
        return "\(reason) (reference \(reference)); please try again later"
    }
}

/// A worker's lease on a job ran out before it published: another worker has the job now.
struct JobLeaseLost: Error {}
