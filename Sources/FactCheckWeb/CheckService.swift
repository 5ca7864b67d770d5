import FactCheckCore
import Foundation
import Logging

/// Runs fact checks for the web app: validates and normalises claims (once each), finds instant answers among
/// published checks, queues new checks with bounded concurrency (the same claim submitted while it runs joins the
/// running check), publishes their reports and lets pages follow their progress.
public final class CheckService: Sendable {
    let pipeline: FactCheckPipeline
    let archive: any FactCheckArchive
    let embedder: (any TextEmbedder)?
    let configuration: WebConfiguration
    let metrics: WebMetrics
    private let queue: CheckQueue
    private let jobs = JobRegistry()
    private let logger: Logger

    /// - Parameter embedder: embeds normalised claims to find earlier checks of the same claim in other words (optional).
    public init(pipeline: FactCheckPipeline, archive: any FactCheckArchive, embedder: (any TextEmbedder)?,
                configuration: WebConfiguration, metrics: WebMetrics, logger: Logger) {
        self.pipeline = pipeline
        self.archive = archive
        self.embedder = embedder
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
        queue = CheckQueue(slots: configuration.maxConcurrentChecks, maxWaiting: configuration.maxQueuedChecks) { running, waiting in
            metrics.queue(running: running, waiting: waiting)
        }
    }

    /// A submitted claim, validated and normalised, with its match key and the embedding of its normalised wording.
    struct Submission: Sendable {
        var claim: Claim
        var matchKey: String
        var embedding: [Float]
    }

    /// Validates `raw` (trimmed; not empty, over-long or binary), normalises it and embeds the normalised claim.
    func prepare(_ raw: String) async throws -> Submission {
        guard raw.unicodeScalars.count <= configuration.maxClaimLength else {  // counted as JSON Schema's maxLength counts
            throw WebError.badRequest("A claim can be at most \(configuration.maxClaimLength) characters; this one has \(raw.unicodeScalars.count).")
        }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw WebError.badRequest("Type a claim to check.") }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) }) else {
            throw WebError.badRequest("The claim contains control characters; paste plain text.")
        }
        let claim: Claim
        do { claim = try pipeline.normalizer.normalize(text) } catch { throw WebError.badRequest("\(error)") }
        let embedding = try await embedder?.embed([claim.normalized]).first ?? []
        return Submission(claim: claim, matchKey: ClaimKey.matchKey(claim.normalized), embedding: embedding)
    }

    /// A published check of the same claim: the same normalised wording, or an embedding at least
    /// `configuration.instantAnswerSimilarity` similar.
    func instantAnswer(for submission: Submission) async throws -> PublishedCheck? {
        if let exact = try await archive.check(matchKey: submission.matchKey) { return exact }
        guard !submission.embedding.isEmpty, let nearest = try await archive.nearest(to: submission.embedding),
              nearest.similarity >= configuration.instantAnswerSimilarity else { return nil }
        return nearest.check
    }

    /// Queues a check of the submission and returns its job at once, or the job already running for the same normalised
    /// claim (`joined`); throws `WebError.busy` when the queue is full.
    func submit(_ submission: Submission) async throws -> (job: CheckJob, joined: Bool) {
        let (job, joined) = await jobs.join(submission)
        if joined { return (job, true) }
        do { try await queue.admit() } catch {
            await jobs.finish(job)
            job.record(.failed("FactCheck is busy with other checks; please try again shortly"))
            throw error
        }
        job.record(.queued)
        Task { await self.run(job) }
        return (job, false)
    }

    /// A job submitted recently (kept for ten minutes after it finishes).
    func job(id: String) async -> CheckJob? { await jobs.job(id: id) }

    private func run(_ job: CheckJob) async {
        await queue.run {
            // Ties the stages' own log lines, which name the claim (a failing evidence provider, say), to this job.
            self.logger.info("checking", metadata: ["job": "\(job.id)", "claim": "\(job.submission.claim.id)"])
            do {
                let check = try await self.checkAndPublish(job.submission) { stage in job.record(.stage(stage)) }
                self.logger.info("published \(check.slug) v\(check.version): \(check.report.verdict.rawValue)", metadata: ["job": "\(job.id)"])
                job.record(.published(check))
            } catch {
                self.logger.error("check failed: \(error)", metadata: ["job": "\(job.id)"])
                job.record(.failed(Self.failureMessage(error, reference: job.id)))
            }
        }
        await jobs.finish(job)
    }

    /// Runs the pipeline on the submission and publishes the report (no queue: the caller bounds concurrency).
    func checkAndPublish(_ submission: Submission, progress: @escaping @Sendable (PipelineStage) -> Void = { _ in }) async throws -> PublishedCheck {
        do {
            let (report, _) = try await pipeline.check(submission.claim, progress: progress)
            for (stage, milliseconds) in report.timingsMs { metrics.stageFinished(stage, milliseconds: milliseconds) }
            metrics.providersAnswered(report.providers)
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

/// Jobs by id, and the unfinished job of each normalised claim; finished jobs are forgotten after ten minutes.
private actor JobRegistry {
    private var jobs: [String: CheckJob] = [:]
    private var running: [String: CheckJob] = [:]

    /// The unfinished job checking the same normalised claim, or a new one registered for it.
    func join(_ submission: CheckService.Submission) -> (job: CheckJob, joined: Bool) {
        if let job = running[submission.matchKey], !job.isFinished { return (job, true) }
        let cutoff = Date().addingTimeInterval(-600)
        jobs = jobs.filter { !$0.value.isFinished || $0.value.created > cutoff }
        let job = CheckJob(submission: submission)
        jobs[job.id] = job
        running[submission.matchKey] = job
        return (job, false)
    }

    /// Stops offering `job` to new submissions of its claim.
    func finish(_ job: CheckJob) {
        if running[job.submission.matchKey] === job { running[job.submission.matchKey] = nil }
    }

    func job(id: String) -> CheckJob? { jobs[id] }
}
