/// SentencePiece-style pre-tokenizer: spaces become `▁`, a `▁` may be prepended, and the text is
/// split before each `▁`.
struct MetaspacePreTokenizer: PreTokenizer {
    enum PrependScheme: String, Sendable {
        case always, first, never
    }

    let replacement: Unicode.Scalar
    let prependScheme: PrependScheme
    let splitOnReplacement: Bool

    init(config: Config) throws {
        let replacementField = config["replacement"]
        let replacementText = try replacementField.string(default: "\u{2581}") ?? "\u{2581}"
        guard replacementText.unicodeScalars.count == 1, let scalar = replacementText.unicodeScalars.first else {
            throw replacementField.invalid("must be a single character")
        }
        replacement = scalar
        if config["prepend_scheme"].isNull {
            prependScheme = try config["add_prefix_space"].bool(default: true) ? .always : .never
        } else {
            let raw = try config["prepend_scheme"].requiredString()
            guard let scheme = PrependScheme(rawValue: raw.lowercased()) else {
                throw config["prepend_scheme"].invalid("has unknown value '\(raw)'")
            }
            prependScheme = scheme
        }
        splitOnReplacement = try config["split"].bool(default: true)
    }

    func split(_ text: NormalizedString) -> [NormalizedString] {
        var text = text
        let replacement = self.replacement
        text.replace(.character { $0 == " " }, with: [replacement])
        let startsWithReplacement = text.scalars.first == replacement
        switch prependScheme {
        case .always where !startsWithReplacement:
            text.prepend([replacement])
        case .first where !startsWithReplacement && text.shift == 0:
            text.prepend([replacement])
        default:
            break
        }
        guard splitOnReplacement else { return [text] }
        return text.split(.character { $0 == replacement }, behavior: .mergedWithNext)
    }
}
