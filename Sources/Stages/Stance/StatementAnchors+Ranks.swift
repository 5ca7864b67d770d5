import English

extension StatementAnchors {
    /// A place in a ranking the statement gives its subject: "the largest city" (1, "largest", "city"), "the
    /// second-most-populous" (2, "most populous", nil), "the third-largest economy" (3, "largest", "economy").
    struct Rank: Sendable, Equatable {
        var place: Int
        /// The superlative, lower-cased: "largest", "most populous".
        var superlative: String
        /// What is ranked, when the word after the superlative says it (singular): "city", "year".
        var ranked: String? = nil

        /// Whether `other` ranks by the same superlative the same kind of thing (either may leave the thing unsaid):
        /// "the 5th-warmest start" and "the second-warmest year" are two rankings.
        func sameRanking(as other: Rank) -> Bool {
            superlative == other.superlative && (ranked == nil || other.ranked == nil || ranked == other.ranked)
        }
    }

    /// The ranks stated: a superlative after "the", "the world's" or an ordinal ("second
    /// largest", "third-most abundant"); words joined by hyphens are read as separate words.
    static func ranks(in words: [String]) -> [Rank] {
        let parts = words.flatMap { $0.split(separator: "-").map(String.init) }
        var ranks: [Rank] = []
        var index = 0
        while index < parts.count {
            let before = index > 0 ? parts[index - 1] : ""
            let place = Lexicon.ordinalPlaces[before]
            let opensRank = place != nil || before == "the" || before == "world"  // "the world's largest": the possessive is read off
            if opensRank, let (superlative, length) = superlative(at: index, in: parts) {
                let next = index + length < parts.count ? parts[index + length] : ""
                let ranked = next.count > 2 && next.allSatisfy(\.isLetter) && !StopWords.anchors.contains(next) ? Plural.singular(next) : nil
                ranks.append(Rank(place: place ?? 1, superlative: superlative, ranked: ranked))
                index += length
                continue
            }
            index += 1
        }
        return ranks
    }

    /// The superlative starting at `index` ("largest"; "most" or "least" with the next word) and how many words it takes.
    private static func superlative(at index: Int, in parts: [String]) -> (String, Int)? {
        let word = parts[index]
        if word == "most" || word == "least", index + 1 < parts.count, parts[index + 1].allSatisfy(\.isLetter) {
            return ("\(word) \(parts[index + 1])", 2)
        }
        guard ["best", "worst"].contains(word) || isSuperlativeOfAnAdjective(word) else { return nil }
        return (word, 1)
    }

    /// "largest", "longest", "biggest", "busiest": an "-est" word that is not one of the nouns and verbs ending so.
    private static func isSuperlativeOfAnAdjective(_ word: String) -> Bool {
        word.count > 4 && word.hasSuffix("est") && word.allSatisfy(\.isLetter) && !Lexicon.estNonSuperlatives.contains(word)
    }
}
