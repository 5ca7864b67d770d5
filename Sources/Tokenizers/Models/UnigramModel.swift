/// SentencePiece Unigram: the segmentation with the best total score (Viterbi), with unknown
/// characters fused into one unknown token and optional byte fallback.
struct UnigramModel: TokenizerModel {
    private static let unknownPenalty = 10.0

    private let scores: [Double]
    private let tokenToId: [[UInt8]: Int32]
    private let trie: ByteTrie
    private let unkId: Int?
    private let byteFallback: Bool
    private let unknownScore: Double

    init(config: Config) throws {
        let entries = try config["vocab"].requiredArray()
        var scores: [Double] = []
        var tokenToId = [[UInt8]: Int32](minimumCapacity: entries.count)
        var trie = ByteTrie()
        var minScore = Double.infinity
        scores.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            guard let pair = entry.array, pair.count == 2 else {
                throw entry.invalid("must be a [piece, score] pair")
            }
            let piece = Array(try pair[0].requiredString().utf8)
            let score = try pair[1].requiredDouble()
            scores.append(score)
            tokenToId[piece] = Int32(index)
            trie.insert(piece, value: Int32(index))
            minScore = min(minScore, score)
        }
        self.scores = scores
        self.tokenToId = tokenToId
        self.trie = trie
        unknownScore = minScore - Self.unknownPenalty
        unkId = try config["unk_id"].int(default: nil)
        if let unkId, !(0..<entries.count).contains(unkId) {
            throw config["unk_id"].invalid("is out of the vocabulary range")
        }
        byteFallback = try config["byte_fallback"].bool(default: false)
    }

    var vocabularySize: Int { scores.count }

    func tokenId(for token: String) -> Int32? {
        tokenToId[Array(token.utf8)]
    }

    func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        if scalars.isEmpty { return [] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars { bytes.append(contentsOf: UTF8.encode(scalar)!) }
        var tokens: [Token] = []
        for piece in bestPath(bytes) {
            let value = String(decoding: piece, as: UTF8.self)
            if let id = tokenToId[Array(piece)] {
                tokens.append(Token(id: id, value: value))
                continue
            }
            if byteFallback {
                let byteTokens = piece.map { byte -> Token? in
                    let name = BPEModel.byteToken(byte)
                    return tokenToId[Array(name.utf8)].map { Token(id: $0, value: name) }
                }
                if byteTokens.allSatisfy({ $0 != nil }) {
                    tokens.append(contentsOf: byteTokens.map { $0! })
                    continue
                }
            }
            // Without an unknown id Rust fails; the piece is dropped instead.
            if let unkId { tokens.append(Token(id: Int32(unkId), value: value)) }
        }
        return tokens
    }

    /// Rust's `encode_optimized`: best path over UTF-8 byte positions, consecutive unknown pieces fused.
    private func bestPath(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let size = bytes.count
        var bestScore = [Double](repeating: 0, count: size + 1)
        var startsAt = [Int](repeating: -1, count: size + 1)
        var nodeId = [Int](repeating: 0, count: size + 1)
        var start = 0
        while start < size {
            let scoreHere = bestScore[start]
            let characterLength = Self.utf8Length(leadByte: bytes[start], remaining: size - start)
            var hasSingleCharacter = false
            trie.forEachPrefix(of: bytes, from: start) { end, id in
                let candidate = scores[Int(id)] + scoreHere
                if startsAt[end] == -1 || candidate > bestScore[end] {
                    bestScore[end] = candidate
                    startsAt[end] = start
                    nodeId[end] = Int(id)
                }
                if end - start == characterLength { hasSingleCharacter = true }
            }
            if !hasSingleCharacter {
                let end = start + characterLength
                let candidate = unknownScore + scoreHere
                if startsAt[end] == -1 || candidate > bestScore[end] {
                    bestScore[end] = candidate
                    startsAt[end] = start
                    nodeId[end] = unkId ?? -1
                }
            }
            start += characterLength
        }

        var pieces: [ArraySlice<UInt8>] = []
        var fused: [ArraySlice<UInt8>] = []
        var end = size
        while end > 0 {
            let begin = startsAt[end]
            let piece = bytes[begin..<end]
            if let unkId, nodeId[end] == unkId {
                fused.append(piece)
            } else {
                if !fused.isEmpty {
                    pieces.append(Self.join(fused.reversed()))
                    fused.removeAll()
                }
                pieces.append(piece)
            }
            end = begin
        }
        if !fused.isEmpty { pieces.append(Self.join(fused.reversed())) }
        return pieces.reversed()
    }

    private static func join(_ parts: [ArraySlice<UInt8>]) -> ArraySlice<UInt8> {
        ArraySlice(parts.flatMap { $0 })
    }

    private static func utf8Length(leadByte: UInt8, remaining: Int) -> Int {
        let length: Int
        switch leadByte {
        case 0..<0x80: length = 1
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        default: length = 4
        }
        return min(length, remaining)
    }
}
