import Foundation
import Tokenizers

/// A tokenizer and an encoder loaded from one model directory (`tokenizer.json`, `config.json`,
/// `model.safetensors`): text in, embeddings or class probabilities out.
public final class TextEncoder {
    public let tokenizer: Tokenizer
    public let model: EncoderModel
    /// Inputs longer than this many tokens (special tokens included) are truncated.
    public let maxLength: Int

    public init(directory: URL, maxLength: Int = 256, threadCount: Int = 1) throws {
        let tokenizerURL = directory.appendingPathComponent("tokenizer.json")
        do { tokenizer = try Tokenizer(contentsOf: tokenizerURL) } catch {
            throw InferenceError.fileUnreadable(tokenizerURL.path, "\(error)")
        }
        model = try EncoderModel(directory: directory, threadCount: threadCount)
        self.maxLength = min(maxLength, model.encoder.maxSequenceLength)
    }

    /// Tokenises one text as the model expects it.
    public func sequence(_ text: String) -> TokenSequence {
        let encoding = tokenizer.encode(text, maxLength: maxLength)
        return TokenSequence(ids: encoding.ids, typeIds: encoding.typeIds)
    }

    /// Tokenises a (premise, hypothesis) pair, truncating the longer side first.
    public func sequence(_ first: String, _ second: String) throws -> TokenSequence {
        let encoding: Encoding
        do { encoding = try tokenizer.encode(first, pair: second, maxLength: maxLength, truncation: .longestFirst) } catch {
            throw InferenceError.invalidInput("\(error)")
        }
        return TokenSequence(ids: encoding.ids, typeIds: encoding.typeIds)
    }

    /// Unit-length sentence embeddings, computed in batches of `batchSize`.
    public func embed(_ texts: [String], batchSize: Int = 32) throws -> [[Float]] {
        try batched(texts.map(sequence), batchSize: batchSize, model.embeddings)
    }

    /// Softmax probabilities over `model.labels` for each (premise, hypothesis) pair, at `temperature`.
    public func classify(_ pairs: [(String, String)], temperature: Float = 1, batchSize: Int = 32) throws -> [[Float]] {
        let logits = try batched(pairs.map { try sequence($0.0, $0.1) }, batchSize: batchSize, model.logits)
        return logits.map { row in
            let scaled = row.map { $0 / temperature }
            let maximum = scaled.max() ?? 0
            let exps = scaled.map { expf($0 - maximum) }
            let sum = exps.reduce(0, +)
            return exps.map { $0 / sum }
        }
    }

    /// Runs `body` over batches of similar length (sorted), returning results in input order.
    private func batched(_ sequences: [TokenSequence], batchSize: Int, _ body: ([TokenSequence]) throws -> [[Float]]) throws -> [[Float]] {
        let order = sequences.indices.sorted { sequences[$0].ids.count < sequences[$1].ids.count }
        var results = [[Float]](repeating: [], count: sequences.count)
        for start in stride(from: 0, to: order.count, by: max(1, batchSize)) {
            let indices = Array(order[start ..< min(start + batchSize, order.count)])
            for (index, output) in zip(indices, try body(indices.map { sequences[$0] })) { results[index] = output }
        }
        return results
    }
}
