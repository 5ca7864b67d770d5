import FactCheckCore
import Foundation

/// A queued fact check as a page follows it: its events, read from the queue (which any instance's worker updates).
final class CheckJob: Sendable {
    enum Event: Equatable {
        case queued
        case stage(PipelineStage)
        case published(PublishedCheck)
        case failed(String)
        /// The queue could not be read for a while: the check may still finish.
        case unreachable
    }

    let id: String
    private let service: CheckService

    init(id: String, service: CheckService) {
        self.id = id
        self.service = service
    }

    /// `queued`, then every pipeline step in order (those passed between two readings included), then `published` or
    /// `failed`; `unreachable` ends it when the queue cannot be read for 15 seconds.
    func updates() -> AsyncStream<Event> {
        let (id, service) = (id, service)
        return AsyncStream { continuation in
            let task = Task {
                continuation.yield(.queued)
                var reported = 0  // pipeline steps reported so far
                readings: for await reading in service.readings(of: id) {
                    let status: CheckJobStatus
                    switch reading {
                    case .gone: continuation.yield(.failed("this check is no longer known")); break readings
                    case .unreachable: continuation.yield(.unreachable); break readings
                    case let .status(read): status = read
                    }
                    let steps = PipelineStage.allCases
                    let reached = switch status.state {
                    case .queued, .failed: 0
                    case .running: status.stage.flatMap { steps.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
                    case .published: steps.count
                    }
                    while reported < reached {
                        continuation.yield(.stage(steps[reported]))
                        reported += 1
                    }
                    if status.state == .published, let checkID = status.publishedID {
                        if let check = try? await service.archive.check(id: checkID) {
                            continuation.yield(.published(check))
                            break
                        }
                    } else if status.state == .failed {
                        continuation.yield(.failed(status.message ?? "the check failed"))
                        break
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Waits for the check to be published.
    func result() async throws -> PublishedCheck {
        for await event in updates() {
            switch event {
            case let .published(check): return check
            case let .failed(message): throw WebError.checkFailed(message)
            case .unreachable: throw StorageFailure.unavailable
            case .queued, .stage: continue
            }
        }
        throw WebError.checkFailed("the check was interrupted")
    }
}
