/// Politeness toward each host, shared by every fetch of one `SafeFetcher`: at most `concurrency` requests to a host at
/// once, starts at least `interval` apart, and the host's robots.txt rules remembered for `robotsLifetime`.
actor HostGate {
    private struct HostState {
        var running = 0
        var nextStart = ContinuousClock.now
        var robots: (rules: RobotsRules, read: ContinuousClock.Instant)?
    }

    let concurrency: Int
    let interval: Duration
    let robotsLifetime: Duration
    private var hosts: [String: HostState] = [:]

    init(concurrency: Int, interval: Duration, robotsLifetime: Duration) {
        self.concurrency = max(1, concurrency)
        self.interval = interval
        self.robotsLifetime = robotsLifetime
    }

    /// Waits until `host` has a free slot and its interval has passed, then takes the slot (give it back with `leave`).
    /// Throws when the task is cancelled while waiting.
    func enter(_ host: String) async throws {
        while true {
            var state = hosts[host] ?? HostState()
            let now = ContinuousClock.now
            if state.running < concurrency, now >= state.nextStart {
                state.running += 1
                state.nextStart = now + interval
                hosts[host] = state
                return
            }
            let wait = state.running < concurrency ? state.nextStart - now : .milliseconds(20)
            try await Task.sleep(for: max(wait, .milliseconds(1)))
        }
    }

    func leave(_ host: String) {
        hosts[host]?.running -= 1
    }

    /// The host's robots.txt rules read within `robotsLifetime`, if any.
    func robots(_ host: String) -> RobotsRules? {
        guard let robots = hosts[host]?.robots, ContinuousClock.now - robots.read < robotsLifetime else { return nil }
        return robots.rules
    }

    func remember(_ rules: RobotsRules, for host: String) {
        hosts[host, default: HostState()].robots = (rules, ContinuousClock.now)
    }
}
