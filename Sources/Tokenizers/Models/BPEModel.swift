/// Byte-Pair Encoding: splits a word into characters (or byte tokens) and applies the merges in
/// rank order, exactly like the Rust implementation's priority queue.
struct BPEModel: TokenizerModel {
    private struct Pair: Hashable {
        let left: Int32
        let right: Int32
    }

    private struct Merge {
        let rank: Int32
        let newId: Int32
    }

    private let vocab: [[UInt8]: Int32]
    private let vocabReverse: [Int32: String]
    private let merges: [Pair: Merge]
    private let unkToken: String?
    private let continuingSubwordPrefix: [UInt8]?
    private let endOfWordSuffix: [UInt8]?
    private let fuseUnknown: Bool
    private let byteFallback: Bool
    private let ignoreMerges: Bool

    init(config: Config) throws {
        vocab = try readVocabulary(config["vocab"])
        var reverse = [Int32: String](minimumCapacity: vocab.count)
        for (bytes, id) in vocab { reverse[id] = String(decoding: bytes, as: UTF8.self) }
        vocabReverse = reverse
        unkToken = try config["unk_token"].string(default: nil)
        let prefix = try config["continuing_subword_prefix"].string(default: nil)
        continuingSubwordPrefix = prefix.map { Array($0.utf8) }
        endOfWordSuffix = try config["end_of_word_suffix"].string(default: nil).map { Array($0.utf8) }
        fuseUnknown = try config["fuse_unk"].bool(default: false)
        byteFallback = try config["byte_fallback"].bool(default: false)
        ignoreMerges = try config["ignore_merges"].bool(default: false)

        let prefixLength = prefix?.utf8.count ?? 0
        var merges = [Pair: Merge]()
        let entries = config["merges"].isNull ? [] : try config["merges"].requiredArray()
        merges.reserveCapacity(entries.count)
        for (rank, entry) in entries.enumerated() {
            let parts: [String]
            if let line = entry.string {
                parts = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            } else if let items = entry.array {
                parts = try items.map { try $0.requiredString() }
            } else {
                throw entry.invalid("must be \"a b\" or [\"a\", \"b\"]")
            }
            guard parts.count == 2 else { throw entry.invalid("must have exactly two parts") }
            let left = Array(parts[0].utf8)
            let right = Array(parts[1].utf8)
            guard let leftId = vocab[left] else { throw entry.invalid("uses '\(parts[0])', which is not in model.vocab") }
            guard let rightId = vocab[right] else { throw entry.invalid("uses '\(parts[1])', which is not in model.vocab") }
            let merged = left + right.dropFirst(min(prefixLength, right.count))
            guard let newId = vocab[merged] else {
                throw entry.invalid("produces '\(String(decoding: merged, as: UTF8.self))', which is not in model.vocab")
            }
            merges[Pair(left: leftId, right: rightId)] = Merge(rank: Int32(rank), newId: newId)
        }
        self.merges = merges
    }

    var vocabularySize: Int { vocab.count }

    func tokenId(for token: String) -> Int32? {
        vocab[Array(token.utf8)]
    }

    func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        if scalars.isEmpty { return [] }
        if ignoreMerges {
            var whole: [UInt8] = []
            for scalar in scalars { whole.append(contentsOf: UTF8.encode(scalar)!) }
            if let id = vocab[whole] { return [Token(id: id, value: String(decoding: whole, as: UTF8.self))] }
        }
        var symbols = initialSymbols(scalars)
        mergeAll(&symbols)
        return symbols.map { Token(id: $0, value: vocabReverse[$0] ?? "") }
    }

    /// One symbol per character (with prefix/suffix), byte tokens or unknown tokens as configured.
    private func initialSymbols(_ scalars: [Unicode.Scalar]) -> [Int32] {
        var symbols: [Int32] = []
        symbols.reserveCapacity(scalars.count)
        var pendingUnknown: Int32?
        let unkId = unkToken.flatMap { vocab[Array($0.utf8)] }
        var key: [UInt8] = []
        for (index, scalar) in scalars.enumerated() {
            key.removeAll(keepingCapacity: true)
            if index > 0, let prefix = continuingSubwordPrefix { key.append(contentsOf: prefix) }
            key.append(contentsOf: UTF8.encode(scalar)!)
            if index == scalars.count - 1, let suffix = endOfWordSuffix { key.append(contentsOf: suffix) }
            if let id = vocab[key] {
                if let unknown = pendingUnknown {
                    symbols.append(unknown)
                    pendingUnknown = nil
                }
                symbols.append(id)
                continue
            }
            if byteFallback {
                let byteIds = key.map { vocab[Array(Self.byteToken($0).utf8)] }
                if byteIds.allSatisfy({ $0 != nil }) {
                    symbols.append(contentsOf: byteIds.map { $0! })
                    continue
                }
            }
            // An unknown token that is not in the vocabulary makes Rust fail; drop the character.
            guard let unkId else { continue }
            if let unknown = pendingUnknown, !fuseUnknown {
                symbols.append(unknown)
            }
            pendingUnknown = unkId
        }
        if let unknown = pendingUnknown { symbols.append(unknown) }
        return symbols
    }

    static func byteToken(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "<0x\(hex.count == 1 ? "0" + hex : hex)>"
    }

    /// Rust's `Word::merge_all`: a min-heap on (rank, position) with lazy invalidation.
    private func mergeAll(_ ids: inout [Int32]) {
        let count = ids.count
        guard count > 1 else { return }
        var previous = Array(-1..<(count - 1))
        var next = Array(1...count)
        next[count - 1] = -1
        var alive = [Bool](repeating: true, count: count)
        var heap = MergeHeap()
        for position in 0..<(count - 1) {
            if let merge = merges[Pair(left: ids[position], right: ids[position + 1])] {
                heap.push(rank: merge.rank, position: position, newId: merge.newId)
            }
        }
        while let top = heap.pop() {
            let position = top.position
            guard alive[position], next[position] != -1 else { continue }
            let right = next[position]
            guard let merge = merges[Pair(left: ids[position], right: ids[right])], merge.newId == top.newId else {
                continue
            }
            ids[position] = top.newId
            alive[right] = false
            let afterRight = next[right]
            next[position] = afterRight
            if afterRight != -1 { previous[afterRight] = position }
            let before = previous[position]
            if before >= 0, let merge = merges[Pair(left: ids[before], right: ids[position])] {
                heap.push(rank: merge.rank, position: before, newId: merge.newId)
            }
            if afterRight != -1, let merge = merges[Pair(left: ids[position], right: ids[afterRight])] {
                heap.push(rank: merge.rank, position: position, newId: merge.newId)
            }
        }
        var result: [Int32] = []
        result.reserveCapacity(count)
        var position = 0
        while position != -1 {
            result.append(ids[position])
            position = next[position]
        }
        ids = result
    }
}

/// Binary min-heap of pending merges ordered by rank, then position.
private struct MergeHeap {
    struct Entry {
        let rank: Int32
        let position: Int
        let newId: Int32

        func precedes(_ other: Entry) -> Bool {
            rank != other.rank ? rank < other.rank : position < other.position
        }
    }

    private var entries: [Entry] = []

    mutating func push(rank: Int32, position: Int, newId: Int32) {
        entries.append(Entry(rank: rank, position: position, newId: newId))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].precedes(entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let top = entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < entries.count && entries[left].precedes(entries[smallest]) { smallest = left }
            if right < entries.count && entries[right].precedes(entries[smallest]) { smallest = right }
            if smallest == parent { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
