import Foundation

/// The encoder families the engine runs.
public enum EncoderArchitecture: String, Sendable {
    case bert
    case roberta
    case debertaV2 = "deberta-v2"
}

/// The fields of a Hugging Face `config.json` that the engine needs.
public struct ModelConfig: Sendable, Equatable {
    public var architecture: EncoderArchitecture
    public var vocabSize: Int
    public var hiddenSize: Int
    public var layerCount: Int
    public var headCount: Int
    public var intermediateSize: Int
    public var maxPositionEmbeddings: Int
    public var typeVocabSize: Int
    public var layerNormEps: Float
    public var hiddenActivation: Activation
    public var padTokenId: Int
    /// Class labels by output index, from `id2label` (empty for a bare encoder).
    public var labels: [String]
    /// DeBERTa-v2 only: relative attention settings.
    public var deberta: DebertaSettings?

    public struct DebertaSettings: Sendable, Equatable {
        public var positionBuckets: Int
        public var maxRelativePositions: Int
        public var shareAttentionKey: Bool
        public var contentToPosition: Bool
        public var positionToContent: Bool
        public var normalizeRelativeEmbeddings: Bool
        public var positionBiasedInput: Bool
        public var poolerActivation: Activation

        /// Number of relative-position embeddings on each side.
        public var attentionSpan: Int { positionBuckets > 0 ? positionBuckets : maxRelativePositions }
    }

    /// Parses `config.json` at `url`; errors name the file and field.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InferenceError.fileUnreadable(url.path, error.localizedDescription)
        }
        try self.init(data: data, path: url.path)
    }

    public init(data: Data, path: String = "config.json") throws {
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw InferenceError.malformedConfig(path, "not a JSON object")
        }
        func int(_ key: String, default value: Int? = nil) throws -> Int {
            if let number = json[key] as? Int { return number }
            if let value { return value }
            throw InferenceError.malformedConfig(path, "missing integer field '\(key)'")
        }
        guard let type = json["model_type"] as? String else { throw InferenceError.malformedConfig(path, "missing field 'model_type'") }
        guard let architecture = EncoderArchitecture(rawValue: type) else {
            throw InferenceError.unsupportedArchitecture("model_type '\(type)' in \(path) (supported: bert, roberta, deberta-v2)")
        }
        self.architecture = architecture
        vocabSize = try int("vocab_size")
        hiddenSize = try int("hidden_size")
        layerCount = try int("num_hidden_layers")
        headCount = try int("num_attention_heads")
        intermediateSize = try int("intermediate_size")
        maxPositionEmbeddings = try int("max_position_embeddings", default: 512)
        typeVocabSize = try int("type_vocab_size", default: architecture == .bert ? 2 : 0)
        padTokenId = try int("pad_token_id", default: architecture == .roberta ? 1 : 0)
        layerNormEps = Float(json["layer_norm_eps"] as? Double ?? 1e-12)
        let activationName = json["hidden_act"] as? String ?? "gelu"
        guard let activation = Activation(rawValue: activationName) else {
            throw InferenceError.malformedConfig(path, "unsupported hidden_act '\(activationName)'")
        }
        hiddenActivation = activation
        guard hiddenSize > 0, layerCount > 0, headCount > 0, hiddenSize % headCount == 0, intermediateSize > 0, vocabSize > 0 else {
            throw InferenceError.malformedConfig(path, "hidden_size \(hiddenSize) must be a positive multiple of num_attention_heads \(headCount)")
        }
        if let id2label = json["id2label"] as? [String: String] {
            var labels = [String](repeating: "", count: id2label.count)
            for (key, label) in id2label {
                guard let index = Int(key), labels.indices.contains(index) else {
                    throw InferenceError.malformedConfig(path, "id2label key '\(key)' is not an index in 0..<\(id2label.count)")
                }
                labels[index] = label
            }
            self.labels = labels
        } else {
            labels = []
        }
        if architecture == .debertaV2 {
            if (json["conv_kernel_size"] as? Int ?? 0) > 0 {
                throw InferenceError.unsupportedArchitecture("DeBERTa-v2 with conv_kernel_size in \(path)")
            }
            if (json["embedding_size"] as? Int).map({ $0 != hiddenSize }) ?? false {
                throw InferenceError.unsupportedArchitecture("DeBERTa-v2 with embedding_size != hidden_size in \(path)")
            }
            let relative = json["relative_attention"] as? Bool ?? false
            let attentionTypes: [String]
            if let list = json["pos_att_type"] as? [String] { attentionTypes = list }
            else if let joined = json["pos_att_type"] as? String { attentionTypes = joined.lowercased().split(separator: "|").map(String.init) }
            else { attentionTypes = [] }
            var maxRelative = json["max_relative_positions"] as? Int ?? -1
            if maxRelative < 1 { maxRelative = maxPositionEmbeddings }
            let poolerName = json["pooler_hidden_act"] as? String ?? "gelu"
            guard let poolerActivation = Activation(rawValue: poolerName) else {
                throw InferenceError.malformedConfig(path, "unsupported pooler_hidden_act '\(poolerName)'")
            }
            guard relative else { throw InferenceError.unsupportedArchitecture("DeBERTa-v2 without relative_attention in \(path)") }
            if let poolerSize = json["pooler_hidden_size"] as? Int, poolerSize != hiddenSize {
                throw InferenceError.unsupportedArchitecture("DeBERTa-v2 with pooler_hidden_size != hidden_size in \(path)")
            }
            deberta = DebertaSettings(
                positionBuckets: json["position_buckets"] as? Int ?? -1,
                maxRelativePositions: maxRelative,
                shareAttentionKey: json["share_att_key"] as? Bool ?? false,
                contentToPosition: attentionTypes.contains("c2p"),
                positionToContent: attentionTypes.contains("p2c"),
                normalizeRelativeEmbeddings: (json["norm_rel_ebd"] as? String ?? "none").lowercased().contains("layer_norm"),
                positionBiasedInput: json["position_biased_input"] as? Bool ?? true,
                poolerActivation: poolerActivation
            )
        } else {
            deberta = nil
        }
    }
}
