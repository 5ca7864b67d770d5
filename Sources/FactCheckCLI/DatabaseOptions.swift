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

    /// The PostgreSQL address, when one is configured.
    var url: String? {
        let url = database ?? ProcessInfo.processInfo.environment["FACTCHECK_DATABASE_URL"]
        return url?.isEmpty == false ? url : nil
    }

    func validate() throws {
        guard databaseConnections >= 1 else { throw ValidationError("--database-connections must be at least 1.") }
        if let url { _ = try postgresConfiguration(url) }
    }

    /// The PostgreSQL database (its pool not yet running), or nil for the embedded SQLite default.
    func postgres(logger: Logger) throws -> PostgresDatabase? {
        guard let url else { return nil }
        return PostgresDatabase(configuration: try postgresConfiguration(url), logger: logger)
    }

    private func postgresConfiguration(_ url: String) throws -> PostgresStoreConfiguration {
        do { return try PostgresStoreConfiguration(url: url, maxConnections: databaseConnections) } catch {
            throw ValidationError("\(error)")
        }
    }
}
