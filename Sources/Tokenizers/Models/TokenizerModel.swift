/// A token produced by the model or matched as an added token.
struct Token: Sendable, Equatable {
    let id: Int32
    let value: String
}

/// Third pipeline stage: turns one pre-tokenized piece into vocabulary tokens.
protocol TokenizerModel: Sendable {
    func tokenize(_ scalars: [Unicode.Scalar]) -> [Token]
    func tokenId(for token: String) -> Int32?
    /// Number of entries in the model vocabulary (added tokens get ids from here on).
    var vocabularySize: Int { get }
}

/// Builds the model described by the `model` JSON object.
func makeModel(_ config: Config) throws -> any TokenizerModel {
    if config.isNull { throw config.missing() }
    let type: String
    if config["type"].isNull {
        // Old files omit the tag; infer it from the fields like the Rust deserializer.
        if !config["merges"].isNull {
            type = "BPE"
        } else if case .array? = config["vocab"].value {
            type = "Unigram"
        } else if !config["continuing_subword_prefix"].isNull {
            type = "WordPiece"
        } else {
            throw config["type"].missing()
        }
    } else {
        type = try config.typeTag()
    }
    switch type {
    case "WordPiece":
        return try WordPieceModel(config: config)
    case "BPE":
        return try BPEModel(config: config)
    case "Unigram":
        return try UnigramModel(config: config)
    default:
        throw config.unsupported("model", type: type)
    }
}

/// Reads a `{"token": id, ...}` vocabulary keyed by exact UTF-8 bytes.
func readVocabulary(_ config: Config) throws -> [[UInt8]: Int32] {
    let members = try config.requiredObject()
    var vocab = [[UInt8]: Int32](minimumCapacity: members.count)
    for (token, value) in members {
        guard let id = value.int, let id32 = Int32(exactly: id), id32 >= 0 else {
            throw value.invalid("must be a non-negative integer id")
        }
        vocab[Array(token.utf8)] = id32
    }
    return vocab
}
