import Foundation

/// Where submitted checks wait for a worker: any instance queues, any worker takes a job under a lease it renews
/// while it works, and a job whose worker died is taken again once its lease runs out. In memory for one process;
/// PostgreSQL for several instances and workers.
public protocol CheckJobQueue: Sendable {
    /// Queues `request`, or joins the unfinished job with the same match key; `.full` when `maxWaiting` jobs of its
    /// kind already wait.
    func enqueue(_ request: CheckJobRequest, maxWaiting: Int) async throws -> CheckJobEnqueued
    /// Leases the oldest waiting job of `kind` (or one whose lease ran out) to `worker` until `lease` from now. A job
    /// already taken `maxAttempts` times is failed instead of being taken again.
    func claim(_ kind: CheckJobRequest.Kind, worker: String, lease: Duration, maxAttempts: Int) async throws -> ClaimedCheckJob?
    /// Extends `worker`'s lease and records the step it is on; false when the job is no longer leased to it.
    func renew(_ id: String, worker: String, stage: PipelineStage?, lease: Duration) async throws -> Bool
    /// Records one claim of an article job as checked (a claim recorded again replaces its entry); false when the job
    /// is no longer leased to `worker`.
    func record(_ checked: ArticleClaimProgress, job id: String, worker: String) async throws -> Bool
    /// Ends a job leased to `worker`: published, or failed with a message for the reader.
    func finish(_ id: String, worker: String, outcome: CheckJobOutcome) async throws
    /// Hands a job leased to `worker` back to the queue (a stopping worker), without counting the attempt.
    func release(_ id: String, worker: String) async throws
    /// The job's status; nil when there is no such job (or it finished long ago).
    func status(id: String) async throws -> CheckJobStatus?
    /// What the job checks; nil when there is no such job.
    func request(id: String) async throws -> CheckJobRequest?
    /// Jobs of `kind` waiting and running now.
    func counts(_ kind: CheckJobRequest.Kind) async throws -> (waiting: Int, running: Int)
    /// Forgets jobs that finished more than `age` ago.
    func prune(finishedBefore age: Duration) async throws
}

/// What queueing a check did.
public enum CheckJobEnqueued: Sendable, Equatable {
    case queued(CheckJobStatus)
    /// The same claim or article was already queued or running: its job.
    case joined(CheckJobStatus)
    case full
}

/// A job leased to a worker.
public struct ClaimedCheckJob: Sendable, Equatable {
    public var id: String
    public var request: CheckJobRequest
    /// 1 for the first worker to take the job.
    public var attempt: Int

    public init(id: String, request: CheckJobRequest, attempt: Int) {
        self.id = id
        self.request = request
        self.attempt = attempt
    }
}

/// How a job ended.
public enum CheckJobOutcome: Sendable, Equatable {
    /// The published check's id (a claim job) or the published article check's id (an article job).
    case published(id: String)
    case failed(String)
}

extension CheckJobQueue {
    /// The message a job gets when its workers kept dying: `attempts` took it and none finished.
    public static func abandonedMessage(attempts: Int) -> String {
        "the check was interrupted \(attempts) times (its checker stopped); please try again"
    }
}
