/// The sequence-classification head of a checkpoint, applied to the first token's hidden state.
enum ClassificationHead {
    /// BERT: `classifier(tanh(pooler.dense(h₀)))`.
    case bert(pooler: Linear, classifier: Linear)
    /// RoBERTa: `classifier.out_proj(tanh(classifier.dense(h₀)))`.
    case roberta(dense: Linear, projection: Linear)
    /// DeBERTa-v2: `classifier(act(pooler.dense(h₀)))`.
    case deberta(pooler: Linear, activation: Activation, classifier: Linear)

    /// Loads the head if the checkpoint has one (`nil` for a bare encoder).
    init?(config: ModelConfig, weights: WeightReader) throws {
        let hidden = config.hiddenSize
        func labelCount(_ name: String) throws -> Int {
            guard let shape = weights.file.tensors[name]?.shape, shape.count == 2, shape[1] == hidden else {
                throw InferenceError.shapeMismatch(name, expected: [config.labels.count, hidden], actual: weights.file.tensors[name]?.shape ?? [])
            }
            if !config.labels.isEmpty, shape[0] != config.labels.count {
                throw InferenceError.shapeMismatch(name, expected: [config.labels.count, hidden], actual: shape)
            }
            return shape[0]
        }
        switch config.architecture {
        case .bert:
            guard weights.file.tensors["classifier.weight"] != nil else { return nil }
            self = .bert(
                pooler: try weights.encoderLinear("pooler.dense", inputs: hidden, outputs: hidden),
                classifier: try weights.linear("classifier", inputs: hidden, outputs: try labelCount("classifier.weight"))
            )
        case .roberta:
            guard weights.file.tensors["classifier.out_proj.weight"] != nil else { return nil }
            self = .roberta(
                dense: try weights.linear("classifier.dense", inputs: hidden, outputs: hidden),
                projection: try weights.linear("classifier.out_proj", inputs: hidden, outputs: try labelCount("classifier.out_proj.weight"))
            )
        case .debertaV2:
            guard weights.file.tensors["classifier.weight"] != nil else { return nil }
            self = .deberta(
                pooler: try weights.linear("pooler.dense", inputs: hidden, outputs: hidden),
                activation: config.deberta!.poolerActivation,
                classifier: try weights.linear("classifier", inputs: hidden, outputs: try labelCount("classifier.weight"))
            )
        }
    }

    var labelCount: Int {
        switch self {
        case let .bert(_, classifier), let .deberta(_, _, classifier): classifier.outputs
        case let .roberta(_, projection): projection.outputs
        }
    }

    /// Logits [labels] from the first token's hidden state `first` [hidden]; `work` holds [hidden] floats.
    func callAsFunction(_ first: UnsafePointer<Float>, work: UnsafeMutablePointer<Float>) -> [Float] {
        let (pool, activation, output): (Linear, Activation, Linear) = switch self {
        case let .bert(pooler, classifier): (pooler, .tanh, classifier)
        case let .roberta(dense, projection): (dense, .tanh, projection)
        case let .deberta(pooler, activation, classifier): (pooler, activation, classifier)
        }
        pool(first, rows: 1, into: work)
        activation.apply(work, count: pool.outputs)
        var logits = [Float](repeating: 0, count: output.outputs)
        logits.withUnsafeMutableBufferPointer { output(work, rows: 1, into: $0.baseAddress!) }
        return logits
    }
}
