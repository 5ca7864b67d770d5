import Foundation

/// An event of a background job that may end it.
protocol JobEvent: Sendable {
    var isTerminal: Bool { get }
}

/// A job's events so far, replayed to every observer (the SSE stream of the page that submitted it, the request
/// waiting for it), then followed live until the terminal event.
final class JobEvents<Event: JobEvent>: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [Event] = []
    private var observers: [UUID: AsyncStream<Event>.Continuation] = [:]

    /// Adds `event` unless the job has already ended.
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

    /// Every event so far, then the rest as they happen; finishes after the terminal event.
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

    /// The events so far.
    var snapshot: [Event] { lock.withLock { events } }

    var isFinished: Bool { lock.withLock { events.last?.isTerminal == true } }
}
