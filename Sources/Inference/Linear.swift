import CBLAS
import Foundation

/// A dense layer `y = x · Wᵀ + b`, with `W` stored row-major as [outputs, inputs] like PyTorch.
struct Linear {
    let weight: [Float]  // [outputs, inputs]
    let bias: [Float]?   // [outputs]
    let inputs: Int
    let outputs: Int

    /// Multiplies `rows` row-major input vectors `x` [rows, inputs] into `y` [rows, outputs].
    func callAsFunction(_ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>) {
        guard rows > 0 else { return }
        if let bias {
            bias.withUnsafeBufferPointer { b in
                for row in 0 ..< rows { (y + row * outputs).update(from: b.baseAddress!, count: outputs) }
            }
        }
        weight.withUnsafeBufferPointer { w in
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans,
                Int32(rows), Int32(outputs), Int32(inputs),
                1, x, Int32(inputs), w.baseAddress!, Int32(inputs),
                bias == nil ? 0 : 1, y, Int32(outputs)
            )
        }
    }

    /// Stacks layers with the same input size into one (their outputs concatenated), e.g. Q, K and V.
    static func concatenating(_ parts: [Linear]) -> Linear {
        Linear(
            weight: parts.flatMap(\.weight),
            bias: parts.allSatisfy({ $0.bias != nil }) ? parts.flatMap { $0.bias! } : nil,
            inputs: parts[0].inputs,
            outputs: parts.reduce(0) { $0 + $1.outputs }
        )
    }
}

/// Layer normalisation over the last dimension with learned scale and shift.
struct LayerNorm {
    let weight: [Float]
    let bias: [Float]
    let eps: Float

    /// Normalises `rows` vectors of `weight.count` values from `x` into `y` (which may be `x`).
    func callAsFunction(_ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>) {
        let width = weight.count
        weight.withUnsafeBufferPointer { gamma in
            bias.withUnsafeBufferPointer { beta in
                for row in 0 ..< rows {
                    let input = x + row * width
                    let output = y + row * width
                    var mean: Float = 0
                    for i in 0 ..< width { mean += input[i] }
                    mean /= Float(width)
                    var variance: Float = 0
                    for i in 0 ..< width {
                        let d = input[i] - mean
                        variance += d * d
                    }
                    variance /= Float(width)
                    let scale = 1 / (variance + eps).squareRoot()
                    for i in 0 ..< width { output[i] = (input[i] - mean) * scale * gamma[i] + beta[i] }
                }
            }
        }
    }
}
