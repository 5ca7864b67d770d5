import FactCheckCore
import Foundation
import Logging

extension CheckService {
    /// Checks and publishes a job leased to `worker`, renewing the lease and reporting the pipeline's step while it
    /// works, then ends the job: published, or failed with a message for the reader. Cancelled, it hands the job back.
    func run(_ job: ClaimedCheckJob, worker: String) async {
        let metadata: Logger.Metadata = ["job": "\(job.id)", "claim": "\(job.request.claim.id)", "worker": "\(worker)", "attempt": "\(job.attempt)"]
        logger.info("checking", metadata: metadata)
        let lease = JobLease(id: job.id, worker: worker, queue: queue, duration: configuration.jobLease)
        let renewal = Task { await lease.keepRenewing() }
        defer { renewal.cancel() }
        let outcome: CheckJobOutcome
        do {
            // A cancelled worker publishes nothing (its evidence may have been cut short): it hands the job back.
            let check = try await checkAndPublish(job.request, progress: { lease.report($0) },
                                                  mayPublish: { Task.isCancelled ? false : await lease.renewNow() })
            logger.info("published \(check.slug) v\(check.version): \(check.report.verdict.rawValue)", metadata: metadata)
            outcome = .published(checkID: check.id)
        } catch is JobLeaseLost where !Task.isCancelled {
            logger.warning("lease lost before publishing; another worker has the job", metadata: metadata)
            return
        } catch {
            if Task.isCancelled {
                // In a task of its own: this one is cancelled, and so would be its queries.
                await Task { [queue] in try? await queue.release(job.id, worker: worker) }.value
                logger.info("handed the job back", metadata: metadata)
                return
            }
            logger.error("check failed: \(String(reflecting: error))", metadata: metadata)
            outcome = .failed(Self.failureMessage(error, reference: job.id))
        }
        renewal.cancel()
        // The published check must not be checked again: keep trying to end the job while the database is away, in a
        // task of its own so that stopping this worker does not stop it.
        await Task { [queue, logger] in
            for attempt in 0 ..< 30 {
                do {
                    try await queue.finish(job.id, worker: worker, outcome: outcome)
                    return
                } catch {
                    logger.warning("cannot end the job yet: \(error)", metadata: metadata)
                    try? await Task.sleep(for: .seconds(min(5, 1 << min(attempt, 3))))
                }
            }
        }.value
    }
}

/// A worker's hold on one job: renewed a third of the way through each lease, and as soon as the pipeline moves to
/// another step (so pages on every instance see the step).
final class JobLease: @unchecked Sendable {
    private let id: String
    private let worker: String
    private let queue: any CheckJobQueue
    private let duration: Duration
    private let lock = NSLock()
    private var stage: PipelineStage?
    private var reportedStage: PipelineStage?

    init(id: String, worker: String, queue: any CheckJobQueue, duration: Duration) {
        self.id = id
        self.worker = worker
        self.queue = queue
        self.duration = duration
    }

    func report(_ stage: PipelineStage) { lock.withLock { self.stage = stage } }

    /// Renews now; false when the job is no longer this worker's (or the queue cannot be reached).
    func renewNow() async -> Bool {
        let stage = lock.withLock { self.stage }
        guard let renewed = try? await queue.renew(id, worker: worker, stage: stage, lease: duration) else { return false }
        if renewed { lock.withLock { reportedStage = stage } }
        return renewed
    }

    func keepRenewing() async {
        var last = ContinuousClock.now
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            let changed = lock.withLock { stage != reportedStage }
            if changed || last.duration(to: .now) >= duration / 3 {
                _ = await renewNow()
                last = .now
            }
        }
    }
}
