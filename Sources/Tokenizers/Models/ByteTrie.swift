/// A byte-keyed prefix tree answering "which keys are prefixes of this text?".
struct ByteTrie: Sendable {
    /// Edges keyed by `node << 8 | byte`.
    private var edges: [Int: Int32] = [:]
    /// Value stored at each node, or -1.
    private var values: [Int32] = [-1]

    /// Inserts `key` with `value`, replacing the value of an existing key.
    mutating func insert(_ key: [UInt8], value: Int32) {
        var node = 0
        for byte in key {
            let edge = node << 8 | Int(byte)
            if let child = edges[edge] {
                node = Int(child)
            } else {
                values.append(-1)
                let child = values.count - 1
                edges[edge] = Int32(child)
                node = child
            }
        }
        values[node] = value
    }

    /// Calls `body(end, value)` for every key equal to `bytes[start..<end]`, shortest first.
    func forEachPrefix(of bytes: [UInt8], from start: Int, _ body: (Int, Int32) -> Void) {
        var node = 0
        var position = start
        while position < bytes.count, let child = edges[node << 8 | Int(bytes[position])] {
            node = Int(child)
            position += 1
            let value = values[node]
            if value >= 0 { body(position, value) }
        }
    }
}
