import Foundation
import Tokenizers
import XCTest

/// Large and unusual inputs never crash and keep the encoding's arrays consistent.
final class RobustnessTests: XCTestCase {
    private static let fixtures = ["minilm", "roberta", "deberta"]

    private func assertConsistent(_ encoding: Encoding, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(encoding.ids.count, encoding.attentionMask.count, context, file: file, line: line)
        XCTAssertEqual(encoding.ids.count, encoding.typeIds.count, context, file: file, line: line)
        XCTAssertEqual(encoding.ids.count, encoding.tokens.count, context, file: file, line: line)
    }

    func testOneMegabyteString() throws {
        let paragraph = "Fact check: The Eiffel Tower (330 m) was completed in 1889 — not 1901! "
            + "Zürich, São Paulo, 北京, 東京タワー, 서울, القاهرة, नमस्ते, 👨‍👩‍👧‍👦 👍🏽 https://example.com/a?b=c. "
        let text = String(repeating: paragraph, count: 1_000_000 / paragraph.utf8.count + 1)
        XCTAssertGreaterThanOrEqual(text.utf8.count, 1_000_000)
        for name in Self.fixtures {
            let tokenizer = try Fixtures.tokenizer(name)
            let start = Date()
            let encoding = tokenizer.encode(text)
            let elapsed = Date().timeIntervalSince(start)
            assertConsistent(encoding, name)
            XCTAssertGreaterThan(encoding.ids.count, 100_000, name)
            let truncated = tokenizer.encode(text, maxLength: 512)
            XCTAssertEqual(truncated.ids.count, 512, name)
            XCTAssertEqual(Array(truncated.ids.prefix(100)), Array(encoding.ids.prefix(100)), name)
            print("\(name): 1 MB → \(encoding.ids.count) tokens in \(String(format: "%.2f", elapsed)) s")
        }
    }

    func testUnusualInputs() throws {
        var inputs = [
            "", " ", "\u{0}", "\u{0301}", "\u{0301}\u{0302}\u{0303}", "\u{200D}", "\u{FEFF}", "\u{FFFF}",
            "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇺🇸🇺", "\u{202E}evil", "\r\n\r\n", String(repeating: "\u{0301}", count: 5000),
            String(repeating: "a", count: 10_000), String(repeating: " ", count: 10_000),
            String(repeating: "[MASK]", count: 500), String(repeating: "<mask> ", count: 500),
            String(decoding: [0xFF, 0xFE, 0xED, 0xA0, 0x80, 0x61], as: UTF8.self),
            String(decoding: [0xD800, 0x61, 0xDFFF] as [UInt16], as: UTF16.self),
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...200, using: &generator) {
                if let scalar = Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &generator)) {
                    view.append(scalar)
                }
            }
            inputs.append(String(view))
        }
        for name in Self.fixtures + (try Fixtures.manifest().filter { $0.hasPrefix("component_") }) {
            let tokenizer = try Fixtures.tokenizer(name)
            for text in inputs {
                assertConsistent(tokenizer.encode(text), name)
                assertConsistent(tokenizer.encode(text, addSpecialTokens: false, maxLength: 0), name)
                for strategy in [TruncationStrategy.longestFirst, .onlyFirst, .onlySecond] where text.count < 1000 {
                    if let pair = try? tokenizer.encode(text, pair: text, maxLength: 64, truncation: strategy) {
                        assertConsistent(pair, name)
                        XCTAssertLessThanOrEqual(pair.ids.count, 64, name)
                    }
                }
            }
        }
    }

    func testSpecialTokensAndPadding() throws {
        let minilm = try Fixtures.tokenizer("minilm")
        XCTAssertEqual(minilm.padTokenId, 0)
        XCTAssertEqual(minilm.tokenId(for: "[CLS]"), 101)
        XCTAssertEqual(minilm.tokenId(for: "[SEP]"), 102)
        XCTAssertEqual(minilm.tokenId(for: "[MASK]"), 103)
        XCTAssertNil(minilm.tokenId(for: "not-a-token-at-all"))
        let masked = minilm.encode("The capital of France is [MASK].")
        XCTAssertEqual(masked.ids.first, 101)
        XCTAssertEqual(masked.ids.last, 102)
        XCTAssertTrue(masked.ids.contains(103))

        let roberta = try Fixtures.tokenizer("roberta")
        XCTAssertEqual(roberta.padTokenId, roberta.tokenId(for: "<pad>"))
        XCTAssertEqual(roberta.tokenId(for: "<s>"), 0)
        let pair = try roberta.encode("claim", pair: "evidence")
        XCTAssertEqual(pair.typeIds, Array(repeating: 0, count: pair.ids.count))

        let deberta = try Fixtures.tokenizer("deberta")
        XCTAssertEqual(deberta.padTokenId, deberta.tokenId(for: "[PAD]"))
        let debertaPair = try deberta.encode("claim", pair: "evidence")
        XCTAssertEqual(debertaPair.ids.first, deberta.tokenId(for: "[CLS]"))
        XCTAssertEqual(debertaPair.typeIds.last, 1)
    }

    func testConcurrentUse() throws {
        let tokenizer = try Fixtures.tokenizer("deberta")
        let expected = tokenizer.encode("Concurrent encoding gives the same ids.")
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            XCTAssertEqual(tokenizer.encode("Concurrent encoding gives the same ids."), expected)
        }
    }
}
