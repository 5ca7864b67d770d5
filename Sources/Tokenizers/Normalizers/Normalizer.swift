/// First pipeline stage: rewrites the text (lowercasing, Unicode normalization, ...).
protocol Normalizer: Sendable {
    func normalize(_ text: inout NormalizedString)
}

extension Normalizer {
    /// Convenience for plain strings (used to normalize added-token contents).
    func normalize(_ string: String) -> String {
        var text = NormalizedString(string)
        normalize(&text)
        return text.string
    }
}

/// Builds the normalizer described by a `normalizer` JSON object (`nil` for JSON null).
func makeNormalizer(_ config: Config) throws -> (any Normalizer)? {
    if config.isNull { return nil }
    let type = try config.typeTag()
    switch type {
    case "BertNormalizer":
        return try BertNormalizer(config: config)
    case "NFC":
        return UnicodeNormalizer(form: .nfc)
    case "NFD":
        return UnicodeNormalizer(form: .nfd)
    case "NFKC":
        return UnicodeNormalizer(form: .nfkc)
    case "NFKD":
        return UnicodeNormalizer(form: .nfkd)
    case "Lowercase":
        return LowercaseNormalizer()
    case "StripAccents":
        return StripAccentsNormalizer()
    case "Strip":
        return try StripNormalizer(config: config)
    case "Replace":
        return try ReplaceNormalizer(config: config)
    case "Prepend":
        return try PrependNormalizer(config: config)
    case "Precompiled":
        return try PrecompiledNormalizer(config: config)
    case "Sequence":
        return try SequenceNormalizer(config: config)
    default:
        throw config.unsupported("normalizer", type: type)
    }
}
