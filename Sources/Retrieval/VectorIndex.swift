import Foundation

/// Exact nearest-neighbour search over unit vectors held in one contiguous matrix.
final class VectorIndex: Sendable {
    let rowids: [Int64]
    let dimension: Int
    /// [count, dimension], row-major.
    private let matrix: [Float]
    private let positionByRowid: [Int64: Int]

    /// - Parameter matrix: `rowids.count` rows of `dimension` values, in the order of `rowids`.
    init(rowids: [Int64], dimension: Int, matrix: [Float]) {
        precondition(matrix.count == rowids.count * dimension)
        self.rowids = rowids
        self.dimension = dimension
        self.matrix = matrix
        positionByRowid = Dictionary(uniqueKeysWithValues: rowids.enumerated().map { ($1, $0) })
    }

    /// Dot product of `query` with the stored vector of `rowid`.
    func similarity(_ query: [Float], rowid: Int64) -> Double? {
        guard let position = positionByRowid[rowid], query.count == dimension else { return nil }
        return matrix.withUnsafeBufferPointer { Double(dot(query, $0.baseAddress! + position * dimension)) }
    }

    /// The `limit` most similar rows: (row id, cosine similarity), best first. Keeps only the best `limit` while it
    /// scans (no sort of every row).
    func nearest(_ query: [Float], limit: Int) -> [(rowid: Int64, similarity: Double)] {
        guard query.count == dimension, dimension > 0, limit > 0 else { return [] }
        var best: [(row: Int, score: Float)] = []  // best first
        best.reserveCapacity(limit + 1)
        matrix.withUnsafeBufferPointer { buffer in
            for row in 0 ..< rowids.count {
                let score = dot(query, buffer.baseAddress! + row * dimension)
                guard best.count < limit || score > best[best.count - 1].score else { continue }
                // Rows tie in their order: a later row goes after equal scores.
                var low = 0, high = best.count
                while low < high {
                    let middle = (low + high) / 2
                    if best[middle].score >= score { low = middle + 1 } else { high = middle }
                }
                best.insert((row, score), at: low)
                if best.count > limit { best.removeLast() }
            }
        }
        return best.map { (rowids[$0.row], Double($0.score)) }
    }

    private func dot(_ query: [Float], _ row: UnsafePointer<Float>) -> Float {
        query.withUnsafeBufferPointer { q in
            var sum: Float = 0
            for i in 0 ..< dimension { sum += q[i] * row[i] }
            return sum
        }
    }
}
