/// The result of encoding one text or a text pair.
public struct Encoding: Sendable, Equatable {
    /// Token ids, special tokens included.
    public var ids: [Int32]
    /// Segment ids (0 for the first text, usually 1 for the second of a pair).
    public var typeIds: [Int32]
    /// 1 for every token (padding is left to the caller).
    public var attentionMask: [Int32]
    /// Token strings, as Python's `Encoding.tokens`.
    public var tokens: [String]

    public init(ids: [Int32], typeIds: [Int32], attentionMask: [Int32], tokens: [String]) {
        self.ids = ids
        self.typeIds = typeIds
        self.attentionMask = attentionMask
        self.tokens = tokens
    }

    init(tokens: [Token], typeId: Int32) {
        ids = tokens.map(\.id)
        typeIds = Array(repeating: typeId, count: tokens.count)
        attentionMask = Array(repeating: 1, count: tokens.count)
        self.tokens = tokens.map(\.value)
    }

    static let empty = Encoding(ids: [], typeIds: [], attentionMask: [], tokens: [])

    var count: Int { ids.count }

    mutating func setTypeIds(_ typeId: Int32) {
        typeIds = Array(repeating: typeId, count: ids.count)
    }

    /// Keeps the first `maxLength` tokens.
    mutating func truncate(to maxLength: Int) {
        guard ids.count > maxLength else { return }
        let length = max(0, maxLength)
        ids.removeSubrange(length...)
        typeIds.removeSubrange(length...)
        attentionMask.removeSubrange(length...)
        tokens.removeSubrange(length...)
    }

    mutating func append(_ other: Encoding) {
        ids += other.ids
        typeIds += other.typeIds
        attentionMask += other.attentionMask
        tokens += other.tokens
    }
}
