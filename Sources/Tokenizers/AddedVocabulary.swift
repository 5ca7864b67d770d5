/// A piece of the input on its way through the pipeline: either text still to be tokenized or
/// an added token already matched.
struct Split {
    var text: NormalizedString
    var tokens: [Token]?
}

/// The `added_tokens` on top of the model vocabulary, and the splitting of input text on them
/// (before normalization for `normalized: false` tokens, after it for the others), with the
/// same id assignment and matching rules as the Rust `AddedVocabulary`.
struct AddedVocabulary: Sendable {
    private var idsByContent: [[UInt8]: Int32] = [:]
    private var tokensById: [Int32: AddedToken] = [:]
    private var rawMatcher = TokenMatcher()
    private var normalizedMatcher = TokenMatcher()

    init(config: Config, model: any TokenizerModel, normalizer: (any Normalizer)?) throws {
        let tokens = config.isNull ? [] : try config.requiredArray().map(AddedToken.init)
        var specialTokens: [AddedToken] = []
        var specialContents = Set<[UInt8]>()
        for token in tokens where token.special && !token.content.isEmpty {
            if specialContents.insert(Array(token.content.utf8)).inserted {
                specialTokens.append(token)
            }
        }
        var classicTokens: [AddedToken] = []
        for token in tokens {
            if token.content.isEmpty || tokensById.values.contains(token) { continue }
            let key = Array(token.content.utf8)
            let id: Int32
            if let existing = idsByContent[key] ?? model.tokenId(for: token.content) {
                id = existing
            } else if let maximum = idsByContent.values.max() {
                id = Int(maximum) >= model.vocabularySize || model.vocabularySize == 0
                    ? maximum + 1 : Int32(model.vocabularySize)
            } else {
                id = Int32(model.vocabularySize)
            }
            idsByContent[key] = id
            tokensById[id] = token
            if !specialContents.contains(key) {
                classicTokens.append(token)
            }
        }
        for token in specialTokens + classicTokens {
            guard let id = tokenId(for: token.content, model: model) else { continue }
            if token.normalized {
                let pattern = normalizer?.normalize(token.content) ?? token.content
                normalizedMatcher.insert(Array(pattern.unicodeScalars), id: id)
            } else {
                rawMatcher.insert(Array(token.content.unicodeScalars), id: id)
            }
        }
    }

    /// Added tokens take precedence over the model vocabulary.
    func tokenId(for content: String, model: any TokenizerModel) -> Int32? {
        idsByContent[Array(content.utf8)] ?? model.tokenId(for: content)
    }

    /// Splits `text` on added tokens and normalizes the remaining pieces.
    func extractAndNormalize(_ text: String, normalizer: (any Normalizer)?) -> [Split] {
        var splits = [Split(text: NormalizedString(text), tokens: nil)]
        splits = split(splits, with: rawMatcher)
        for index in splits.indices where splits[index].tokens == nil {
            normalizer?.normalize(&splits[index].text)
        }
        return split(splits, with: normalizedMatcher)
    }

    private func split(_ splits: [Split], with matcher: TokenMatcher) -> [Split] {
        var result: [Split] = []
        result.reserveCapacity(splits.count)
        for split in splits {
            guard split.tokens == nil else {
                result.append(split)
                continue
            }
            for (id, range) in findMatches(in: split.text.scalars, matcher: matcher) where !range.isEmpty {
                let piece = split.text.slice(range)
                if let id {
                    result.append(Split(text: piece, tokens: [Token(id: id, value: piece.string)]))
                } else {
                    result.append(Split(text: piece, tokens: nil))
                }
            }
        }
        return result
    }

    /// Rust's `find_matches`: leftmost-longest matches, filtered by `single_word` and widened by
    /// `lstrip`/`rstrip`, plus the unmatched text between them.
    private func findMatches(in scalars: [Unicode.Scalar], matcher: TokenMatcher) -> [(Int32?, Range<Int>)] {
        guard !scalars.isEmpty else { return [(nil, 0..<0)] }
        var result: [(Int32?, Range<Int>)] = []
        var startOffset = 0
        for match in matcher.matches(in: scalars) {
            var start = match.range.lowerBound
            var stop = match.range.upperBound
            guard let token = tokensById[match.id] else { continue }
            if token.singleWord {
                let startSpace = start == 0 || !UnicodeClasses.isWordCharacter(scalars[start - 1])
                let stopSpace = stop == scalars.count || !UnicodeClasses.isWordCharacter(scalars[stop])
                if !startSpace || !stopSpace { continue }
            }
            if token.lstrip {
                var newStart = start
                while newStart > 0 && UnicodeClasses.isWhitespace(scalars[newStart - 1]) { newStart -= 1 }
                start = max(newStart, startOffset)
            }
            if token.rstrip {
                while stop < scalars.count && UnicodeClasses.isWhitespace(scalars[stop]) { stop += 1 }
            }
            if startOffset < start {
                result.append((nil, startOffset..<start))
            }
            result.append((match.id, start..<stop))
            startOffset = stop
        }
        if startOffset != scalars.count {
            result.append((nil, startOffset..<scalars.count))
        }
        return result
    }
}
