/// WordPiece (BERT): greedy longest-match-first with a continuation prefix (`##`).
struct WordPieceModel: TokenizerModel {
    private let vocab: [[UInt8]: Int32]
    private let unknown: Token
    private let prefix: [UInt8]
    private let maxInputCharsPerWord: Int

    init(config: Config) throws {
        vocab = try readVocabulary(config["vocab"])
        let unkToken = try config["unk_token"].string(default: "[UNK]") ?? "[UNK]"
        guard let unkId = vocab[Array(unkToken.utf8)] else {
            throw config["unk_token"].invalid("'\(unkToken)' is not in model.vocab")
        }
        unknown = Token(id: unkId, value: unkToken)
        prefix = Array((try config["continuing_subword_prefix"].string(default: "##") ?? "##").utf8)
        maxInputCharsPerWord = try config["max_input_chars_per_word"].int(default: 100) ?? 100
    }

    var vocabularySize: Int { vocab.count }

    func tokenId(for token: String) -> Int32? {
        vocab[Array(token.utf8)]
    }

    func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        if scalars.count > maxInputCharsPerWord { return [unknown] }
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        for scalar in scalars {
            bytes.append(contentsOf: UTF8.encode(scalar)!)
            offsets.append(bytes.count)
        }
        var tokens: [Token] = []
        var start = 0
        var key: [UInt8] = []
        while start < scalars.count {
            var end = scalars.count
            var match: Token?
            while start < end {
                key.removeAll(keepingCapacity: true)
                if start > 0 { key.append(contentsOf: prefix) }
                key.append(contentsOf: bytes[offsets[start]..<offsets[end]])
                if let id = vocab[key] {
                    match = Token(id: id, value: String(decoding: key, as: UTF8.self))
                    break
                }
                end -= 1
            }
            guard let match else { return [unknown] }
            tokens.append(match)
            start = end
        }
        return tokens
    }
}
