import Foundation
import PostgresNIO

/// Where the PostgreSQL store is and how long it may take: parsed from a `postgres://user:password@host:port/database`
/// address (`?sslmode=disable|prefer|require`, `?host=/socket/folder` for a Unix socket).
public struct PostgresStoreConfiguration: Sendable {
    /// The address as given, with any password hidden: safe to log.
    public let redactedURL: String
    var client: PostgresClient.Configuration
    /// The longest a query may wait for a connection or run before it fails as `StorageFailure.unavailable`.
    public var queryTimeout: Duration

    /// - Parameters:
    ///   - url: a `postgres://` or `postgresql://` address.
    ///   - maxConnections: the pool's size on this instance.
    public init(url: String, maxConnections: Int = 10, connectTimeout: Duration = .seconds(3), queryTimeout: Duration = .seconds(5)) throws {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme?.lowercased() ?? "") else {
            throw PostgresStoreError.invalidURL("expected postgres://user:password@host:port/database, got \(Self.redacted(url))")
        }
        let query = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let username = parts.user?.removingPercentEncoding ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let password = parts.password?.removingPercentEncoding
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        let database = path.isEmpty ? nil : path.removingPercentEncoding
        var configuration: PostgresClient.Configuration
        if let socketFolder = query["host"], socketFolder.hasPrefix("/") {
            let port = parts.port ?? 5432
            configuration = .init(unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: username, password: password, database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS
            switch query["sslmode"] ?? "prefer" {
            case "disable": tls = .disable
            case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
            case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
            case let mode: throw PostgresStoreError.invalidURL("unknown sslmode \(mode) (use disable, prefer or require)")
            }
            configuration = .init(host: parts.host ?? "localhost", port: parts.port ?? 5432, username: username, password: password,
                                  database: database, tls: tls)
        }
        configuration.options.maximumConnections = max(1, maxConnections)
        configuration.options.connectTimeout = connectTimeout
        // The server ends any statement that outlives the query timeout, so a slow query never holds a connection for long.
        configuration.options.additionalStartupParameters = [("statement_timeout", "\(Int(queryTimeout.seconds * 1000))"),
                                                             ("application_name", "factcheck")]
        client = configuration
        self.queryTimeout = queryTimeout
        redactedURL = Self.redacted(url)
    }

    /// `url` with its password replaced by `***`.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? "postgres://…"
    }
}
