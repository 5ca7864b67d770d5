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

    /// Where checks are published and where they wait for workers: PostgreSQL when configured (the pool must be run),
    /// else the data home's SQLite file and a queue in this process.
    func stores(dataHome: DataHome, logger: Logger) throws -> (archive: any FactCheckArchive, queue: any CheckJobQueue, postgres: PostgresDatabase?) {
        guard let postgres = try postgres(logger: logger) else {
            return (try SQLiteFactCheckArchive(path: dataHome.databasePath), InMemoryCheckJobQueue(), nil)
        }
        return (PostgresFactCheckArchive(database: postgres), PostgresCheckJobQueue(database: postgres), postgres)
    }

    private func postgresConfiguration(_ url: String) throws -> PostgresStoreConfiguration {
        do { return try PostgresStoreConfiguration(url: url, maxConnections: databaseConnections) } catch {
            throw ValidationError("\(error)")
        }
    }
}
