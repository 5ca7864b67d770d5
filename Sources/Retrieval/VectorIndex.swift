import Foundation

/// Exact nearest-neighbour search over unit vectors held in one contiguous matrix.
final class VectorIndex: Sendable {
    let rowids: [Int64]
    let dimension: Int
    /// [count, dimension], row-major.
    let matrix: [Float]
    private let positionByRowid: [Int64: Int]

    init(_ entries: [(rowid: Int64, vector: [Float])]) {
        rowids = entries.map(\.rowid)
        dimension = entries.first?.vector.count ?? 0
        matrix = entries.flatMap(\.vector)
        positionByRowid = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.rowid, $0) })
    }

    /// Dot product of `query` with the stored vector of `rowid`.
    func similarity(_ query: [Float], rowid: Int64) -> Double? {
        guard let position = positionByRowid[rowid], query.count == dimension else { return nil }
        return matrix.withUnsafeBufferPointer { Double(dot(query, $0.baseAddress! + position * dimension)) }
    }

    /// The `limit` most similar rows: (row id, cosine similarity), best first.
    func nearest(_ query: [Float], limit: Int) -> [(rowid: Int64, similarity: Double)] {
        guard query.count == dimension, dimension > 0 else { return [] }
        var scored: [(Int, Float)] = []
        scored.reserveCapacity(rowids.count)
        matrix.withUnsafeBufferPointer { buffer in
            for row in 0 ..< rowids.count { scored.append((row, dot(query, buffer.baseAddress! + row * dimension))) }
        }
        return scored.sorted { $0.1 > $1.1 }.prefix(limit).map { (rowids[$0.0], Double($0.1)) }
    }

    private func dot(_ query: [Float], _ row: UnsafePointer<Float>) -> Float {
        query.withUnsafeBufferPointer { q in
            var sum: Float = 0
            for i in 0 ..< dimension { sum += q[i] * row[i] }
            return sum
        }
    }
}
