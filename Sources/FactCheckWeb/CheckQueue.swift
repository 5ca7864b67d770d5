/// Bounded concurrency for fact checks: at most `slots` run at once and at most `maxWaiting` wait; further
/// submissions are refused at once (`WebError.busy`) rather than lost later.
actor CheckQueue {
    private let slots: Int
    private let maxWaiting: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var admitted = 0
    private let onChange: @Sendable (_ running: Int, _ waiting: Int) -> Void

    init(slots: Int, maxWaiting: Int, onChange: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) {
        self.slots = max(1, slots)
        self.maxWaiting = max(0, maxWaiting)
        self.onChange = onChange
    }

    /// Reserves a place for one check, or throws `WebError.busy` when the queue is full.
    func admit() throws {
        guard admitted < slots + maxWaiting else { throw WebError.busy(retryAfter: 30) }
        admitted += 1
    }

    /// Runs `body` for an admitted check once a slot is free.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        if running < slots {
            running += 1
        } else {
            await withCheckedContinuation { waiting.append($0) }  // the finishing check hands its slot over
        }
        onChange(running, waiting.count)
        defer { release() }
        return try await body()
    }

    private func release() {
        admitted -= 1
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
        onChange(running, waiting.count)
    }
}
