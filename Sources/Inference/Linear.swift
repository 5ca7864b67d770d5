import CBLAS
import Foundation

/// A dense layer `y = x · Wᵀ + b`, read with `W` as [outputs, inputs] like PyTorch and kept transposed.
struct Linear {
    /// `W` transposed to [inputs, outputs] at load: OpenBLAS packs a right-hand operand that needs no transposing
    /// faster, and packing the weights is most of a short batch's cost (a quarter less time per product at 40 tokens).
    let transposedWeight: [Float]  // [inputs, outputs]
    let bias: [Float]?             // [outputs]
    let inputs: Int
    let outputs: Int

    /// A layer from a PyTorch weight `weight` [outputs, inputs].
    init(weight: [Float], bias: [Float]?, inputs: Int, outputs: Int) {
        precondition(weight.count == inputs * outputs, "weight must hold outputs × inputs values")
        var transposed = [Float](repeating: 0, count: weight.count)
        weight.withUnsafeBufferPointer { w in
            transposed.withUnsafeMutableBufferPointer { t in
                cblas_somatcopy(CblasRowMajor, CblasTrans, Int32(outputs), Int32(inputs), 1, w.baseAddress!, Int32(inputs), t.baseAddress!, Int32(outputs))
            }
        }
        self.init(transposedWeight: transposed, bias: bias, inputs: inputs, outputs: outputs)
    }

    private init(transposedWeight: [Float], bias: [Float]?, inputs: Int, outputs: Int) {
        self.transposedWeight = transposedWeight
        self.bias = bias
        self.inputs = inputs
        self.outputs = outputs
    }

    /// Multiplies `rows` row-major input vectors `x` [rows, inputs] into `y` [rows, outputs] across `workers` threads.
    ///
    /// BLAS packs both operands on every call; each worker takes a share of the larger of the two dimensions (outputs
    /// for small batches, rows for large ones), so that the operand it shares is the smaller one to pack twice.
    func callAsFunction(_ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, workers: Int = 1) {
        guard rows > 0 else { return }
        nonisolated(unsafe) let x = x, y = y
        if rows > outputs {
            parallelChunks(rows, workers: workers, minimumChunk: 32) { range in
                multiply(x + range.lowerBound * inputs, rows: range.count, into: y + range.lowerBound * outputs, columns: 0 ..< outputs)
            }
        } else {
            parallelChunks(outputs, workers: workers, minimumChunk: 64, alignment: 16) { columns in
                multiply(x, rows: rows, into: y, columns: columns)
            }
        }
    }

    /// y[:, columns] = x · W[columns]ᵀ + b[columns], with single-threaded BLAS.
    private func multiply(_ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, columns: Range<Int>) {
        let output = y + columns.lowerBound
        if let bias {
            bias.withUnsafeBufferPointer { b in
                for row in 0 ..< rows { (output + row * outputs).update(from: b.baseAddress! + columns.lowerBound, count: columns.count) }
            }
        }
        transposedWeight.withUnsafeBufferPointer { w in
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasNoTrans,
                Int32(rows), Int32(columns.count), Int32(inputs),
                1, x, Int32(inputs), w.baseAddress! + columns.lowerBound, Int32(outputs),
                bias == nil ? 0 : 1, output, Int32(outputs)
            )
        }
    }

    /// Stacks layers with the same input size into one (their outputs concatenated), e.g. Q, K and V.
    static func concatenating(_ parts: [Linear]) -> Linear {
        let inputs = parts[0].inputs
        var transposed: [Float] = []
        transposed.reserveCapacity(parts.reduce(0) { $0 + $1.transposedWeight.count })
        for input in 0 ..< inputs {
            for part in parts { transposed += part.transposedWeight[input * part.outputs ..< (input + 1) * part.outputs] }
        }
        return Linear(
            transposedWeight: transposed,
            bias: parts.allSatisfy({ $0.bias != nil }) ? parts.flatMap { $0.bias! } : nil,
            inputs: inputs,
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
        normalize(x, adding: nil, rows: 0 ..< rows, into: y)
    }

    /// y = LayerNorm(x + residual) for `rows` vectors, split across `workers` threads; `y` may be `residual`.
    func callAsFunction(_ x: UnsafePointer<Float>, adding residual: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, workers: Int) {
        nonisolated(unsafe) let x = x, residual = residual, y = y
        parallelChunks(rows, workers: workers, minimumChunk: 32) { range in normalize(x, adding: residual, rows: range, into: y) }
    }

    private func normalize(_ x: UnsafePointer<Float>, adding residual: UnsafePointer<Float>?, rows: Range<Int>, into y: UnsafeMutablePointer<Float>) {
        let width = weight.count
        weight.withUnsafeBufferPointer { gamma in
            bias.withUnsafeBufferPointer { beta in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: width) { sum in
                    for row in rows {
                        let input = x + row * width
                        let output = y + row * width
                        if let residual {
                            let added = residual + row * width
                            for i in 0 ..< width { sum[i] = input[i] + added[i] }
                        } else {
                            for i in 0 ..< width { sum[i] = input[i] }
                        }
                        var mean: Float = 0
                        for i in 0 ..< width { mean += sum[i] }
                        mean /= Float(width)
                        var variance: Float = 0
                        for i in 0 ..< width {
                            let d = sum[i] - mean
                            variance += d * d
                        }
                        variance /= Float(width)
                        let scale = 1 / (variance + eps).squareRoot()
                        for i in 0 ..< width { output[i] = (sum[i] - mean) * scale * gamma[i] + beta[i] }
                    }
                }
            }
        }
    }
}
