import FactCheckWebTesting
import Foundation
import Tokenizers
import XCTest

/// Arbitrary Unicode through the three real tokenizers: never a crash, arrays consistent, truncation respected.
final class FuzzTests: XCTestCase {
    func testArbitraryUnicodeEncodesConsistently() throws {
        for (stream, name) in ["minilm", "roberta", "deberta"].enumerated() {
            let tokenizer = try Fixtures.tokenizer(name)
            var inputs = FuzzInputs(stream: UInt64(stream))
            for iteration in 0 ..< FuzzInputs.iterations {
                let text = inputs.unicodeText(maxLength: 200)
                let context = "\(name) #\(iteration) seed \(FuzzInputs.seed): \(text.unicodeScalars.map { String($0.value, radix: 16) })"
                let encoding = tokenizer.encode(text)
                XCTAssertEqual(encoding.ids.count, encoding.attentionMask.count, context)
                XCTAssertEqual(encoding.ids.count, encoding.tokens.count, context)
                XCTAssertTrue(encoding.ids.allSatisfy { $0 >= 0 }, context)
                let maxLength = Int.random(in: 8 ... 64, using: &inputs)
                let pair = try tokenizer.encode(text, pair: inputs.unicodeText(maxLength: 100), maxLength: maxLength)
                XCTAssertLessThanOrEqual(pair.ids.count, maxLength, context)
                XCTAssertEqual(pair.ids.count, pair.typeIds.count, context)
            }
        }
    }
}
