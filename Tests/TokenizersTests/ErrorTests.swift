import Foundation
import Tokenizers
import XCTest

/// Loading errors name the file and the field at fault.
final class ErrorTests: XCTestCase {
    private func message(_ body: () throws -> Tokenizer) -> String {
        do {
            _ = try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    private func message(json: String) -> String {
        message { try Tokenizer(data: Data(json.utf8)) }
    }

    private let wordPieceModel = #""model": {"type": "WordPiece", "unk_token": "[UNK]", "vocab": {"[UNK]": 0, "a": 1}}"#

    func testMissingFile() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-dir/missing-tokenizer.json")
        let text = message { try Tokenizer(contentsOf: url) }
        XCTAssertTrue(text.hasPrefix("missing-tokenizer.json: cannot read file"), text)
    }

    func testMalformedJSON() {
        let text = message(json: #"{"model": {"type": "BPE", "vocab": {"a": 0,}"#)
        XCTAssertTrue(text.hasPrefix("tokenizer.json: malformed JSON"), text)
        XCTAssertTrue(message(json: "[1, 2]").contains("top level is not an object"))
        XCTAssertTrue(message(json: "").hasPrefix("tokenizer.json: malformed JSON"))
    }

    func testFileNameAppearsInErrors() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).json")
        try Data(#"{"model": {"type": "WordPiece"}}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let text = message { try Tokenizer(contentsOf: url) }
        XCTAssertEqual(text, "\(url.lastPathComponent): model.vocab missing")
    }

    func testUnknownComponentTypes() {
        XCTAssertTrue(message(json: #"{"normalizer": {"type": "Foo"}, \#(wordPieceModel)}"#)
            .hasPrefix("tokenizer.json: unsupported normalizer type 'Foo'"))
        XCTAssertTrue(message(json: #"{"normalizer": {"type": "Sequence", "normalizers": [{"type": "NFC"}, {"type": "Bar"}]}, \#(wordPieceModel)}"#)
            .contains("unsupported normalizer type 'Bar' at normalizer.normalizers[1]"))
        XCTAssertTrue(message(json: #"{"pre_tokenizer": {"type": "Baz"}, \#(wordPieceModel)}"#)
            .hasPrefix("tokenizer.json: unsupported pre-tokenizer type 'Baz'"))
        XCTAssertTrue(message(json: #"{"post_processor": {"type": "Qux"}, \#(wordPieceModel)}"#)
            .hasPrefix("tokenizer.json: unsupported post-processor type 'Qux'"))
        XCTAssertTrue(message(json: #"{"model": {"type": "WordLevelPlus", "vocab": {}}}"#)
            .hasPrefix("tokenizer.json: unsupported model type 'WordLevelPlus'"))
    }

    func testMissingAndInvalidFields() {
        XCTAssertEqual(message(json: #"{"normalizer": null}"#), "tokenizer.json: model missing")
        XCTAssertEqual(message(json: #"{"model": {"type": "WordPiece"}}"#), "tokenizer.json: model.vocab missing")
        XCTAssertEqual(message(json: #"{"model": {"type": "Unigram", "vocab": 3}}"#),
                       "tokenizer.json: model.vocab must be an array")
        XCTAssertEqual(message(json: #"{"model": {"type": "WordPiece", "unk_token": "[UNK]", "vocab": {"a": 0}}}"#),
                       "tokenizer.json: model.unk_token '[UNK]' is not in model.vocab")
        XCTAssertTrue(message(json: #"{"model": {"type": "BPE", "vocab": {"a": 0, "b": 1}, "merges": ["a b"]}}"#)
            .contains("model.merges[0] produces 'ab', which is not in model.vocab"))
        XCTAssertTrue(message(json: #"{"pre_tokenizer": {"type": "Split", "pattern": {"Regex": "("}, "behavior": "Isolated"}, \#(wordPieceModel)}"#)
            .contains("pre_tokenizer.pattern.Regex is not a valid regular expression"))
        XCTAssertTrue(message(json: #"{"normalizer": {"type": "Precompiled", "precompiled_charsmap": "%%%"}, \#(wordPieceModel)}"#)
            .contains("normalizer.precompiled_charsmap is not valid base64"))
        XCTAssertTrue(message(json: #"{"post_processor": {"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "[X]", "type_id": 0}}], "pair": [], "special_tokens": {}}, \#(wordPieceModel)}"#)
            .contains("'[X]' is not in special_tokens"))
    }

    func testTruncationErrors() throws {
        let tokenizer = try Fixtures.tokenizer("minilm")
        XCTAssertThrowsError(try tokenizer.encode("a claim", pair: "some evidence", maxLength: 2)) { error in
            XCTAssertEqual("\(error)", "truncation: maxLength 2 cannot hold the 3 special tokens")
        }
        XCTAssertThrowsError(try tokenizer.encode("a", pair: "one two three four five", maxLength: 5,
                                                  truncation: .onlyFirst)) { error in
            XCTAssertTrue("\(error)".contains("too short"), "\(error)")
        }
        let fitted = try tokenizer.encode("a", pair: "one two three four five", maxLength: 5, truncation: .onlySecond)
        XCTAssertEqual(fitted.ids.count, 5)
        XCTAssertEqual(fitted.typeIds, [0, 0, 0, 1, 1])
    }
}
