import FactCheckCore
import Foundation
import Logging
import ServiceLifecycle

/// This process's workers: each takes the oldest job from the queue, runs the pipeline, publishes the report and ends
/// the job, renewing its lease while it works (and reporting the step it is on). On graceful shutdown they stop taking
/// jobs and finish the ones they hold; a worker cancelled mid-check hands its job back. A job whose worker was killed
/// is taken again by any worker once the lease runs out.
public struct CheckWorkers: Service {
    let service: CheckService
    let count: Int
    let name: String

    /// - Parameters:
    ///   - count: workers in this process (default: the configuration's concurrent checks).
    ///   - name: names this process's workers in the queue (default: host name and process id).
    public init(service: CheckService, count: Int? = nil, name: String? = nil) {
        self.service = service
        self.count = max(1, count ?? service.configuration.maxConcurrentChecks)
        self.name = name ?? "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    public func run() async throws {
        let stopping = Flag()
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                for index in 0 ..< count {
                    group.addTask { await work(as: "\(name)/\(index)", until: stopping) }
                }
                group.addTask { await keepQueueTidy(until: stopping) }
            }
        } onGracefulShutdown: {
            stopping.set()
        }
    }

    private func work(as worker: String, until stopping: Flag) async {
        var idle = Duration.milliseconds(50)
        while !stopping.isSet, !Task.isCancelled {
            let job: ClaimedCheckJob?
            do {
                job = try await service.queue.claim(worker: worker, lease: service.configuration.jobLease, maxAttempts: service.configuration.maxJobAttempts)
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
            await service.run(job, worker: worker)
        }
    }

    /// Every few seconds: the queue's gauges; every ten minutes: forgets jobs finished more than a day ago.
    private func keepQueueTidy(until stopping: Flag) async {
        var lastPrune = ContinuousClock.now - .seconds(600)
        while !stopping.isSet, !Task.isCancelled {
            if let (waiting, running) = try? await service.queue.counts() { service.metrics.queue(running: running, waiting: waiting) }
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
