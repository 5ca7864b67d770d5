/// One tokenised input: token ids and their segment (token type) ids, without padding.
public struct TokenSequence: Sendable, Equatable {
    public var ids: [Int32]
    public var typeIds: [Int32]

    public init(ids: [Int32], typeIds: [Int32]? = nil) {
        self.ids = ids
        self.typeIds = typeIds ?? [Int32](repeating: 0, count: ids.count)
    }

    /// Removes padding: keeps the positions whose attention mask is non-zero (right-padded input).
    public init(ids: [Int32], typeIds: [Int32], attentionMask: [Int32]) {
        let length = attentionMask.firstIndex(of: 0) ?? attentionMask.count
        self.init(ids: Array(ids.prefix(length)), typeIds: Array(typeIds.prefix(length)))
    }
}

/// Hidden states of a batch, packed: the rows of sequence `i` are `offsets[i] ..< offsets[i + 1]`.
public struct HiddenStates: Sendable {
    /// [totalTokens, width], row-major.
    public let values: [Float]
    public let offsets: [Int]
    public let width: Int

    /// The [length, width] hidden states of sequence `index`, row-major.
    public func sequence(_ index: Int) -> ArraySlice<Float> {
        values[offsets[index] * width ..< offsets[index + 1] * width]
    }
}
