import Foundation
import Inference
import XCTest

/// The Swift encoders reproduce PyTorch's outputs on tiny random checkpoints of every architecture and dtype.
final class EncoderParityTests: XCTestCase {
    func testHiddenStatesAndLogitsMatchPyTorch() throws {
        for name in EngineFixture.names {
            let fixture = try EngineFixture(name)
            for threads in [1, 2] {
                let model = try EncoderModel(directory: fixture.directory, threadCount: threads)
                let hidden = try model.encoder(fixture.sequences)
                for (index, expected) in fixture.expected.hidden.enumerated() {
                    let difference = maxAbsDifference(hidden.sequence(index), expected)
                    XCTAssertLessThan(difference, 1e-4, "\(name) (\(fixture.expected.dtype), \(threads) threads): hidden states of sequence \(index)")
                }
                if let expectedLogits = fixture.expected.logits {
                    let logits = try model.logits(fixture.sequences)
                    XCTAssertEqual(logits.count, expectedLogits.count)
                    for (actual, expected) in zip(logits, expectedLogits) {
                        XCTAssertLessThan(maxAbsDifference(actual, expected), 1e-4, "\(name): logits")
                    }
                } else {
                    XCTAssertFalse(model.canClassify, "\(name) has no classification head")
                }
            }
        }
    }

    func testLabelsComeFromId2Label() throws {
        XCTAssertEqual(try EncoderModel(directory: EngineFixture("bert-classifier").directory).labels, ["entailment", "neutral", "contradiction"])
        XCTAssertEqual(try EncoderModel(directory: EngineFixture("deberta-v2-classifier").directory).labels, ["SUPPORTS", "REFUTES"])
        XCTAssertEqual(try EncoderModel(directory: EngineFixture("bert-encoder").directory).labels, [])
    }

    /// A sequence's output does not depend on what else is in the batch.
    func testBatchingDoesNotChangeOutputs() throws {
        let fixture = try EngineFixture("deberta-v3-classifier")
        let model = try EncoderModel(directory: fixture.directory)
        let batched = try model.logits(fixture.sequences)
        for (index, sequence) in fixture.sequences.enumerated() {
            let single = try model.logits([sequence])[0]
            XCTAssertLessThan(maxAbsDifference(single, batched[index]), 1e-5)
        }
    }

    func testPaddedInputIsUnpadded() {
        let sequence = TokenSequence(ids: [5, 6, 7, 0, 0], typeIds: [0, 0, 1, 0, 0], attentionMask: [1, 1, 1, 0, 0])
        XCTAssertEqual(sequence, TokenSequence(ids: [5, 6, 7], typeIds: [0, 0, 1]))
    }

    func testEmbeddingsAreUnitLength() throws {
        let fixture = try EngineFixture("bert-encoder")
        let model = try EncoderModel(directory: fixture.directory)
        for embedding in try model.embeddings(fixture.sequences) {
            XCTAssertEqual(embedding.count, model.config.hiddenSize)
            XCTAssertEqual(embedding.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-4)
        }
    }
}
