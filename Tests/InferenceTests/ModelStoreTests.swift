import Foundation
import FactCheckCore
import Inference
import Provisioning
import XCTest

/// Model installation: Hub downloads (redirects, resume, hash pinning), local installs and verification,
/// against a local server speaking the Hub's URL layout.
final class ModelStoreTests: XCTestCase {
    private var work: URL!
    private var hubRoot: URL!
    private let repo = "factcheck-tests/tiny-bert-nli"

    override func setUpWithError() throws {
        work = try temporaryDirectory()
        hubRoot = work.appendingPathComponent("hub")
        let repoFolder = hubRoot.appendingPathComponent(repo)
        try FileManager.default.createDirectory(at: repoFolder, withIntermediateDirectories: true)
        let fixture = try EngineFixture("bert-classifier").directory
        for file in ["config.json", "model.safetensors"] {
            try FileManager.default.copyItem(at: fixture.appendingPathComponent(file), to: repoFolder.appendingPathComponent(file))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func store(_ server: HubServer) -> ModelStore {
        let root = work.appendingPathComponent("models")
        return ModelStore(root: root, hub: HubClient(endpoint: server.endpoint, partialDirectory: root.appendingPathComponent(".partial"), timeout: 10))
    }

    private func spec(pins: [String: String?] = ["config.json": nil, "model.safetensors": nil]) -> ModelSpec {
        ModelSpec(name: "tiny", role: .verifier, summary: "test", source: .huggingFace(repo: repo, revision: "main"), files: pins)
    }

    private var weightsSHA256: String {
        get throws { try FileDigest.sha256Hex(ofFile: hubRoot.appendingPathComponent(repo).appendingPathComponent("model.safetensors")) }
    }

    func testDownloadsFollowRedirectsAndRecordHashesAndCommit() async throws {
        let server = try HubServer(root: hubRoot)
        let store = store(server)
        let manifest = try await store.install(spec())
        XCTAssertEqual(manifest.files["model.safetensors"]?.sha256, try weightsSHA256)
        XCTAssertEqual(manifest.commit, "0123456789abcdef0123456789abcdef01234567")
        XCTAssertEqual(try store.manifest(for: "tiny")?.files, manifest.files, "manifest.json round-trips")
        XCTAssertEqual(try store.verify("tiny"), [])
        XCTAssertTrue(server.requests.contains("/cdn/\(repo)/model.safetensors -"), "LFS file fetched through the redirect: \(server.requests)")
        let model = try EncoderModel(directory: store.directory(for: "tiny"))
        XCTAssertEqual(model.labels, ["entailment", "neutral", "contradiction"])
    }

    func testInterruptedDownloadResumesWithRange() async throws {
        let server = try HubServer(root: hubRoot, options: ["--drop-after", "5000"])
        let store = store(server)
        do {
            try await store.install(spec())
            XCTFail("the first attempt should fail when the connection drops")
        } catch {}
        XCTAssertNil(try store.manifest(for: "tiny"), "nothing is installed from a failed attempt")
        let manifest = try await store.install(spec())
        XCTAssertEqual(manifest.files["model.safetensors"]?.sha256, try weightsSHA256)
        XCTAssertTrue(server.requests.contains("/cdn/\(repo)/model.safetensors bytes=5000-"), "resumed with a Range request: \(server.requests)")
    }

    func testPinnedHashMismatchIsRejected() async throws {
        let server = try HubServer(root: hubRoot)
        let store = store(server)
        let wrong = String(repeating: "ab", count: 32)
        do {
            try await store.install(spec(pins: ["config.json": nil, "model.safetensors": wrong]))
            XCTFail("a wrong pin must fail")
        } catch {
            XCTAssertTrue("\(error)".contains("does not match the expected \(wrong)"), "\(error)")
        }
        XCTAssertNil(try store.manifest(for: "tiny"))
    }

    func testHubHashHeaderIsCheckedWhenUnpinned() async throws {
        let server = try HubServer(root: hubRoot, options: ["--wrong-etag"])
        do {
            try await store(server).install(spec())
            XCTFail("a hash that differs from X-Linked-Etag must fail")
        } catch {
            XCTAssertTrue("\(error)".contains("does not match the expected \(String(repeating: "0", count: 64))"), "\(error)")
        }
    }

    func testMissingFileNamesTheURL() async throws {
        let server = try HubServer(root: hubRoot)
        do {
            try await store(server).install(spec(pins: ["config.json": nil, "tokenizer.json": nil]))
            XCTFail("a missing file must fail")
        } catch {
            XCTAssertTrue("\(error)".contains("tokenizer.json: HTTP 404"), "\(error)")
        }
    }

    func testUnreachableHubSaysOffline() async throws {
        let root = work.appendingPathComponent("models")
        let store = ModelStore(root: root, hub: HubClient(endpoint: URL(string: "http://127.0.0.1:9")!, partialDirectory: root, timeout: 5))
        do {
            try await store.install(spec())
            XCTFail("an unreachable endpoint must fail")
        } catch {
            XCTAssertTrue("\(error)".contains("cannot reach 127.0.0.1 (offline?)"), "\(error)")
        }
    }

    func testLocalInstallAndVerifyDetectsTampering() async throws {
        let store = ModelStore(root: work.appendingPathComponent("models"))
        let pinned = try weightsSHA256
        try await store.install(spec(pins: ["config.json": nil, "model.safetensors": pinned]), from: hubRoot.appendingPathComponent(repo))
        XCTAssertEqual(try store.verify("tiny"), [])
        let weights = store.directory(for: "tiny").appendingPathComponent("model.safetensors")
        let handle = try FileHandle(forWritingTo: weights)
        try handle.seek(toOffset: 200)
        try handle.write(contentsOf: Data([0xFF, 0xFF]))
        try handle.close()
        let problems = try store.verify("tiny")
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].hasPrefix("tiny/model.safetensors: SHA-256"), problems[0])
        XCTAssertEqual(try store.verify("absent"), ["absent: not installed"])
    }

    func testSHA256KnownVectors() throws {
        XCTAssertEqual(FileDigest.sha256Hex(of: Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(FileDigest.sha256Hex(of: Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let million = Data(repeating: UInt8(ascii: "a"), count: 3_000_000)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-\(UUID().uuidString)")
        try million.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertEqual(try FileDigest.sha256Hex(ofFile: file), FileDigest.sha256Hex(of: million), "chunked file reading matches one pass")
        XCTAssertEqual(FileDigest.sha256Hex(of: million.prefix(1_000_000)), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
