import Foundation

/// Vectors stored as little-endian IEEE half floats (2 bytes per dimension).
enum VectorCoding {
    static func encode(_ vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 2)
        for value in vector {
            withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func decode(_ data: Data) -> [Float] {
        var vector: [Float] = []
        vector.reserveCapacity(data.count / 2)
        append(data, to: &vector)
        return vector
    }

    /// Appends the vector stored in `data` to `floats`.
    static func append(_ data: Data, to floats: inout [Float]) {
        data.withUnsafeBytes { raw in
            for offset in stride(from: 0, to: raw.count - 1, by: 2) {
                floats.append(halfToFloat[Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))])
            }
        }
    }

    /// Every half float's value, by bit pattern: a table look-up is much faster than converting each one.
    static let halfToFloat: [Float] = (0 ... UInt16.max).map { Float(Float16(bitPattern: $0)) }
}
