import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs Support/hub_server.py (a local stand-in for the Hugging Face Hub file API) for one test.
final class HubServer {
    let endpoint: URL
    let log: URL
    private let process: Process

    /// Serves `root` (`<owner>/<name>/<file>`); `options` are hub_server.py flags.
    init(root: URL, options: [String] = []) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/hub_server.py")
        log = root.appendingPathComponent("requests.log")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--root", root.path, "--log", log.path] + options
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        try output.fileHandleForWriting.close()
        var bytes = Data()
        while !bytes.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            bytes.append(chunk)
        }
        let line = String(decoding: bytes, as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw NSError(domain: "HubServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "hub_server.py did not start: '\(line)'"])
        }
        endpoint = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// The request lines logged so far: "<path> <Range or ->".
    var requests: [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)  // SIGTERM may be blocked in the inherited signal mask
        process.waitUntilExit()
    }
}
