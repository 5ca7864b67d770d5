import Foundation
import Inference
import XCTest

/// The real all-MiniLM-L6-v2, tokenised and run in Swift, matches sentence-transformers
/// (scripts/make_minilm_reference.py) on varied sentences, including one beyond the length limit.
final class MiniLMParityTests: XCTestCase {
    private struct Reference: Decodable {
        let max_length: Int
        let sentences: [String]
        let embeddings: [[Float]]
    }

    func testEmbeddingsMatchSentenceTransformers() throws {
        let directory = try InstalledModels.directory("all-minilm-l6-v2")
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("minilm-reference.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        XCTAssertGreaterThanOrEqual(reference.sentences.count, 50)
        for threads in [1, 2] {
            let encoder = try TextEncoder(directory: directory, maxLength: reference.max_length, threadCount: threads)
            for batchSize in [1, 16] {
                let embeddings = try encoder.embed(reference.sentences, batchSize: batchSize)
                var worst: Float = 0
                for (index, (actual, expected)) in zip(embeddings, reference.embeddings).enumerated() {
                    let difference = maxAbsDifference(actual, expected)
                    worst = max(worst, difference)
                    XCTAssertLessThan(difference, 1e-4, "sentence \(index) '\(reference.sentences[index].prefix(40))' (batch \(batchSize), \(threads) threads)")
                }
                print("MiniLM parity: max abs difference \(worst) over \(embeddings.count) sentences (batch \(batchSize), \(threads) threads)")
            }
        }
    }
}
