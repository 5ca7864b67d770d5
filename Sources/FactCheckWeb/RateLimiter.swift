import Crypto
import FactCheckCore
import Foundation

/// Fixed-window rate limits per client and action: at most `limit` events per minute, counted in a `RateLimitStore`
/// (shared by all instances when they share a database). Keys are hashed, so client addresses are not stored.
struct RateLimiter: Sendable {
    let store: any RateLimitStore

    /// Records one event for `key`; throws `WebError.rateLimited` when the key is over `limit` in the current minute.
    func admit(_ key: String, limit: Int, now: Date = Date()) async throws {
        let hashed = Data(SHA256.hash(data: Data(key.utf8))).hexString
        let (events, secondsLeft) = try await store.count(hashed, now: now)
        guard events <= limit else { throw WebError.rateLimited(retryAfter: secondsLeft) }
    }
}
