import Foundation

/// Fixed-window rate limits per client and action: at most `limit` events per minute.
actor RateLimiter {
    private var windows: [String: (start: Date, count: Int)] = [:]
    private var lastSweep = Date()

    /// Records one event for `key`; throws `WebError.rateLimited` when the key is over `limit` in the current minute.
    func admit(_ key: String, limit: Int, now: Date = Date()) throws {
        sweep(now)
        var window = windows[key] ?? (now, 0)
        if now.timeIntervalSince(window.start) >= 60 { window = (now, 0) }
        guard window.count < limit else {
            throw WebError.rateLimited(retryAfter: max(1, Int(60 - now.timeIntervalSince(window.start)) + 1))
        }
        window.count += 1
        windows[key] = window
    }

    /// Forgets expired windows once a minute, so memory stays bounded by the clients of the last minute.
    private func sweep(_ now: Date) {
        guard now.timeIntervalSince(lastSweep) >= 60 else { return }
        windows = windows.filter { now.timeIntervalSince($0.value.start) < 60 }
        lastSweep = now
    }
}
