import FactCheckCore
import Foundation

/// One scored item as `eval --predictions` writes it: what was asked, what was expected and what came out, with the
/// weighed evidence in retrieve mode, so errors can be read claim by claim.
struct EvalPrediction: Encodable {
    var claim: String
    var gold: String
    var predicted: String
    var confidence: Double
    /// Retrieve mode: the normalised claim, the verdict, its rationale and every passage weighed.
    var normalizedClaim: String?
    var verdict: Verdict?
    var rationale: String?
    var evidence: [Evidence]?

    enum CodingKeys: String, CodingKey {
        case claim, gold, predicted, confidence, verdict, rationale, evidence
        case normalizedClaim = "normalized_claim"
    }
}

/// Appends predictions to a JSONL file, one object per line.
struct EvalPredictionWriter {
    private let handle: FileHandle
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw EvalError("\(path): cannot write predictions")
        }
        self.handle = handle
    }

    func write(_ prediction: EvalPrediction) throws {
        try handle.write(contentsOf: encoder.encode(prediction) + Data("\n".utf8))
    }

    func close() throws { try handle.close() }
}
