import FactCheckCore
import Foundation
import PostgresNIO

/// Rate-limit windows in the shared database (table `rate_window`), counted in one statement per event so instances
/// never lose a count; windows over two minutes old are deleted now and then.
public final class PostgresRateLimitStore: RateLimitStore {
    let database: PostgresDatabase

    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func count(_ key: String, now: Date) async throws -> (events: Int, secondsLeft: Int) {
        let row = try await database.rows("""
            INSERT INTO rate_window AS w (key, window_start, events) VALUES (\(key), \(now), 1)
            ON CONFLICT (key) DO UPDATE SET
                events = CASE WHEN w.window_start <= \(now) - INTERVAL '60 seconds' THEN 1 ELSE w.events + 1 END,
                window_start = CASE WHEN w.window_start <= \(now) - INTERVAL '60 seconds' THEN \(now) ELSE w.window_start END
            RETURNING events, window_start
            """).first
        guard let (events, start) = try row?.decode((Int, Date).self) else { return (1, 60) }
        if Int.random(in: 0 ..< 200) == 0 {
            try? await database.execute("DELETE FROM rate_window WHERE window_start < \(now) - INTERVAL '120 seconds'")
        }
        return (events, max(1, Int(60 - now.timeIntervalSince(start)) + 1))
    }
}
