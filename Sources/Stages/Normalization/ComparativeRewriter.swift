import English
/// Rewrites a negated comparison with everything as the superlative it states:
/// "No lake in the world is deeper than Lake Baikal" → "Lake Baikal is the deepest lake in the world",
/// "No land animal is faster than the cheetah" → "The cheetah is the fastest land animal",
/// "No city is more populous than Tokyo" → "Tokyo is the most populous city". A verifier reads the superlative the way
/// sources write it; the double negative it often reads as a contradiction.
enum ComparativeRewriter {
    private static let beForms: Set<String> = ["is", "are", "was", "were"]
    /// Comparatives whose superlative is not formed by replacing "-er" with "-est".
    private static let irregular: [String: String] = ["better": "best", "worse": "worst", "farther": "farthest", "further": "furthest",
                                                      "less": "least", "more": "most"]
    /// Words ending in "-er" that are not comparatives.
    private static let notComparatives: Set<String> = ["other", "never", "ever", "under", "over", "after", "rather", "either", "neither"]

    static func rewrite(_ text: String) -> String {
        let tokens = Token.tokenize(text)
        guard tokens.count >= 5, tokens[0].text.lowercased() == "no", !["one", "other"].contains(tokens[1].lower) else { return text }
        // "No" <noun phrase> <be> <comparative> ["than"] <subject>; the noun phrase is plain words only.
        guard let verb = tokens.indices.dropFirst(2).first(where: { beForms.contains(tokens[$0].lower) }),
              tokens[1 ..< verb].allSatisfy({ $0.isPlainWord && $0.text == $0.word || $0.lower == "in" || $0.lower == "the" || $0.lower == "on" }),
              verb + 2 < tokens.count else { return text }
        var comparativeEnd = verb + 1
        var superlative: [String]
        let first = tokens[verb + 1].lower
        if first == "more" || first == "less", verb + 3 < tokens.count, tokens[verb + 2].isPlainWord {
            superlative = [irregular[first]!, tokens[verb + 2].word]
            comparativeEnd = verb + 3
        } else if let known = irregular[first] {
            superlative = [known]
            comparativeEnd = verb + 2
        } else if first.count > 4, first.hasSuffix("er"), !notComparatives.contains(first), tokens[verb + 1].isPlainWord {
            superlative = [String(first.dropLast(2)) + "est"]
            comparativeEnd = verb + 2
        } else {
            return text
        }
        guard comparativeEnd < tokens.count, tokens[comparativeEnd].lower == "than", comparativeEnd + 1 < tokens.count else { return text }
        let subject = Token.join(tokens[(comparativeEnd + 1)...])
        let nounPhrase = Token.join(tokens[1 ..< verb])
        return "\(subject) \(tokens[verb].lower) the \(superlative.joined(separator: " ")) \(nounPhrase)"
    }
}
