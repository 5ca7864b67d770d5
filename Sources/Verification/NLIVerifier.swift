import FactCheckCore
import Foundation
import Inference

/// Stance of a passage towards a claim from an NLI / fact-verification cross-encoder
/// (premise = passage, hypothesis = claim), with its label order read from `id2label` and its
/// probabilities tempered by `calibration.json` when the model folder has one.
public final class NLIVerifier {
    public let encoder: TextEncoder
    /// Softmax temperature fitted on held-out data (1 when the model has no `calibration.json`).
    public let temperature: Float
    private let stances: [Stance]

    public init(directory: URL, threadCount: Int = 2, maxLength: Int = 256) throws {
        encoder = try TextEncoder(directory: directory, maxLength: maxLength, threadCount: threadCount)
        let labels = encoder.model.labels
        guard !labels.isEmpty else {
            throw VerificationError.notAClassifier(directory.path)
        }
        stances = try labels.map { label in
            guard let stance = Stance(label: label) else { throw VerificationError.unknownLabel(label, directory.path) }
            return stance
        }
        let calibration = directory.appendingPathComponent("calibration.json")
        if let data = try? Data(contentsOf: calibration) {
            guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let value = json["temperature"] as? Double, value > 0
            else { throw VerificationError.malformedCalibration(calibration.path) }
            temperature = Float(value)
        } else {
            temperature = 1
        }
    }

    /// Stance probabilities for each (passage, claim) pair.
    public func stances(_ pairs: [(passage: String, claim: String)], batchSize: Int = 32) throws -> [StanceProbabilities] {
        let probabilities = try encoder.classify(pairs.map { ($0.passage, $0.claim) }, temperature: temperature, batchSize: batchSize)
        return probabilities.map { row in
            var result = StanceProbabilities(supports: 0, refutes: 0, notEnoughInfo: 0)
            for (stance, probability) in zip(stances, row) {
                switch stance {
                case .supports: result.supports += Double(probability)
                case .refutes: result.refutes += Double(probability)
                case .notEnoughInfo: result.notEnoughInfo += Double(probability)
                }
            }
            return result
        }
    }
}
