import ArgumentParser
import FactCheckCore
import Foundation
import Logging
import PostgresStore
import Store

/// Where published checks, comments and jobs are kept: the SQLite file in the data home (the default), or a shared
/// PostgreSQL database (`--database` or `$FACTCHECK_DATABASE_URL`) that several instances use at once.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A PostgreSQL address, postgres://user:password@host:port/database, shared by several instances (default: $FACTCHECK_DATABASE_URL, else the SQLite file in the data home).",
                                            valueName: "url"))
    var database: String?
    @Option(name: .long, help: "Connections this instance keeps to PostgreSQL at most.")
    var databaseConnections = 10
    @Flag(name: .long, help: "Apply PostgreSQL migrations at start (else run `factcheck migrate` first).")
    var migrate = false
    @Option(name: .long, help: "Seconds a worker holds a check without renewing its lease; a check whose worker died is taken again after this.")
    var jobLease = 30

    /// The PostgreSQL address, when one is configured.
    var url: String? {
        let url = database ?? ProcessInfo.processInfo.environment["FACTCHECK_DATABASE_URL"]
        return url?.isEmpty == false ? url : nil
    }

    func validate() throws {
        guard databaseConnections >= 1 else { throw ValidationError("--database-connections must be at least 1.") }
        guard (3 ... 3600).contains(jobLease) else { throw ValidationError("--job-lease must be 3…3600 seconds.") }
        if let url { _ = try postgresConfiguration(url) }
    }

    /// The PostgreSQL database (its pool not yet running), or nil for the embedded SQLite default.
    func postgres(logger: Logger) throws -> PostgresDatabase? {
        guard let url else { return nil }
        return PostgresDatabase(configuration: try postgresConfiguration(url), logger: logger)
    }

    /// Where checks are published, wait for workers and rate limits are counted.
    struct Stores {
        var archive: any FactCheckArchive
        var queue: any CheckJobQueue
        var rateLimits: any RateLimitStore
        /// Where online answers and pages are kept; nil: the data home's database.
        var fetchCache: (any FetchCache)?
        /// The shared database, whose pool must run while they are used; nil for the embedded default.
        var postgres: PostgresDatabase?

        /// Runs `body` with the stores usable: inside the shared database's pool when there is one.
        func whileOpen(_ body: @escaping @Sendable () async throws -> Void) async throws {
            if let postgres { try await postgres.whileRunning(body) } else { try await body() }
        }
    }

    /// PostgreSQL when configured, else the data home's SQLite file, with the queue and counters in this process.
    func stores(dataHome: DataHome, logger: Logger) throws -> Stores {
        guard let postgres = try postgres(logger: logger) else {
            return Stores(archive: try SQLiteFactCheckArchive(path: dataHome.databasePath), queue: InMemoryCheckJobQueue(),
                          rateLimits: InMemoryRateLimitStore())
        }
        return Stores(archive: PostgresFactCheckArchive(database: postgres), queue: PostgresCheckJobQueue(database: postgres),
                      rateLimits: PostgresRateLimitStore(database: postgres), fetchCache: PostgresFetchCache(database: postgres), postgres: postgres)
    }

    private func postgresConfiguration(_ url: String) throws -> PostgresStoreConfiguration {
        do { return try PostgresStoreConfiguration(url: url, maxConnections: databaseConnections) } catch {
            throw ValidationError("\(error)")
        }
    }
}
