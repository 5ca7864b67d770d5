import Foundation
import Inference
import XCTest

/// FactCheck's trained verifier (models/factcheck-verifier-minilm-l6, fp16) gives PyTorch's logits in Swift
/// (scripts/make_verifier_reference.py), tokenisation included.
final class VerifierParityTests: XCTestCase {
    private struct Reference: Decodable {
        let max_length: Int
        let pairs: [[String]]
        let logits: [[Float]]
        let labels: [String]
    }

    func testLogitsMatchPyTorch() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let model = repository.appendingPathComponent("models/factcheck-verifier-minilm-l6")
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("verifier-reference.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        let encoder = try TextEncoder(directory: model, maxLength: reference.max_length, threadCount: 2)
        XCTAssertEqual(encoder.model.labels, reference.labels)
        let sequences = try reference.pairs.map { try encoder.sequence($0[0], $0[1]) }
        let logits = try encoder.model.logits(sequences)
        var worst: Float = 0
        for (index, (actual, expected)) in zip(logits, reference.logits).enumerated() {
            let difference = maxAbsDifference(actual, expected)
            worst = max(worst, difference)
            XCTAssertLessThan(difference, 1e-3, "pair \(index): \(reference.pairs[index][1])")
        }
        print("verifier parity: max abs logit difference \(worst) over \(logits.count) pairs")
    }
}
