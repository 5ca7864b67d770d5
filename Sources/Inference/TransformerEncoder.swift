import CBLAS
import Foundation

/// A BERT, RoBERTa or DeBERTa-v2 encoder running on OpenBLAS.
///
/// Sequences are packed without padding: every per-token operation runs over the batch's real tokens only,
/// and attention runs per sequence, which gives the same result as a padded batch with an attention mask.
/// Not thread-safe: one forward pass at a time (scratch memory is reused).
public final class TransformerEncoder {
    public let config: ModelConfig
    /// Threads for one forward pass: matrix products are split across them (each calling single-threaded OpenBLAS),
    /// and so are attention, activations and layer norms.
    public var threadCount: Int {
        didSet { threadCount = max(1, threadCount) }
    }

    let wordEmbeddings: [Float]        // [vocab, hidden]
    let positionEmbeddings: [Float]?   // [maxPositions, hidden]
    let typeEmbeddings: [Float]?       // [typeVocab, hidden]
    let embeddingNorm: LayerNorm
    let layers: [EncoderLayer]
    /// DeBERTa: relative-position bucket of every distance i − j, indexed by i − j + (maxPositions − 1).
    let relativeBuckets: [Int32]
    let scratch: Scratch

    /// Loads the encoder weights for `config` from `weights`, validating every shape.
    init(config: ModelConfig, weights: WeightReader, threadCount: Int) throws {
        self.config = config
        self.threadCount = max(1, threadCount)
        let hidden = config.hiddenSize
        let eps = config.layerNormEps
        wordEmbeddings = try weights.encoderTensor("embeddings.word_embeddings.weight", shape: [config.vocabSize, hidden])
        let usesPositions = config.deberta?.positionBiasedInput ?? true
        positionEmbeddings = usesPositions
            ? try weights.encoderTensor("embeddings.position_embeddings.weight", shape: [config.maxPositionEmbeddings, hidden])
            : nil
        typeEmbeddings = config.typeVocabSize > 0
            ? try weights.encoderTensor("embeddings.token_type_embeddings.weight", shape: [config.typeVocabSize, hidden])
            : nil
        embeddingNorm = try weights.encoderLayerNorm("embeddings.LayerNorm", width: hidden, eps: eps)

        var relativeEmbeddings: [Float]?
        var span = 0
        if let deberta = config.deberta {
            span = deberta.attentionSpan
            var table = try weights.encoderTensor("encoder.rel_embeddings.weight", shape: [2 * span, hidden])
            if deberta.normalizeRelativeEmbeddings {
                let norm = try weights.encoderLayerNorm("encoder.LayerNorm", width: hidden, eps: eps)
                table.withUnsafeMutableBufferPointer { norm($0.baseAddress!, rows: 2 * span, into: $0.baseAddress!) }
            }
            relativeEmbeddings = table
        }

        let isDeberta = config.architecture == .debertaV2
        layers = try (0 ..< config.layerCount).map { index in
            let name = "encoder.layer.\(index)."
            let attention = name + "attention.self."
            let projections = (isDeberta ? ["query_proj", "key_proj", "value_proj"] : ["query", "key", "value"])
                .map { attention + $0 }
            let query = try weights.encoderLinear(projections[0], inputs: hidden, outputs: hidden)
            let key = try weights.encoderLinear(projections[1], inputs: hidden, outputs: hidden)
            let value = try weights.encoderLinear(projections[2], inputs: hidden, outputs: hidden)
            var relativeKeys: [Float]?
            var relativeQueries: [Float]?
            if let deberta = config.deberta, let relativeEmbeddings {
                let keyProjection = deberta.shareAttentionKey ? key
                    : try weights.encoderLinear(attention + "pos_key_proj", inputs: hidden, outputs: hidden)
                let queryProjection = deberta.shareAttentionKey ? query
                    : try weights.encoderLinear(attention + "pos_query_proj", inputs: hidden, outputs: hidden)
                func project(_ layer: Linear) -> [Float] {
                    var result = [Float](repeating: 0, count: 2 * span * hidden)
                    relativeEmbeddings.withUnsafeBufferPointer { input in
                        result.withUnsafeMutableBufferPointer { layer(input.baseAddress!, rows: 2 * span, into: $0.baseAddress!) }
                    }
                    return result
                }
                relativeKeys = deberta.contentToPosition ? project(keyProjection) : nil
                relativeQueries = deberta.positionToContent ? project(queryProjection) : nil
            }
            return EncoderLayer(
                queryKeyValue: .concatenating([query, key, value]),
                attentionOutput: try weights.encoderLinear(name + "attention.output.dense", inputs: hidden, outputs: hidden),
                attentionNorm: try weights.encoderLayerNorm(name + "attention.output.LayerNorm", width: hidden, eps: eps),
                intermediate: try weights.encoderLinear(name + "intermediate.dense", inputs: hidden, outputs: config.intermediateSize),
                output: try weights.encoderLinear(name + "output.dense", inputs: config.intermediateSize, outputs: hidden),
                outputNorm: try weights.encoderLayerNorm(name + "output.LayerNorm", width: hidden, eps: eps),
                relativeKeys: relativeKeys,
                relativeQueries: relativeQueries
            )
        }
        if let deberta = config.deberta {
            let maxDistance = config.maxPositionEmbeddings - 1
            relativeBuckets = (-maxDistance ... maxDistance).map {
                Int32(Self.relativeBucket($0, buckets: deberta.positionBuckets, maxPosition: deberta.maxRelativePositions))
            }
        } else {
            relativeBuckets = []
        }
        scratch = Scratch(hiddenSize: hidden, intermediateSize: config.intermediateSize, relativeWidth: 2 * span, workers: 8)
    }

    /// The longest sequence this encoder accepts, including special tokens.
    public var maxSequenceLength: Int {
        config.architecture == .roberta ? config.maxPositionEmbeddings - config.padTokenId - 1 : config.maxPositionEmbeddings
    }

    /// DeBERTa's log-bucketed relative position (`make_log_bucket_position`); the distance itself without buckets.
    static func relativeBucket(_ distance: Int, buckets: Int, maxPosition: Int) -> Int {
        guard buckets > 0, maxPosition > 0 else { return distance }
        let mid = buckets / 2
        let magnitude = (distance < mid && distance > -mid) ? mid - 1 : abs(distance)
        if magnitude <= mid { return distance }
        let ratio = logf(Float(magnitude) / Float(mid)) / logf(Float(maxPosition - 1) / Float(mid))
        let logPosition = Int((ratio * Float(mid - 1)).rounded(.up)) + mid
        return distance < 0 ? -logPosition : logPosition
    }

    /// Runs the encoder; returns the last hidden states of every sequence, packed.
    public func callAsFunction(_ sequences: [TokenSequence]) throws -> HiddenStates {
        let offsets = try forward(sequences)
        let count = offsets.last! * config.hiddenSize
        return HiddenStates(values: Array(UnsafeBufferPointer(start: scratch.hidden, count: count)), offsets: offsets, width: config.hiddenSize)
    }

    /// Applies the hidden activation in place, split across the worker threads when there is enough of it.
    private func activate(_ values: UnsafeMutablePointer<Float>, count: Int) {
        nonisolated(unsafe) let values = values
        let activation = config.hiddenActivation
        parallelChunks(count, workers: threadCount, minimumChunk: 1 << 14) { range in
            activation.apply(values + range.lowerBound, count: range.count)
        }
    }

    /// Runs the encoder, leaving the packed last hidden states in `scratch.hidden`; returns the sequence offsets.
    func forward(_ sequences: [TokenSequence]) throws -> [Int] {
        let offsets = try validate(sequences)
        // All threading is the encoder's own; OpenBLAS's threads would spin on the same cores (process-wide setting).
        openblas_set_num_threads(1)
        let tokens = offsets.last!
        let longest = zip(offsets.dropFirst(), offsets).map { $0 - $1 }.max() ?? 0
        scratch.reserve(tokens: tokens, longest: longest)
        embed(sequences, offsets: offsets)
        for layer in layers {
            // qkv [tokens, 3·hidden] = hidden · Wqkvᵀ
            layer.queryKeyValue(scratch.hidden, rows: tokens, into: scratch.queryKeyValue, workers: threadCount)
            // context [tokens, hidden] = softmax(Q Kᵀ / √d + relative bias) V, per sequence and head
            attend(layer, offsets: offsets)
            layer.attentionOutput(scratch.context, rows: tokens, into: scratch.projected, workers: threadCount)
            layer.attentionNorm(scratch.projected, adding: scratch.hidden, rows: tokens, into: scratch.hidden, workers: threadCount)
            // intermediate [tokens, intermediate] = act(hidden · W1ᵀ); out = LN(intermediate · W2ᵀ + hidden)
            layer.intermediate(scratch.hidden, rows: tokens, into: scratch.intermediate, workers: threadCount)
            activate(scratch.intermediate, count: tokens * config.intermediateSize)
            layer.output(scratch.intermediate, rows: tokens, into: scratch.projected, workers: threadCount)
            layer.outputNorm(scratch.projected, adding: scratch.hidden, rows: tokens, into: scratch.hidden, workers: threadCount)
        }
        return offsets
    }

    private func validate(_ sequences: [TokenSequence]) throws -> [Int] {
        guard !sequences.isEmpty else { throw InferenceError.invalidInput("empty batch") }
        var offsets = [0]
        offsets.reserveCapacity(sequences.count + 1)
        for (index, sequence) in sequences.enumerated() {
            guard !sequence.ids.isEmpty else { throw InferenceError.invalidInput("sequence \(index) has no tokens") }
            guard sequence.ids.count == sequence.typeIds.count else {
                throw InferenceError.invalidInput("sequence \(index) has \(sequence.ids.count) ids but \(sequence.typeIds.count) type ids")
            }
            guard sequence.ids.count <= maxSequenceLength else {
                throw InferenceError.invalidInput("sequence \(index) has \(sequence.ids.count) tokens; the model accepts at most \(maxSequenceLength)")
            }
            if let bad = sequence.ids.first(where: { $0 < 0 || Int($0) >= config.vocabSize }) {
                throw InferenceError.invalidInput("token id \(bad) in sequence \(index) is outside the vocabulary of \(config.vocabSize)")
            }
            let typeLimit = max(1, config.typeVocabSize)
            if let bad = sequence.typeIds.first(where: { $0 < 0 || Int($0) >= typeLimit }) {
                throw InferenceError.invalidInput("token type id \(bad) in sequence \(index) exceeds type_vocab_size \(config.typeVocabSize)")
            }
            offsets.append(offsets.last! + sequence.ids.count)
        }
        return offsets
    }

    /// hidden[t] = LayerNorm(word[id] + position[p] + type[typeId]).
    private func embed(_ sequences: [TokenSequence], offsets: [Int]) {
        let hidden = config.hiddenSize
        let positionStart = config.architecture == .roberta ? config.padTokenId + 1 : 0
        wordEmbeddings.withUnsafeBufferPointer { words in
            for (index, sequence) in sequences.enumerated() {
                for position in 0 ..< sequence.ids.count {
                    let row = scratch.hidden + (offsets[index] + position) * hidden
                    row.update(from: words.baseAddress! + Int(sequence.ids[position]) * hidden, count: hidden)
                    if let positionEmbeddings {
                        positionEmbeddings.withUnsafeBufferPointer {
                            addInPlace(row, $0.baseAddress! + (positionStart + position) * hidden, count: hidden)
                        }
                    }
                    if let typeEmbeddings {
                        typeEmbeddings.withUnsafeBufferPointer {
                            addInPlace(row, $0.baseAddress! + Int(sequence.typeIds[position]) * hidden, count: hidden)
                        }
                    }
                }
            }
        }
        embeddingNorm(scratch.hidden, rows: offsets.last!, into: scratch.hidden)
    }
}

/// target += source, element-wise.
@inline(__always)
func addInPlace(_ target: UnsafeMutablePointer<Float>, _ source: UnsafePointer<Float>, count: Int) {
    for i in 0 ..< count { target[i] += source[i] }
}
