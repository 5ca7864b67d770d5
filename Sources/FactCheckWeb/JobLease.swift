import FactCheckCore
import Foundation
import Logging

/// A worker's hold on one job: renewed a third of the way through each lease, and as soon as the pipeline moves to
/// another step (so pages on every instance see the step); then ended once, or handed back.
final class JobLease: @unchecked Sendable {
    let id: String
    let worker: String
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

    private func keepRenewing() async {
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

    /// Runs `work` while renewing the lease, then ends the job with its outcome, or failed with `failureMessage` of its
    /// error. A worker cancelled meanwhile (it publishes nothing: its evidence may have been cut short) hands the job
    /// back; one whose lease was lost (`JobLeaseLost`) leaves the job to the worker that has it now.
    func hold(logger: Logger, metadata: Logger.Metadata, failureMessage: (Error) -> String,
              _ work: () async throws -> CheckJobOutcome) async {
        let renewal = Task { await keepRenewing() }
        defer { renewal.cancel() }
        let outcome: CheckJobOutcome
        do {
            outcome = try await work()
        } catch is JobLeaseLost where !Task.isCancelled {
            logger.warning("lease lost; another worker has the job", metadata: metadata)
            return
        } catch {
            if Task.isCancelled {
                await handBack()
                logger.info("handed the job back", metadata: metadata)
                return
            }
            logger.error("job failed: \(String(reflecting: error))", metadata: metadata)
            outcome = .failed(failureMessage(error))
        }
        renewal.cancel()
        await end(outcome, logger: logger, metadata: metadata)
    }

    /// Ends the job. What was published must not be checked again, so this keeps trying while the database is away,
    /// in a task of its own so that stopping the worker does not stop it.
    private func end(_ outcome: CheckJobOutcome, logger: Logger, metadata: Logger.Metadata) async {
        await Task { [queue, id, worker] in
            for attempt in 0 ..< 30 {
                do {
                    try await queue.finish(id, worker: worker, outcome: outcome)
                    return
                } catch {
                    logger.warning("cannot end the job yet: \(error)", metadata: metadata)
                    try? await Task.sleep(for: .seconds(min(5, 1 << min(attempt, 3))))
                }
            }
        }.value
    }

    /// Hands the job back to the queue (a cancelled worker), in a task of its own: this one is cancelled, and so would
    /// be its queries.
    private func handBack() async {
        await Task { [queue, id, worker] in try? await queue.release(id, worker: worker) }.value
    }
}
