import FactCheckWebTesting
import Foundation
import Logging
import PostgresStore
#if canImport(Glibc)
import Glibc
#endif

/// One real PostgreSQL server for this test process, started on first use and stopped when the process exits; each
/// test opens a fresh database on it.
enum TestPostgres {
    private static let server: Result<PostgresTestServer, any Error> = {
        let result = Result { try PostgresTestServer() }
        atexit { if case let .success(server) = TestPostgres.server { server.stop() } }
        return result
    }()

    /// The shared server (started on first use).
    static func shared() throws -> PostgresTestServer { try server.get() }

    /// A migrated, running database on the shared server, as a new instance would open it; `close()` ends its pool.
    static func database(url: String? = nil, queryTimeout: Duration = .seconds(10)) async throws -> OpenDatabase {
        let database = PostgresDatabase(configuration: try PostgresStoreConfiguration(url: url ?? shared().makeDatabase(), queryTimeout: queryTimeout),
                                        logger: Self.logger)
        let pool = Task { await database.run() }
        try await database.migrate()
        return OpenDatabase(database: database, pool: pool)
    }

    /// Quiet: the outage test makes the pool log each refused connection.
    private static let logger: Logger = {
        var logger = Logger(label: "test.postgres")
        logger.logLevel = .critical
        return logger
    }()

    struct OpenDatabase {
        let database: PostgresDatabase
        let pool: Task<Void, Never>

        func close() { pool.cancel() }
    }
}
