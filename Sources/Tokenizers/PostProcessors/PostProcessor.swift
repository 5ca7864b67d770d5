/// Last pipeline stage: adds special tokens and sets type ids.
protocol PostProcessor: Sendable {
    /// Number of special tokens added to a single text or a pair.
    func addedTokens(isPair: Bool) -> Int
    /// Rewrites the encodings (one per input sequence, type ids already set to the sequence index).
    func process(_ encodings: [Encoding], addSpecialTokens: Bool) -> [Encoding]
}

/// Builds the post-processor described by a `post_processor` JSON object (`nil` for JSON null).
func makePostProcessor(_ config: Config) throws -> (any PostProcessor)? {
    if config.isNull { return nil }
    let type = try config.typeTag()
    switch type {
    case "BertProcessing":
        return try BertProcessing(config: config)
    case "RobertaProcessing":
        return try RobertaProcessing(config: config)
    case "TemplateProcessing":
        return try TemplateProcessing(config: config)
    case "ByteLevel":
        return ByteLevelProcessing()
    case "Sequence":
        return try SequenceProcessing(config: config)
    default:
        throw config.unsupported("post-processor", type: type)
    }
}
