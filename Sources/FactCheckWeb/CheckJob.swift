import FactCheckCore
import Foundation

/// One fact check submitted to the web app and its progress events.
final class CheckJob: Sendable {
    enum Event: JobEvent, Equatable {
        case queued
        case stage(PipelineStage)
        case published(PublishedCheck)
        case failed(String)

        var isTerminal: Bool {
            switch self {
            case .published, .failed: true
            case .queued, .stage: false
            }
        }
    }

    let id: String
    let submission: CheckService.Submission
    let created = Date()
    private let events = JobEvents<Event>()

    init(submission: CheckService.Submission) {
        id = UUID().uuidString.lowercased()
        self.submission = submission
    }

    func record(_ event: Event) { events.record(event) }

    /// Every event so far, then the rest as they happen; finishes after the published or failed event.
    func updates() -> AsyncStream<Event> { events.updates() }

    /// Waits for the check to be published.
    func result() async throws -> PublishedCheck {
        for await event in updates() {
            switch event {
            case let .published(check): return check
            case let .failed(message): throw WebError.checkFailed(message)
            case .queued, .stage: continue
            }
        }
        throw WebError.checkFailed("the check was interrupted")
    }

    var isFinished: Bool { events.isFinished }
}
