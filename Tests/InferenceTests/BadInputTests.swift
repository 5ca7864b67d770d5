import Foundation
import Inference
import XCTest

/// Corrupt files and invalid inputs produce errors that name the problem, never a crash or a wrong answer.
final class BadInputTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try temporaryDirectory()
        let source = try EngineFixture("bert-classifier").directory
        for file in ["config.json", "model.safetensors"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private var weights: URL { directory.appendingPathComponent("model.safetensors") }
    private var config: URL { directory.appendingPathComponent("config.json") }

    private func assertLoadFails(containing fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try EncoderModel(directory: directory), file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains(fragment), "'\(error)' should mention '\(fragment)'", file: file, line: line)
        }
    }

    func testTruncatedSafeTensors() throws {
        let data = try Data(contentsOf: weights)
        try data.prefix(data.count - 100).write(to: weights)
        assertLoadFails(containing: "truncated")
        assertLoadFails(containing: "model.safetensors")
    }

    func testCorruptHeader() throws {
        var data = try Data(contentsOf: weights)
        data.replaceSubrange(8 ..< 16, with: Array("garbage!".utf8))
        try data.write(to: weights)
        assertLoadFails(containing: "header is not a JSON object")
    }

    func testHeaderLengthBeyondFile() throws {
        var data = try Data(contentsOf: weights)
        data.replaceSubrange(0 ..< 8, with: withUnsafeBytes(of: UInt64(1 << 40).littleEndian, Array.init))
        try data.write(to: weights)
        assertLoadFails(containing: "header length")
    }

    func testEmptyAndMissingFiles() throws {
        try Data().write(to: weights)
        assertLoadFails(containing: "file is empty")
        try FileManager.default.removeItem(at: weights)
        assertLoadFails(containing: "model.safetensors: cannot read file")
    }

    func testConfigThatDoesNotMatchTensors() throws {
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: config)) as! [String: Any]
        json["hidden_size"] = 64
        try JSONSerialization.data(withJSONObject: json).write(to: config)
        assertLoadFails(containing: "word_embeddings.weight' has shape [97, 32], but config.json implies [97, 64]")
    }

    func testUnknownArchitecture() throws {
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: config)) as! [String: Any]
        json["model_type"] = "gpt2"
        try JSONSerialization.data(withJSONObject: json).write(to: config)
        assertLoadFails(containing: "model_type 'gpt2'")
    }

    func testMissingConfigField() throws {
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: config)) as! [String: Any]
        json["num_hidden_layers"] = nil
        try JSONSerialization.data(withJSONObject: json).write(to: config)
        assertLoadFails(containing: "num_hidden_layers")
    }

    func testInvalidInputs() throws {
        let model = try EncoderModel(directory: directory)
        let cases: [([TokenSequence], String)] = [
            ([], "empty batch"),
            ([TokenSequence(ids: [])], "no tokens"),
            ([TokenSequence(ids: [5, 500])], "outside the vocabulary"),
            ([TokenSequence(ids: [5, 6], typeIds: [0, 7])], "type_vocab_size"),
            ([TokenSequence(ids: [Int32](repeating: 5, count: 65))], "at most 64"),
        ]
        for (batch, fragment) in cases {
            XCTAssertThrowsError(try model.logits(batch)) { error in
                XCTAssertTrue("\(error)".contains(fragment), "'\(error)' should mention '\(fragment)'")
            }
        }
    }
}
