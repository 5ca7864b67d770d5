import Foundation

/// Element-wise activations named as in Hugging Face configs.
public enum Activation: String, Sendable {
    case gelu
    case geluNew = "gelu_new"
    case geluPytorchTanh = "gelu_pytorch_tanh"
    case relu
    case tanh

    /// Applies the activation in place to `count` values.
    func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .gelu:
            for i in 0 ..< count {
                let x = values[i]
                values[i] = 0.5 * x * (1 + FastMath.erf(x * 0.70710678118654752))
            }
        case .geluNew, .geluPytorchTanh:
            for i in 0 ..< count {
                let x = values[i]
                values[i] = 0.5 * x * (1 + FastMath.tanh(0.79788456080286536 * (x + 0.044715 * x * x * x)))
            }
        case .relu:
            for i in 0 ..< count { values[i] = max(0, values[i]) }
        case .tanh:
            for i in 0 ..< count { values[i] = tanhf(values[i]) }
        }
    }
}
