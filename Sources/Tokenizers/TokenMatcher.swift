/// Leftmost-longest, non-overlapping multi-pattern matching over Unicode scalars.
struct TokenMatcher: Sendable {
    private struct Node: Sendable {
        var children: [Unicode.Scalar: Int] = [:]
        var id: Int32?
    }

    private var nodes = [Node()]

    /// Adds a pattern; an identical earlier pattern keeps precedence.
    mutating func insert(_ pattern: [Unicode.Scalar], id: Int32) {
        guard !pattern.isEmpty else { return }
        var node = 0
        for scalar in pattern {
            if let child = nodes[node].children[scalar] {
                node = child
            } else {
                nodes.append(Node())
                nodes[node].children[scalar] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        if nodes[node].id == nil { nodes[node].id = id }
    }

    func matches(in scalars: [Unicode.Scalar]) -> [(range: Range<Int>, id: Int32)] {
        guard nodes.count > 1 else { return [] }
        var result: [(range: Range<Int>, id: Int32)] = []
        var start = 0
        while start < scalars.count {
            var node = 0
            var position = start
            var best: (end: Int, id: Int32)?
            while position < scalars.count, let child = nodes[node].children[scalars[position]] {
                node = child
                position += 1
                if let id = nodes[node].id { best = (position, id) }
            }
            if let best {
                result.append((start..<best.end, best.id))
                start = best.end
            } else {
                start += 1
            }
        }
        return result
    }
}
