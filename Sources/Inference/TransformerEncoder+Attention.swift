import CBLAS
import Foundation

extension TransformerEncoder {
    /// Multi-head self-attention for every (sequence, head) pair, split across `threadCount` workers.
    /// Reads Q, K, V from `scratch.queryKeyValue` [tokens, 3·hidden]; writes `scratch.context` [tokens, hidden].
    func attend(_ layer: EncoderLayer, offsets: [Int]) {
        let items = (offsets.count - 1) * config.headCount
        let workers = min(threadCount, items, scratch.attention.count)
        if workers <= 1 {
            for item in 0 ..< items { attend(layer, offsets: offsets, item: item, worker: 0) }
            return
        }
        // Small per-head products, in parallel: workers write disjoint context columns and use their own scratch slot.
        nonisolated(unsafe) let encoder = self
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var item = worker
            while item < items {
                encoder.attend(layer, offsets: offsets, item: item, worker: worker)
                item += workers
            }
        }
    }

    private func attend(_ layer: EncoderLayer, offsets: [Int], item: Int, worker: Int) {
        let hidden = config.hiddenSize
        let headSize = hidden / config.headCount
        let sequence = item / config.headCount
        let head = item % config.headCount
        let start = offsets[sequence]
        let length = offsets[sequence + 1] - start
        let stride = 3 * hidden
        let query = scratch.queryKeyValue + start * stride + head * headSize
        let key = query + hidden
        let value = query + 2 * hidden
        let scores = scratch.attention[worker]  // [length, length]
        var scaleFactor: Float = 1
        if let deberta = config.deberta {
            scaleFactor += (deberta.contentToPosition ? 1 : 0) + (deberta.positionToContent ? 1 : 0)
        }
        let scale = 1 / (Float(headSize) * scaleFactor).squareRoot()
        // scores = scale · Q Kᵀ
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(length), Int32(length), Int32(headSize),
            scale, query, Int32(stride), key, Int32(stride), 0, scores, Int32(length)
        )
        if config.deberta != nil {
            addRelativeBias(layer, query: query, key: key, stride: stride, head: head, length: length, scale: scale,
                            scores: scores, work: scores + length * length)
        }
        for row in 0 ..< length { softmax(scores + row * length, count: length) }
        // context = P V
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(length), Int32(headSize), Int32(length),
            1, scores, Int32(length), value, Int32(stride), 0, scratch.context + start * hidden + head * headSize, Int32(hidden)
        )
    }

    /// DeBERTa's disentangled attention: scores[i][j] += scale · (c2p[i][δ] + p2c[j][δ]) with δ = bucket(i − j) + span.
    private func addRelativeBias(
        _ layer: EncoderLayer, query: UnsafePointer<Float>, key: UnsafePointer<Float>, stride: Int, head: Int,
        length: Int, scale: Float, scores: UnsafeMutablePointer<Float>, work: UnsafeMutablePointer<Float>
    ) {
        let hidden = config.hiddenSize
        let headSize = hidden / config.headCount
        let width = 2 * config.deberta!.attentionSpan
        let contentToPosition = work                    // [length, 2·span] = Q_h · relKey_hᵀ
        let positionToContent = work + length * width   // [length, 2·span] = K_h · relQuery_hᵀ
        if let relativeKeys = layer.relativeKeys {
            relativeKeys.withUnsafeBufferPointer {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(length), Int32(width), Int32(headSize),
                            scale, query, Int32(stride), $0.baseAddress! + head * headSize, Int32(hidden), 0, contentToPosition, Int32(width))
            }
        }
        if let relativeQueries = layer.relativeQueries {
            relativeQueries.withUnsafeBufferPointer {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(length), Int32(width), Int32(headSize),
                            scale, key, Int32(stride), $0.baseAddress! + head * headSize, Int32(hidden), 0, positionToContent, Int32(width))
            }
        }
        let span = width / 2
        let center = config.maxPositionEmbeddings - 1
        relativeBuckets.withUnsafeBufferPointer { buckets in
            for i in 0 ..< length {
                let row = scores + i * length
                for j in 0 ..< length {
                    let index = min(max(Int(buckets[center + i - j]) + span, 0), width - 1)
                    var bias: Float = 0
                    if layer.relativeKeys != nil { bias += contentToPosition[i * width + index] }
                    if layer.relativeQueries != nil { bias += positionToContent[j * width + index] }
                    row[j] += bias
                }
            }
        }
    }
}

/// Numerically stable softmax in place.
@inline(__always)
func softmax(_ values: UnsafeMutablePointer<Float>, count: Int) {
    var maximum = -Float.infinity
    for i in 0 ..< count { maximum = max(maximum, values[i]) }
    var sum: Float = 0
    for i in 0 ..< count {
        let e = FastMath.expNonPositive(values[i] - maximum)
        values[i] = e
        sum += e
    }
    let inverse = 1 / sum
    for i in 0 ..< count { values[i] *= inverse }
}
