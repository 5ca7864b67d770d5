import FactCheckCore
import Foundation

/// One fact check submitted to the web app: its events so far, replayed to every observer (the SSE stream of the
/// page that submitted it, the request waiting for it), then followed live.
final class CheckJob: @unchecked Sendable {
    enum Event: Sendable, Equatable {
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
    private let lock = NSLock()
    private var events: [Event] = []
    private var observers: [UUID: AsyncStream<Event>.Continuation] = [:]

    init(submission: CheckService.Submission) {
        id = UUID().uuidString.lowercased()
        self.submission = submission
    }

    func record(_ event: Event) {
        let current: [AsyncStream<Event>.Continuation] = lock.withLock {
            guard events.last?.isTerminal != true else { return [] }
            events.append(event)
            let current = Array(observers.values)
            if event.isTerminal { observers.removeAll() }
            return current
        }
        for observer in current {
            observer.yield(event)
            if event.isTerminal { observer.finish() }
        }
    }

    /// Every event so far, then the rest as they happen; finishes after the published or failed event.
    func updates() -> AsyncStream<Event> {
        AsyncStream { continuation in
            let key = UUID()
            lock.withLock {
                for event in events { continuation.yield(event) }
                if events.last?.isTerminal == true {
                    continuation.finish()
                } else {
                    observers[key] = continuation
                }
            }
            continuation.onTermination = { [weak self] _ in
                guard let self else { return }
                _ = self.lock.withLock { self.observers.removeValue(forKey: key) }
            }
        }
    }

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

    var isFinished: Bool { lock.withLock { events.last?.isTerminal == true } }
}
