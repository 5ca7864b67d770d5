import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A local HTTP server for tests: a Python script that prints the port it listens on, closes its standard output and
/// serves until it is killed (when this object goes away).
public final class ScriptServer: @unchecked Sendable {
    public let port: Int
    private let process: Process

    public init(script: URL, arguments: [String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        try output.fileHandleForWriting.close()
        let line = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw NSError(domain: "ScriptServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(script.lastPathComponent) did not start: '\(line)'"])
        }
        self.port = port
    }

    /// `http://127.0.0.1:<port><path>`.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
