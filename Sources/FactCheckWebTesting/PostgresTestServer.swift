import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real PostgreSQL server for tests: `initdb` into a temporary folder and `pg_ctl start` on a free loopback port, as
/// the unprivileged `postgres` user when the tests run as root. Each test takes a fresh database with `makeDatabase()`.
/// The server is stopped (immediately) and its folder removed when `stop()` is called.
public final class PostgresTestServer: @unchecked Sendable {
    public let port: Int
    public let folder: URL
    private let binaries: URL
    private let user: String?

    /// Starts a new server; fails with what to install when PostgreSQL's server programs are missing.
    public init() throws {
        binaries = try Self.binaryFolder()
        user = getuid() == 0 ? (getpwnam("postgres") != nil ? "postgres" : "nobody") : nil
        folder = URL(fileURLWithPath: "/tmp/factcheck-pg-\(UUID().uuidString.prefix(8))")
        port = try Self.freePort()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let user { try FileManager.default.setAttributes([.ownerAccountName: user], ofItemAtPath: folder.path) }
        try run("initdb", ["-D", folder.appendingPathComponent("data").path, "-U", "factcheck", "-A", "trust", "-E", "UTF8",
                           "--locale=C", "--no-sync"])
        try start()
    }

    /// The address of the maintenance database `postgres`.
    public var url: String { url(database: "postgres") }

    public func url(database: String) -> String { "postgres://factcheck@127.0.0.1:\(port)/\(database)?sslmode=disable" }

    /// A new, empty database; returns its address.
    public func makeDatabase() throws -> String {
        let name = "test_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "_"))"
        try sql("CREATE DATABASE \(name)")
        return url(database: name)
    }

    /// Runs `statement` with psql against the maintenance database.
    public func sql(_ statement: String) throws {
        try run("psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", "factcheck", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qc", statement],
                asServerUser: false)
    }

    /// Starts the server (again, after `stop(removingFolder: false)`), waiting until it accepts connections.
    public func start() throws {
        try run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-w", "-t", "30", "-l", folder.appendingPathComponent("log").path,
                           "-o", "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                           "start"])
    }

    /// Stops the server at once (open connections are cut), and removes its folder unless asked not to.
    public func stop(removingFolder: Bool = true) {
        try? run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        if removingFolder { try? FileManager.default.removeItem(at: folder) }
    }

    private func run(_ program: String, _ arguments: [String], asServerUser: Bool = true) throws {
        let executable = binaries.appendingPathComponent(program).path
        let command = (asServerUser ? user.map { ["/usr/sbin/runuser", "-u", $0, "--"] } ?? [] : []) + [executable] + arguments
        // Through Python's subprocess, which closes inherited descriptors: Foundation's Process watches the child
        // through one, and the server that pg_ctl leaves running would otherwise hold it open, so it never returned.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"] + command
        process.currentDirectoryURL = folder
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("factcheck-pg-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let output = try FileHandle(forWritingTo: outputURL)
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
            throw NSError(domain: "PostgresTestServer", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "\(program) failed: \(text)"])
        }
    }

    /// PostgreSQL's server programs: `$FACTCHECK_PG_BIN`, else Debian's newest `/usr/lib/postgresql/N/bin`.
    private static func binaryFolder() throws -> URL {
        if let folder = ProcessInfo.processInfo.environment["FACTCHECK_PG_BIN"], !folder.isEmpty { return URL(fileURLWithPath: folder) }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        guard let newest = versions.last, FileManager.default.isExecutableFile(atPath: "\(root)/\(newest)/bin/initdb") else {
            throw NSError(domain: "PostgresTestServer", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "PostgreSQL's server is not installed: run scripts/install-deps.sh --test (Debian's postgresql), or set FACTCHECK_PG_BIN"])
        }
        return URL(fileURLWithPath: "\(root)/\(newest)/bin")
    }

    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw NSError(domain: "PostgresTestServer", code: 2, userInfo: [NSLocalizedDescriptionKey: "no free port"]) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
