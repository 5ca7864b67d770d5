/// Working memory for a forward pass, allocated once and grown only when a larger batch arrives.
final class Scratch {
    private(set) var tokenCapacity = 0
    private(set) var sequenceCapacity = 0
    private let hiddenSize: Int
    private let intermediateSize: Int
    private let relativeWidth: Int
    private let workers: Int

    /// [tokens, hidden]
    private(set) var hidden = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    /// [tokens, 3·hidden]
    private(set) var queryKeyValue = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    /// [tokens, hidden]
    private(set) var context = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    /// [tokens, hidden]
    private(set) var projected = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    /// [tokens, intermediate]
    private(set) var intermediate = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    /// Per worker: attention scores [length, length], then (DeBERTa) c2p and p2c [length, 2·span] each.
    private(set) var attention: [UnsafeMutablePointer<Float>] = []

    init(hiddenSize: Int, intermediateSize: Int, relativeWidth: Int, workers: Int) {
        self.hiddenSize = hiddenSize
        self.intermediateSize = intermediateSize
        self.relativeWidth = relativeWidth
        self.workers = max(1, workers)
        attention = (0 ..< self.workers).map { _ in .allocate(capacity: 1) }
    }

    /// Makes room for `tokens` packed tokens whose longest sequence has `longest` tokens.
    func reserve(tokens: Int, longest: Int) {
        if tokens > tokenCapacity {
            let capacity = max(tokens, tokenCapacity * 2)
            for pointer in [hidden, queryKeyValue, context, projected, intermediate] { pointer.deallocate() }
            hidden = .allocate(capacity: capacity * hiddenSize)
            queryKeyValue = .allocate(capacity: capacity * 3 * hiddenSize)
            context = .allocate(capacity: capacity * hiddenSize)
            projected = .allocate(capacity: capacity * hiddenSize)
            intermediate = .allocate(capacity: capacity * intermediateSize)
            tokenCapacity = capacity
        }
        if longest > sequenceCapacity {
            let capacity = max(longest, sequenceCapacity * 2)
            for pointer in attention { pointer.deallocate() }
            attention = (0 ..< workers).map { _ in .allocate(capacity: capacity * capacity + 2 * capacity * relativeWidth) }
            sequenceCapacity = capacity
        }
    }

    deinit {
        for pointer in [hidden, queryKeyValue, context, projected, intermediate] + attention { pointer.deallocate() }
    }
}
