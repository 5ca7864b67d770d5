import FactCheckCore
import FactCheckWebTesting
import Foundation
import PostgresStore
import XCTest

/// What only the shared PostgreSQL store must do: several instances at once, and an outage that ends.
final class PostgresStoreTests: XCTestCase {
    private static func report(_ claim: String) -> Report {
        Report(claim: claim, normalizedClaim: claim, date: Date(timeIntervalSince1970: 1_790_000_000), verdict: .true, confidence: 0.8,
               summary: "A summary.", whatWeKnow: [], analysis: [], conclusion: "Done.", sources: [], timingsMs: [:])
    }

    func testAddressesAreParsedAndPasswordsNeverShown() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgres://fc:s%40cret@db.internal:6543/factcheck?sslmode=require")
        XCTAssertEqual(configuration.redactedURL, "postgres://fc:***@db.internal:6543/factcheck?sslmode=require")
        XCTAssertThrowsError(try PostgresStoreConfiguration(url: "mysql://db/factcheck"))
        XCTAssertThrowsError(try PostgresStoreConfiguration(url: "postgres://db/factcheck?sslmode=sometimes")) { error in
            XCTAssertEqual("\(error)", "Invalid database address: unknown sslmode sometimes (use disable, prefer or require).")
        }
    }

    /// Two instances migrating one new database at the same moment: one applies the steps, the other waits and finds
    /// nothing to do; both then see the schema current.
    func testTwoInstancesMigrateAtOnce() async throws {
        let url = try TestPostgres.shared().makeDatabase()
        async let first = TestPostgres.database(url: url)
        async let second = TestPostgres.database(url: url)
        let instances = try await [first, second]
        defer { instances.forEach { $0.close() } }
        for instance in instances {
            let pending = try await instance.database.pendingMigrations()
            XCTAssertEqual(pending, [])
        }
    }

    /// Two instances publishing the same claim concurrently make versions 1…n of one check, never two checks.
    func testConcurrentPublishingFromTwoInstancesKeepsOneCheckPerClaim() async throws {
        let url = try TestPostgres.shared().makeDatabase()
        let instances = [try await TestPostgres.database(url: url), try await TestPostgres.database(url: url)]
        defer { instances.forEach { $0.close() } }
        let archives = instances.map { PostgresFactCheckArchive(database: $0.database) }
        let published = try await withThrowingTaskGroup(of: PublishedCheck.self) { group in
            for n in 0 ..< 12 {
                group.addTask { try await archives[n % 2].publish(Self.report(n % 3 == 0 ? "Water is wet." : "NATO was founded in 1949."), claimEmbedding: [1, 0]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let bySlug = Dictionary(grouping: published, by: \.slug)
        XCTAssertEqual(Set(bySlug.keys), ["water-is-wet", "nato-was-founded-in-1949"])
        XCTAssertEqual(bySlug["water-is-wet"]?.map(\.version).sorted(), [1, 2, 3, 4])
        XCTAssertEqual(bySlug["nato-was-founded-in-1949"]?.map(\.version).sorted(), Array(1 ... 8))
        let listed = try await archives[1].list(PageRequest(), verdict: nil)
        XCTAssertEqual(listed.total, 2, "one latest version per claim")
    }

    /// While the server is down every query fails quickly as `StorageFailure.unavailable`; once it is back the same
    /// pool reconnects by itself and nothing written before is lost.
    func testAnOutageFailsFastAndThePoolReconnects() async throws {
        let server = try PostgresTestServer()
        defer { server.stop() }
        let instance = try await TestPostgres.database(url: server.url, queryTimeout: .seconds(3))
        defer { instance.close() }
        let archive = PostgresFactCheckArchive(database: instance.database)
        let before = try await archive.publish(Self.report("NATO was founded in 1949."), claimEmbedding: [])

        server.stop(removingFolder: false)
        let start = ContinuousClock.now
        do {
            _ = try await archive.check(id: before.id)
            XCTFail("a query while the server is down must fail")
        } catch {
            XCTAssertEqual(error as? StorageFailure, .unavailable, "\(error)")
        }
        XCTAssertLessThan(start.duration(to: .now), .seconds(8), "fails within the query timeout, never hangs")

        try server.start()
        var recovered: PublishedCheck?
        for _ in 0 ..< 50 where recovered == nil {
            recovered = try? await archive.check(id: before.id)
            if recovered == nil { try await Task.sleep(for: .milliseconds(200)) }
        }
        XCTAssertEqual(recovered?.report, before.report)
        let pending = try await instance.database.pendingMigrations()
        XCTAssertEqual(pending, [])
    }
}
