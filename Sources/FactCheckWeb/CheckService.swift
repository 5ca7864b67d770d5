import FactCheckCore
import Foundation
import Logging

/// Runs fact checks for the web app: validates claims, finds instant answers among published checks, queues new checks
/// with bounded concurrency, publishes their reports and lets pages follow their progress.
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

    /// The claim as submitted, trimmed; rejects empty, over-long and binary input with a message for the user.
    func validatedClaim(_ raw: String) throws -> String {
        let claim = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !claim.isEmpty else { throw WebError.badRequest("Type a claim to check.") }
        guard claim.count <= configuration.maxClaimLength else {
            throw WebError.badRequest("A claim can be at most \(configuration.maxClaimLength) characters; this one has \(claim.count).")
        }
        guard !claim.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) }) else {
            throw WebError.badRequest("The claim contains control characters; paste plain text.")
        }
        return claim
    }

    /// A published check of the same claim: the same normalised wording, or an embedding at least
    /// `configuration.instantAnswerSimilarity` similar.
    func instantAnswer(for claim: String) async throws -> PublishedCheck? {
        let normalized: Claim
        do { normalized = try pipeline.normalizer.normalize(claim) } catch { throw WebError.badRequest("\(error)") }
        if let exact = try await archive.check(matchKey: ClaimKey.matchKey(normalized.normalized)) { return exact }
        guard let embedder, let vector = try await embedder.embed([normalized.normalized]).first,
              let nearest = try await archive.nearest(to: vector), nearest.similarity >= configuration.instantAnswerSimilarity
        else { return nil }
        return nearest.check
    }

    /// Queues a check of `claim` (already validated) and returns its job at once; throws `WebError.busy` when full.
    func submit(_ claim: String) async throws -> CheckJob {
        try await queue.admit()
        let job = CheckJob(claim: claim)
        job.record(.queued)
        await jobs.add(job)
        Task { await self.run(job) }
        return job
    }

    /// A job submitted recently (kept for ten minutes after it finishes).
    func job(id: String) async -> CheckJob? { await jobs.job(id: id) }

    private func run(_ job: CheckJob) async {
        await queue.run {
            do {
                let (report, _) = try await self.pipeline.check(job.claim) { stage in job.record(.stage(stage)) }
                for (stage, milliseconds) in report.timingsMs { self.metrics.stageFinished(stage, milliseconds: milliseconds) }
                let embedding = try await self.embedder?.embed([report.normalizedClaim]).first ?? []
                let check = try await self.archive.publish(report, claimEmbedding: embedding)
                self.metrics.checkFinished(outcome: "published")
                self.logger.info("published \(check.slug) v\(check.version): \(report.verdict.rawValue)", metadata: ["job": "\(job.id)"])
                job.record(.published(check))
            } catch {
                self.metrics.checkFinished(outcome: "failed")
                self.logger.error("check failed: \(error)", metadata: ["job": "\(job.id)"])
                job.record(.failed("an internal error stopped the check (reference \(job.id)); please try again later"))
            }
        }
    }
}

/// Jobs by id; finished jobs are forgotten after ten minutes.
private actor JobRegistry {
    private var jobs: [String: CheckJob] = [:]

    func add(_ job: CheckJob) {
        let cutoff = Date().addingTimeInterval(-600)
        jobs = jobs.filter { !$0.value.isFinished || $0.value.created > cutoff }
        jobs[job.id] = job
    }

    func job(id: String) -> CheckJob? { jobs[id] }
}
