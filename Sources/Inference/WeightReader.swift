import Foundation

/// Reads named weights from a safetensors file, checking shapes against the config.
///
/// Encoder weights are looked up both with the task-model prefix (`bert.`, `roberta.`, `deberta.`) and
/// without it, so bare encoders and sequence-classification checkpoints load alike.
struct WeightReader {
    let file: SafeTensorsFile
    let prefix: String

    init(file: SafeTensorsFile, architecture: EncoderArchitecture) {
        self.file = file
        prefix = switch architecture {
        case .bert: "bert."
        case .roberta: "roberta."
        case .debertaV2: "deberta."
        }
    }

    /// The stored name of an encoder weight, with or without the prefix.
    func encoderName(_ name: String) -> String? {
        if file.tensors[prefix + name] != nil { return prefix + name }
        if file.tensors[name] != nil { return name }
        return nil
    }

    func contains(encoderWeight name: String) -> Bool { encoderName(name) != nil }

    func encoderTensor(_ name: String, shape: [Int]) throws -> [Float] {
        guard let stored = encoderName(name) else { throw InferenceError.missingTensor(prefix + name, in: file.path) }
        return try tensor(stored, shape: shape)
    }

    func tensor(_ name: String, shape: [Int]) throws -> [Float] {
        guard let info = file.tensors[name] else { throw InferenceError.missingTensor(name, in: file.path) }
        guard info.shape == shape else { throw InferenceError.shapeMismatch(name, expected: shape, actual: info.shape) }
        return try file.floats(name)
    }

    func encoderLinear(_ name: String, inputs: Int, outputs: Int, bias: Bool = true) throws -> Linear {
        Linear(
            weight: try encoderTensor(name + ".weight", shape: [outputs, inputs]),
            bias: bias ? try encoderTensor(name + ".bias", shape: [outputs]) : nil,
            inputs: inputs, outputs: outputs
        )
    }

    func linear(_ name: String, inputs: Int, outputs: Int) throws -> Linear {
        Linear(
            weight: try tensor(name + ".weight", shape: [outputs, inputs]),
            bias: try tensor(name + ".bias", shape: [outputs]),
            inputs: inputs, outputs: outputs
        )
    }

    /// A LayerNorm stored as `weight`/`bias` or, in older checkpoints, `gamma`/`beta`.
    func encoderLayerNorm(_ name: String, width: Int, eps: Float) throws -> LayerNorm {
        let modern = contains(encoderWeight: name + ".weight")
        return LayerNorm(
            weight: try encoderTensor(name + (modern ? ".weight" : ".gamma"), shape: [width]),
            bias: try encoderTensor(name + (modern ? ".bias" : ".beta"), shape: [width]),
            eps: eps
        )
    }
}
