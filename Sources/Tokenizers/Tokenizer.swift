import Foundation

/// A Hugging Face `tokenizer.json` tokenizer, producing the same ids as the Python `tokenizers`
/// library: normalizer → pre-tokenizer → model → post-processor, with added tokens split out first.
///
/// The file's own `truncation` and `padding` sections are ignored; pass `maxLength` to truncate.
public final class Tokenizer: Sendable {
    private let normalizer: (any Normalizer)?
    private let preTokenizer: (any PreTokenizer)?
    private let model: any TokenizerModel
    private let postProcessor: (any PostProcessor)?
    private let addedVocabulary: AddedVocabulary

    /// The padding id: the file's `padding.pad_id`, else the id of `[PAD]` or `<pad>`, else 0.
    public let padTokenId: Int32

    /// Loads a `tokenizer.json` file; errors name the file.
    public convenience init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TokenizerError.unreadable(url.lastPathComponent, reason: error.localizedDescription)
        }
        try self.init(bytes: [UInt8](data), file: url.lastPathComponent)
    }

    /// Loads `tokenizer.json` content.
    public convenience init(data: Data) throws {
        try self.init(bytes: [UInt8](data), file: "tokenizer.json")
    }

    private init(bytes: [UInt8], file: String) throws {
        let root = try Config.parse(bytes, file: file)
        normalizer = try makeNormalizer(root["normalizer"])
        preTokenizer = try makePreTokenizer(root["pre_tokenizer"])
        model = try makeModel(root["model"])
        postProcessor = try makePostProcessor(root["post_processor"])
        addedVocabulary = try AddedVocabulary(config: root["added_tokens"], model: model, normalizer: normalizer)
        let padding = root["padding"]
        if let padId = padding["pad_id"].int, let id = Int32(exactly: padId) {
            padTokenId = id
        } else {
            let model = self.model
            let added = addedVocabulary
            padTokenId = padding["pad_token"].string.flatMap { added.tokenId(for: $0, model: model) }
                ?? added.tokenId(for: "[PAD]", model: model)
                ?? added.tokenId(for: "<pad>", model: model)
                ?? 0
        }
    }

    /// The id of `token` in the added tokens or the model vocabulary.
    public func tokenId(for token: String) -> Int32? {
        addedVocabulary.tokenId(for: token, model: model)
    }

    /// Encodes one text.
    ///
    /// `maxLength` counts special tokens; longer results are truncated at the end (Python's
    /// `enable_truncation(max_length)`). If `maxLength` cannot even hold the special tokens,
    /// only the special tokens are returned (Python would skip truncation altogether).
    public func encode(_ text: String, addSpecialTokens: Bool = true, maxLength: Int? = nil) -> Encoding {
        var encoding = encodeSequence(text, typeId: 0)
        if let maxLength {
            let special = addSpecialTokens ? postProcessor?.addedTokens(isPair: false) ?? 0 : 0
            encoding.truncate(to: max(0, maxLength - special))
        }
        return postProcess([encoding], addSpecialTokens: addSpecialTokens)
    }

    /// Encodes a text pair (e.g. claim and evidence).
    ///
    /// With `maxLength` (special tokens included) the pair is truncated like Python's
    /// `enable_truncation(max_length, strategy=...)`. Throws when `maxLength` cannot hold the
    /// special tokens, or when the strategy's sequence is too short to remove enough tokens
    /// (where Python raises too).
    public func encode(
        _ first: String,
        pair second: String,
        addSpecialTokens: Bool = true,
        maxLength: Int? = nil,
        truncation: TruncationStrategy = .longestFirst
    ) throws -> Encoding {
        var firstEncoding = encodeSequence(first, typeId: 0)
        var secondEncoding = encodeSequence(second, typeId: 1)
        if let maxLength {
            let special = addSpecialTokens ? postProcessor?.addedTokens(isPair: true) ?? 0 : 0
            guard maxLength >= special else {
                throw TokenizerError.maxLengthTooSmall(maxLength, specialTokens: special)
            }
            try Self.truncate(&firstEncoding, &secondEncoding, maxLength: maxLength - special, strategy: truncation)
        }
        return postProcess([firstEncoding, secondEncoding], addSpecialTokens: addSpecialTokens)
    }

    /// Added-token extraction, normalization, pre-tokenization and the model, for one sequence.
    private func encodeSequence(_ text: String, typeId: Int32) -> Encoding {
        var splits = addedVocabulary.extractAndNormalize(text, normalizer: normalizer)
        if let preTokenizer {
            splits = splits.flatMap { split -> [Split] in
                guard split.tokens == nil else { return [split] }
                return preTokenizer.split(split.text).compactMap { piece in
                    piece.isEmpty ? nil : Split(text: piece, tokens: nil)
                }
            }
        }
        var tokens: [Token] = []
        for split in splits {
            tokens += split.tokens ?? model.tokenize(split.text.scalars)
        }
        return Encoding(tokens: tokens, typeId: typeId)
    }

    private func postProcess(_ encodings: [Encoding], addSpecialTokens: Bool) -> Encoding {
        var encodings = encodings
        for index in encodings.indices {
            encodings[index].setTypeIds(Int32(index))
        }
        if let postProcessor {
            encodings = postProcessor.process(encodings, addSpecialTokens: addSpecialTokens)
        }
        return encodings.reduce(into: Encoding.empty) { $0.append($1) }
    }

    /// Rust's `truncate_encodings` (stride 0, truncating at the end).
    private static func truncate(
        _ first: inout Encoding,
        _ second: inout Encoding,
        maxLength: Int,
        strategy: TruncationStrategy
    ) throws {
        if maxLength == 0 {
            first.truncate(to: 0)
            second.truncate(to: 0)
            return
        }
        let total = first.count + second.count
        guard total > maxLength else { return }
        let toRemove = total - maxLength
        switch strategy {
        case .longestFirst:
            var n1 = first.count
            var n2 = second.count
            let swapped = n1 > n2
            if swapped { swap(&n1, &n2) }
            n2 = n1 > maxLength ? n1 : max(n1, maxLength - n1)
            if n1 + n2 > maxLength {
                n1 = maxLength / 2
                n2 = n1 + maxLength % 2
            }
            if swapped { swap(&n1, &n2) }
            first.truncate(to: n1)
            second.truncate(to: n2)
        case .onlyFirst, .onlySecond:
            var target = strategy == .onlyFirst ? first : second
            guard target.count > toRemove else { throw TokenizerError.sequenceTooShort(maxLength: maxLength) }
            target.truncate(to: target.count - toRemove)
            if strategy == .onlyFirst { first = target } else { second = target }
        }
    }
}
