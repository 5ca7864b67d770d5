import Foundation
import Tokenizers
import XCTest

/// Compares every fixture with the ids Python `tokenizers` produced for the same inputs.
final class ParityTests: XCTestCase {
    func testMiniLMWordPiece() throws {
        try checkFixture("minilm")
    }

    func testRobertaByteLevelBPE() throws {
        try checkFixture("roberta")
    }

    func testDebertaSentencePieceUnigram() throws {
        try checkFixture("deberta")
    }

    func testComponentMatrix() throws {
        let components = try Fixtures.manifest().filter { $0.hasPrefix("component_") }
        XCTAssertFalse(components.isEmpty)
        for name in components {
            try checkFixture(name)
        }
    }

    private func checkFixture(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let tokenizer = try Fixtures.tokenizer(name)
        let inputs = try Fixtures.inputs()
        let expected = try Fixtures.expected(name)
        var report = ParityReport(fixture: name)

        for (position, ids) in expected.singles.enumerated() {
            let index = expected.single_indices[position]
            let text = inputs.singles[index]
            let encoding = tokenizer.encode(text)
            report.check("single #\(index)", text: text, expected: ids, actual: encoding.ids)
            report.check("single #\(index) counts", text: text, expected: [ids.count, ids.count, ids.count],
                         actual: [encoding.typeIds.count, encoding.attentionMask.count, encoding.tokens.count])
        }
        for (position, ids) in expected.singles_plain.enumerated() {
            let index = expected.single_indices[position]
            let text = inputs.singles[index]
            report.check("single #\(index) without special tokens", text: text, expected: ids,
                         actual: tokenizer.encode(text, addSpecialTokens: false).ids)
        }
        for (key, tokens) in expected.tokens {
            let index = try XCTUnwrap(Int(key))
            let text = inputs.singles[index]
            report.check("tokens #\(index)", text: text, expected: tokens, actual: tokenizer.encode(text).tokens)
        }
        for item in expected.singles_truncated {
            let text = inputs.singles[item.index]
            report.check("single #\(item.index) maxLength \(item.max_length)", text: text, expected: item.ids,
                         actual: tokenizer.encode(text, maxLength: item.max_length).ids)
        }
        for (index, item) in expected.pairs.enumerated() {
            let pair = inputs.pairs[index]
            let label = "pair #\(index) maxLength \(pair.max_length.map(String.init) ?? "nil") "
                + "\(pair.strategy) special \(pair.add_special_tokens)"
            let text = "\(pair.a) ||| \(pair.b)"
            let outcome: String
            var encoding: Encoding?
            do {
                encoding = try tokenizer.encode(pair.a, pair: pair.b, addSpecialTokens: pair.add_special_tokens,
                                                maxLength: pair.max_length, truncation: pair.truncation)
                outcome = "ids"
            } catch {
                let message = "\(error)"
                if message.contains("cannot hold") {
                    outcome = "max_length_too_small"
                } else if message.contains("too short") {
                    outcome = "sequence_too_short"
                } else {
                    outcome = message
                }
            }
            report.check(label, text: text, expected: item.error ?? "ids", actual: outcome)
            if let encoding, item.error == nil {
                report.check(label, text: text, expected: item.ids ?? [], actual: encoding.ids)
                report.check(label + " type ids", text: text, expected: item.type_ids ?? [], actual: encoding.typeIds)
                report.check(label + " attention mask", text: text,
                             expected: Array(repeating: Int32(1), count: encoding.ids.count), actual: encoding.attentionMask)
            }
        }

        // Below the special-token count, only the special tokens are kept (Python would not truncate).
        let tooShort = tokenizer.encode("The claim is false.", maxLength: max(0, expected.special_tokens_single - 1))
        XCTAssertEqual(tooShort.ids.count, expected.special_tokens_single, "\(name): maxLength below special tokens",
                       file: file, line: line)
        XCTAssertEqual(tokenizer.padTokenId, expected.pad_id, "\(name): padTokenId", file: file, line: line)
        for (token, id) in expected.token_ids {
            XCTAssertEqual(tokenizer.tokenId(for: token), id, "\(name): tokenId(for: \(token))", file: file, line: line)
        }
        report.assertClean(file: file, line: line)
        print("\(name): \(expected.singles.count) singles, \(expected.pairs.count) pairs, "
            + "\(report.checked) checks, \(report.failed) mismatches")
    }
}
