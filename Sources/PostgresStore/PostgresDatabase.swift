import FactCheckCore
import Logging
import PostgresNIO

/// The shared PostgreSQL database: a connection pool (alive while `run()` runs), migrations, and queries bounded by the
/// configured timeout. A database that cannot be reached, or restarts, fails queries as `StorageFailure.unavailable`
/// (never a hang); the pool reconnects by itself when it is back.
public final class PostgresDatabase: Sendable {
    public let configuration: PostgresStoreConfiguration
    let client: PostgresClient
    let logger: Logger

    public init(configuration: PostgresStoreConfiguration, logger: Logger = Logger(label: "factcheck.postgres")) {
        self.configuration = configuration
        self.logger = logger
        client = PostgresClient(configuration: configuration.client, backgroundLogger: logger)
    }

    /// Keeps the pool's connections; queries wait for it. Cancel the task running it to close the pool.
    public func run() async { await client.run() }

    /// Runs `body` on one pooled connection within the query timeout.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await withinTimeout { try await self.client.withConnection { connection in try await body(connection) } }
    }

    /// Runs `body` in one transaction within the query timeout: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await withinTimeout {
            try await self.client.withConnection { connection in
                try await connection.withTransaction(logger: self.logger) { connection in try await body(connection) }
            }
        }
    }

    /// The rows of `query`, read whole.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await withConnection { connection in try await connection.query(query, logger: self.logger).collect() }
    }

    /// Runs `query` for its effect.
    func execute(_ query: PostgresQuery) async throws {
        _ = try await rows(query)
    }

    private func withinTimeout<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let timeout = configuration.queryTimeout
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await body() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let value = first else {
                    throw StorageFailure.unavailable
                }
                return value
            }
        } catch {
            throw Self.storageError(error)
        }
    }

    /// `error` as the store reports it: lost or refused connections and server shutdowns are `StorageFailure.unavailable`,
    /// a full disk `StorageFailure.full`; anything else (a bug) unchanged.
    static func storageError(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError else { return error }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            if state.hasPrefix("08") || state.hasPrefix("57P") || state == "57014" { return StorageFailure.unavailable }
            if state == "53100" { return StorageFailure.full }
            if state == "25006" { return StorageFailure.readOnly }
            return error
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed, .queryCancelled:
            return StorageFailure.unavailable
        default:
            return error
        }
    }
}

extension PostgresConnection {
    /// Runs `query` for its effect, dropping any rows.
    func execute(_ query: PostgresQuery, logger: Logger) async throws {
        _ = try await self.query(query, logger: logger).collect()
    }
}

extension Duration {
    /// The duration in seconds, for PostgreSQL's intervals and timeouts.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
