@testable import Store
import XCTest

/// The dense index keeps only the best rows while it scans: the same rows, in the same order, as sorting them all.
final class VectorIndexTests: XCTestCase {
    func testTopRowsMatchAFullSort() {
        var generator = SystemRandomNumberGenerator()
        let dimension = 16, count = 500
        // Values a half float holds exactly, as the index stores them.
        let matrix = (0 ..< count * dimension).map { _ in Float(Float16(Float.random(in: -1 ... 1, using: &generator))) }
        let rowids = (0 ..< count).map { Int64($0 * 3 + 1) }
        let index = VectorIndex(vectors: PassageVectors(rowids: rowids, dimension: dimension, values: matrix))
        let query = (0 ..< dimension).map { _ in Float.random(in: -1 ... 1, using: &generator) }
        let scores = (0 ..< count).map { row in zip(query, matrix[row * dimension ..< (row + 1) * dimension]).reduce(Float(0)) { $0 + $1.0 * $1.1 } }
        let sorted = scores.enumerated().sorted { $0.element > $1.element }
        for limit in [1, 10, 50] {
            let nearest = index.nearest(query, limit: limit)
            XCTAssertEqual(nearest.map(\.rowid), sorted.prefix(limit).map { rowids[$0.offset] })
            XCTAssertEqual(nearest.map(\.similarity), sorted.prefix(limit).map { Double($0.element) })
        }
        XCTAssertEqual(index.nearest(query, limit: count + 5).count, count, "a limit over the rows gives every row")
        XCTAssertEqual(index.similarity(query, rowid: rowids[7]), Double(scores[7]))
        XCTAssertNil(index.similarity(query, rowid: 2), "no such row")
    }
}
