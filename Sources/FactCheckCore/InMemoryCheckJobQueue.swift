import Foundation

/// A `CheckJobQueue` in this process: the embedded default (one instance; jobs do not outlive it) and for tests.
public actor InMemoryCheckJobQueue: CheckJobQueue {
    private struct Job {
        var request: CheckJobRequest
        var status: CheckJobStatus
        var worker: String?
        var leaseUntil: ContinuousClock.Instant?
        var finishedAt: ContinuousClock.Instant?
        let order: Int
    }

    private var jobs: [String: Job] = [:]
    private var nextOrder = 0
    private let clock = ContinuousClock()

    public init() {}

    public func enqueue(_ request: CheckJobRequest, maxWaiting: Int) -> CheckJobEnqueued {
        if let running = jobs.values.first(where: { $0.request.matchKey == request.matchKey && !$0.status.isFinished }) {
            return .joined(running.status)
        }
        guard jobs.values.count(where: { $0.status.kind == request.kind && $0.status.state == .queued }) < maxWaiting else { return .full }
        let status = CheckJobStatus(id: UUID().uuidString.lowercased(), kind: request.kind, state: .queued)
        jobs[status.id] = Job(request: request, status: status, order: nextOrder)
        nextOrder += 1
        return .queued(status)
    }

    public func claim(_ kind: CheckJobRequest.Kind, worker: String, lease: Duration, maxAttempts: Int) -> ClaimedCheckJob? {
        let now = clock.now
        let candidates = jobs.values.filter { job in
            job.status.kind == kind && (job.status.state == .queued || job.status.state == .running && job.leaseUntil.map { $0 < now } == true)
        }.sorted { $0.order < $1.order }
        for var job in candidates {
            let id = job.status.id
            if job.status.attempts >= maxAttempts {
                job.status.state = .failed
                job.status.message = Self.abandonedMessage(attempts: job.status.attempts)
                job.worker = nil
                job.finishedAt = now
                jobs[id] = job
                continue
            }
            job.status.state = .running
            job.status.stage = nil
            job.status.attempts += 1
            job.worker = worker
            job.leaseUntil = now + lease
            jobs[id] = job
            return ClaimedCheckJob(id: id, request: job.request, attempt: job.status.attempts)
        }
        return nil
    }

    public func renew(_ id: String, worker: String, stage: PipelineStage?, lease: Duration) -> Bool {
        guard var job = jobs[id], job.worker == worker, job.status.state == .running else { return false }
        job.leaseUntil = clock.now + lease
        if let stage { job.status.stage = stage }
        jobs[id] = job
        return true
    }

    public func record(_ checked: ArticleClaimProgress, job id: String, worker: String) -> Bool {
        guard var job = jobs[id], job.worker == worker, job.status.state == .running else { return false }
        job.status.checked.removeAll { $0.index == checked.index }
        job.status.checked.append(checked)
        job.status.checked.sort { $0.index < $1.index }
        jobs[id] = job
        return true
    }

    public func finish(_ id: String, worker: String, outcome: CheckJobOutcome) {
        guard var job = jobs[id], job.worker == worker, job.status.state == .running else { return }
        switch outcome {
        case let .published(publishedID):
            job.status.state = .published
            job.status.publishedID = publishedID
        case let .failed(message):
            job.status.state = .failed
            job.status.message = message
        }
        job.worker = nil
        job.leaseUntil = nil
        job.finishedAt = clock.now
        jobs[id] = job
    }

    public func release(_ id: String, worker: String) {
        guard var job = jobs[id], job.worker == worker, job.status.state == .running else { return }
        job.status.state = .queued
        job.status.stage = nil
        job.status.attempts -= 1
        job.worker = nil
        job.leaseUntil = nil
        jobs[id] = job
    }

    public func status(id: String) -> CheckJobStatus? { jobs[id]?.status }

    public func request(id: String) -> CheckJobRequest? { jobs[id]?.request }

    public func counts(_ kind: CheckJobRequest.Kind) -> (waiting: Int, running: Int) {
        let ofKind = jobs.values.filter { $0.status.kind == kind }
        return (ofKind.count { $0.status.state == .queued }, ofKind.count { $0.status.state == .running })
    }

    public func prune(finishedBefore age: Duration) {
        let cutoff = clock.now - age
        jobs = jobs.filter { $0.value.finishedAt.map { $0 >= cutoff } ?? true }
    }
}
