import Foundation

/// Exact nearest-neighbour search over the knowledge base's unit vectors (half floats, memory-mapped or in memory).
final class VectorIndex: Sendable {
    private let vectors: PassageVectors

    init(vectors: PassageVectors) {
        self.vectors = vectors
    }

    /// Dot product of `query` with the stored vector of `rowid`.
    func similarity(_ query: [Float], rowid: Int64) -> Double? {
        guard query.count == vectors.dimension, let position = position(of: rowid) else { return nil }
        return Double(dot(query, vectors.values.baseAddress! + position * vectors.dimension))
    }

    /// The `limit` most similar rows: (row id, cosine similarity), best first. Keeps only the best `limit` while it
    /// scans (no sort of every row).
    func nearest(_ query: [Float], limit: Int) -> [(rowid: Int64, similarity: Double)] {
        let dimension = vectors.dimension
        guard query.count == dimension, dimension > 0, limit > 0 else { return [] }
        var best: [(row: Int, score: Float)] = []  // best first
        best.reserveCapacity(limit + 1)
        let base = vectors.values.baseAddress!
        for row in 0 ..< vectors.count {
            let score = dot(query, base + row * dimension)
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
        return best.map { (vectors.rowids[$0.row], Double($0.score)) }
    }

    /// The row of `rowid` (row ids are ascending).
    private func position(of rowid: Int64) -> Int? {
        var low = 0, high = vectors.count
        while low < high {
            let middle = (low + high) / 2
            if vectors.rowids[middle] < rowid { low = middle + 1 } else { high = middle }
        }
        return low < vectors.count && vectors.rowids[low] == rowid ? low : nil
    }

    /// The dot product of `query` with a stored row of half floats (widened by table look-up).
    private func dot(_ query: [Float], _ row: UnsafePointer<UInt16>) -> Float {
        query.withUnsafeBufferPointer { q in
            VectorCoding.halfToFloat.withUnsafeBufferPointer { widen in
                var sum: Float = 0
                for i in 0 ..< vectors.dimension { sum += q[i] * widen[Int(UInt16(littleEndian: row[i]))] }
                return sum
            }
        }
    }
}
