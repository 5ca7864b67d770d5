import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs Support/page_server.py (saved pages, redirects, slow answers, wrong content types) for one test.
final class PageServer {
    let port: Int
    private let process: Process

    init() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", here.appendingPathComponent("Support/page_server.py").path, "--pages", here.appendingPathComponent("Fixtures").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        try output.fileHandleForWriting.close()
        let line = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw NSError(domain: "PageServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "page_server.py did not start: '\(line)'"])
        }
        self.port = port
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
