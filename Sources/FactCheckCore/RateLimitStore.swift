import Foundation

/// Where rate-limit counters live: in memory for one instance, in the shared database for several, so a client
/// gets the same allowance however a load balancer spreads its requests.
public protocol RateLimitStore: Sendable {
    /// Counts one event for `key` in its current one-minute window (a new window starts when the last is a minute
    /// old) and returns the events in the window so far, this one included, and the seconds until it ends.
    func count(_ key: String, now: Date) async throws -> (events: Int, secondsLeft: Int)
}

/// Rate-limit windows in this process; expired windows are forgotten once a minute, so memory stays bounded by the
/// clients of the last minute.
public actor InMemoryRateLimitStore: RateLimitStore {
    private var windows: [String: (start: Date, count: Int)] = [:]
    private var lastSweep = Date()

    public init() {}

    public func count(_ key: String, now: Date) -> (events: Int, secondsLeft: Int) {
        if now.timeIntervalSince(lastSweep) >= 60 {
            windows = windows.filter { now.timeIntervalSince($0.value.start) < 60 }
            lastSweep = now
        }
        var window = windows[key] ?? (now, 0)
        if now.timeIntervalSince(window.start) >= 60 { window = (now, 0) }
        window.count += 1
        windows[key] = window
        return (window.count, max(1, Int(60 - now.timeIntervalSince(window.start)) + 1))
    }
}
