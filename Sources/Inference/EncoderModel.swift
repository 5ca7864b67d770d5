import Foundation

/// A checkpoint directory (`config.json` + `model.safetensors`) loaded for inference:
/// an encoder, and its classification head when the checkpoint has one.
public final class EncoderModel {
    public let config: ModelConfig
    public let encoder: TransformerEncoder
    let head: ClassificationHead?
    /// Class labels by logit index (from `id2label`, or `LABEL_n` when absent); empty without a head.
    public let labels: [String]

    /// Loads `config.json` and `model.safetensors` from `directory`.
    public convenience init(directory: URL, threadCount: Int = 1) throws {
        try self.init(
            configURL: directory.appendingPathComponent("config.json"),
            weightsURL: directory.appendingPathComponent("model.safetensors"),
            threadCount: threadCount
        )
    }

    public init(configURL: URL, weightsURL: URL, threadCount: Int = 1) throws {
        config = try ModelConfig(contentsOf: configURL)
        let weights = WeightReader(file: try SafeTensorsFile(path: weightsURL.path), architecture: config.architecture)
        encoder = try TransformerEncoder(config: config, weights: weights, threadCount: threadCount)
        head = try ClassificationHead(config: config, weights: weights)
        if let head {
            labels = config.labels.isEmpty ? (0 ..< head.labelCount).map { "LABEL_\($0)" } : config.labels
        } else {
            labels = []
        }
    }

    /// Whether the checkpoint has a sequence-classification head.
    public var canClassify: Bool { head != nil }

    /// Mean-pooled, L2-normalised sentence embeddings (sentence-transformers' mean pooling + Normalize).
    public func embeddings(_ sequences: [TokenSequence]) throws -> [[Float]] {
        let offsets = try encoder.forward(sequences)
        let width = config.hiddenSize
        let hidden = encoder.scratch.hidden
        return (0 ..< sequences.count).map { index in
            var sum = [Float](repeating: 0, count: width)
            for row in offsets[index] ..< offsets[index + 1] {
                sum.withUnsafeMutableBufferPointer { addInPlace($0.baseAddress!, hidden + row * width, count: width) }
            }
            let count = Float(offsets[index + 1] - offsets[index])
            var norm: Float = 0
            for i in 0 ..< width {
                sum[i] /= count
                norm += sum[i] * sum[i]
            }
            let inverse = 1 / max(norm.squareRoot(), 1e-12)
            return sum.map { $0 * inverse }
        }
    }

    /// Classification logits, one row per sequence, in `labels` order.
    public func logits(_ sequences: [TokenSequence]) throws -> [[Float]] {
        guard let head else { throw InferenceError.unsupportedArchitecture("this checkpoint has no classification head") }
        let offsets = try encoder.forward(sequences)
        let width = config.hiddenSize
        let work = encoder.scratch.projected
        return (0 ..< sequences.count).map { head(encoder.scratch.hidden + offsets[$0] * width, work: work) }
    }
}
