/// Second pipeline stage: splits normalized text into the pieces the model tokenizes separately.
protocol PreTokenizer: Sendable {
    /// Splits one piece. Empty results are dropped by the caller.
    func split(_ text: NormalizedString) -> [NormalizedString]
}

/// Builds the pre-tokenizer described by a `pre_tokenizer` JSON object (`nil` for JSON null).
func makePreTokenizer(_ config: Config) throws -> (any PreTokenizer)? {
    if config.isNull { return nil }
    let type = try config.typeTag()
    switch type {
    case "BertPreTokenizer":
        return BertPreTokenizer()
    case "ByteLevel":
        return try ByteLevelPreTokenizer(config: config)
    case "Metaspace":
        return try MetaspacePreTokenizer(config: config)
    case "Whitespace":
        return WhitespacePreTokenizer()
    case "WhitespaceSplit":
        return WhitespaceSplitPreTokenizer()
    case "Punctuation":
        return try PunctuationPreTokenizer(config: config)
    case "Digits":
        return try DigitsPreTokenizer(config: config)
    case "Split":
        return try SplitPreTokenizer(config: config)
    case "Sequence":
        return try SequencePreTokenizer(config: config)
    default:
        throw config.unsupported("pre-tokenizer", type: type)
    }
}
