import FactCheckCore
import Foundation
import Logging

extension CheckService {
    /// Checks and publishes a claim job leased to `worker`, renewing the lease and reporting the pipeline's step while
    /// it works, then ends the job: published, or failed with a message for the reader. Cancelled, it hands the job back.
    func run(_ job: ClaimedCheckJob, submission: CheckRequest, worker: String) async {
        let metadata: Logger.Metadata = ["job": "\(job.id)", "claim": "\(submission.claim.id)", "worker": "\(worker)", "attempt": "\(job.attempt)"]
        logger.info("checking", metadata: metadata)
        let lease = JobLease(id: job.id, worker: worker, queue: queue, duration: configuration.jobLease)
        await lease.hold(logger: logger, metadata: metadata, failureMessage: { Self.failureMessage($0, reference: job.id) }) {
            let check = try await checkAndPublish(submission, progress: { lease.report($0) },
                                                  mayPublish: { Task.isCancelled ? false : await lease.renewNow() })
            logger.info("published \(check.slug) v\(check.version): \(check.report.verdict.rawValue)", metadata: metadata)
            return .published(id: check.id)
        }
    }

    /// The job's status at every poll interval until the caller stops reading; ends with `gone` when the queue no
    /// longer knows the job, or `unreachable` when the queue cannot be read for 15 seconds.
    func readings(of id: String) -> AsyncStream<JobReading> {
        AsyncStream { continuation in
            let task = Task {
                var unreachableSince: ContinuousClock.Instant?
                while !Task.isCancelled {
                    do {
                        guard let status = try await queue.status(id: id) else {
                            continuation.yield(.gone)
                            break
                        }
                        unreachableSince = nil
                        continuation.yield(.status(status))
                        try? await Task.sleep(for: configuration.jobPollInterval)
                    } catch {
                        let since = unreachableSince ?? .now
                        unreachableSince = since
                        if since.duration(to: .now) > .seconds(15) {
                            continuation.yield(.unreachable)
                            break
                        }
                        try? await Task.sleep(for: .seconds(1))
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
