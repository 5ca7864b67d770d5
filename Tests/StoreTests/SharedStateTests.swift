import FactCheckCore
import Foundation
import PostgresStore
import XCTest

/// What instances share besides checks and jobs: rate-limit counters, the fetch cache and the server secret. The
/// in-memory stores and the PostgreSQL ones (a real server) run one test body.
final class SharedStateTests: XCTestCase {
    func testRateLimitWindowsAreCountedAcrossInstancesAndStartAfreshAfterAMinute() async throws {
        let url = try TestPostgres.shared().makeDatabase()
        let instances = [try await TestPostgres.database(url: url), try await TestPostgres.database(url: url)]
        defer { instances.forEach { $0.close() } }
        let shared = instances.map { PostgresRateLimitStore(database: $0.database) as any RateLimitStore }
        let memory = InMemoryRateLimitStore()
        for stores in [shared, [memory, memory]] {
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            var counts: [Int] = []
            for n in 0 ..< 6 { counts.append(try await stores[n % 2].count("client-a", now: start.addingTimeInterval(Double(n))).events) }
            XCTAssertEqual(counts, [1, 2, 3, 4, 5, 6], "one count, whichever instance answers")
            let seventh = try await stores[0].count("client-a", now: start.addingTimeInterval(10))
            XCTAssertEqual(seventh.events, 7)
            XCTAssertEqual(seventh.secondsLeft, 51, "the window began 10 s ago")
            do { let actual = try await stores[1].count("client-b", now: start.addingTimeInterval(10)).events; XCTAssertEqual(actual, 1) }
            let later = try await stores[1].count("client-a", now: start.addingTimeInterval(61))
            XCTAssertEqual(later.events, 1, "a new window a minute later")
        }
    }

    func testFetchCacheKeepsBodiesAndValidators() async throws {
        let instance = try await TestPostgres.database()
        defer { instance.close() }
        for cache in [PostgresFetchCache(database: instance.database), InMemoryFetchCache()] as [any FetchCache] {
            let body = Data([0, 1, 2, 255, 254]) + Data("<html>é</html>".utf8)
            let first = CachedResponse(url: "https://example.org/a", body: body, contentType: "text/html", etag: "\"v1\"",
                                       fetched: Date(timeIntervalSince1970: 1_800_000_000))
            try await cache.store(first, for: "key-1")
            do { let actual = try await cache.response(for: "key-1"); XCTAssertEqual(actual, first) }
            var second = first
            second.etag = nil
            second.lastModified = "Tue, 01 Dec 2026 10:00:00 GMT"
            try await cache.store(second, for: "key-1")
            do { let actual = try await cache.response(for: "key-1"); XCTAssertEqual(actual, second) }
            do { let actual = try await cache.response(for: "missing"); XCTAssertNil(actual) }
        }
    }

    func testInstancesShareOneSecret() async throws {
        let url = try TestPostgres.shared().makeDatabase()
        async let first = TestPostgres.database(url: url)
        async let second = TestPostgres.database(url: url)
        let instances = try await [first, second]
        defer { instances.forEach { $0.close() } }
        async let a = instances[0].database.sharedSecret()
        async let b = instances[1].database.sharedSecret()
        let secrets = try await [a, b]
        XCTAssertEqual(secrets[0].count, 32)
        XCTAssertEqual(secrets[0], secrets[1])
        let again = try await instances[0].database.sharedSecret()
        XCTAssertEqual(again, secrets[0])
    }
}
