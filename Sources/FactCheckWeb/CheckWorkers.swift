import FactCheckCore
import Foundation
import Logging
import ServiceLifecycle

/// This process's workers. Claim workers each take the oldest claim job from the queue, run the pipeline, publish the
/// report and end the job; article workers each take an article job and follow its claims through the queue (so an
/// article's claims are checked by the claim workers of every process). Both renew their lease while they work. On
/// graceful shutdown they stop taking jobs and finish the ones they hold; a worker cancelled mid-job hands it back. A
/// job whose worker was killed is taken again by any worker once the lease runs out.
public struct CheckWorkers: Service {
    let articles: ArticleService
    let count: Int
    let name: String
    private var service: CheckService { articles.checks }

    /// - Parameters:
    ///   - articles: runs article jobs, and through its check service, claim jobs.
    ///   - count: claim workers in this process (default: the configuration's concurrent checks); article workers are
    ///     the configuration's concurrent articles.
    ///   - name: names this process's workers in the queue (default: host name and process id).
    public init(articles: ArticleService, count: Int? = nil, name: String? = nil) {
        self.articles = articles
        self.count = max(1, count ?? articles.checks.configuration.maxConcurrentChecks)
        self.name = name ?? "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    public func run() async throws {
        let stopping = Flag()
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                for index in 0 ..< count {
                    group.addTask { await work(on: .claim, as: "\(name)/\(index)", until: stopping) }
                }
                for index in 0 ..< max(1, service.configuration.maxConcurrentArticles) {
                    group.addTask { await work(on: .article, as: "\(name)/article-\(index)", until: stopping) }
                }
                group.addTask { await keepQueueTidy(until: stopping) }
            }
        } onGracefulShutdown: {
            stopping.set()
        }
    }

    private func work(on kind: CheckJobRequest.Kind, as worker: String, until stopping: Flag) async {
        var idle = Duration.milliseconds(50)
        while !stopping.isSet, !Task.isCancelled {
            let job: ClaimedCheckJob?
            do {
                job = try await service.queue.claim(kind, worker: worker, lease: service.configuration.jobLease, maxAttempts: service.configuration.maxJobAttempts)
            } catch {
                service.logger.warning("cannot take a job: \(error)", metadata: ["worker": "\(worker)"])
                try? await Task.sleep(for: .seconds(1))
                continue
            }
            guard let job else {
                try? await Task.sleep(for: idle)
                idle = min(idle * 2, .milliseconds(400))
                continue
            }
            idle = .milliseconds(50)
            switch job.request {
            case let .claim(submission): await service.run(job, submission: submission, worker: worker)
            case let .article(request): await articles.run(job, request: request, worker: worker)
            }
        }
    }

    /// Every few seconds: the claim queue's gauges; every ten minutes: forgets jobs finished more than a day ago.
    private func keepQueueTidy(until stopping: Flag) async {
        var lastPrune = ContinuousClock.now - .seconds(600)
        while !stopping.isSet, !Task.isCancelled {
            if let (waiting, running) = try? await service.queue.counts(.claim) { service.metrics.queue(running: running, waiting: waiting) }
            if lastPrune.duration(to: .now) >= .seconds(600) {
                try? await service.queue.prune(finishedBefore: .seconds(86_400))
                lastPrune = .now
            }
            try? await Task.sleep(for: .seconds(2))
        }
    }
}

/// A flag set once, read from any task.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
