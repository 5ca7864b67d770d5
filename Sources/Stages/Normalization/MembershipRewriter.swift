import English
/// Rewrites being "in" or "part of" a membership organisation as membership:
/// "Japan is in NATO" → "Japan is a member of NATO", "Norway and Iceland are not in the EU" →
/// "Norway and Iceland are not members of the EU".
enum MembershipRewriter {
    /// Organisations that states (or other bodies) are members of, lower-case, without "the"; longest first.
    static let organisations: [[String]] = [
        "nato", "otan", "eu", "european union", "un", "united nations", "g7", "g8", "g20", "opec", "commonwealth",
        "commonwealth of nations", "asean", "wto", "world trade organization", "world trade organisation", "brics",
        "african union", "arab league", "league of arab states", "oecd", "schengen area", "schengen zone", "eurozone",
        "euro area", "council of europe", "security council", "un security council", "quad", "sco",
        "shanghai cooperation organisation", "shanghai cooperation organization", "five eyes", "mercosur", "eea",
        "european economic area", "efta", "gcc", "gulf cooperation council", "oas", "organization of american states",
        "cis", "csto", "aukus", "apec", "warsaw pact", "league of nations", "interpol", "nordic council", "imf",
        "who", "world health organization", "world health organisation", "iaea", "osce", "icc",
        "international criminal court", "paris agreement",
    ].map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }

    private static let beForms: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "am", "isn't", "aren't", "wasn't", "weren't",
    ]

    /// Words that may stand between the verb and "in": "is not", "is still", "is no longer".
    private static let membershipAdverbs: Set<String> = [
        "not", "still", "already", "now", "also", "currently", "officially", "even", "no", "longer", "yet",
        "technically", "formally", "never",
    ]

    /// Words that may follow the organisation and end the phrase: "in NATO since 1949", "in the EU and the UN".
    private static let followers: Set<String> = [
        "and", "or", "but", "since", "as", "yet", "anymore", "today", "now", "too", "either", "any", "in", "from",
        "until", "because", "while", "although", "though", "when", "after", "before", "for", "with", "at", "by",
    ]

    static func rewrite(_ text: String) -> String {
        var tokens = Token.tokenize(text)
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard beForms.contains(tokens[index].lower) else { continue }
            var start = index + 1
            while start < tokens.count, membershipAdverbs.contains(tokens[start].lower) { start += 1 }
            guard let length = prepositionLength(tokens, at: start), isOrganisation(tokens, at: start + length) else {
                continue
            }
            let isPlural = ["are", "were", "aren't", "weren't"].contains(tokens[index].lower)
            tokens.replaceSubrange(start ..< start + length, with: (isPlural ? ["members", "of"] : ["a", "member", "of"]).map(Token.init))
        }
        return Token.join(tokens)
    }

    /// `in` → 1, `part of` → 2, `a part of` → 3.
    private static func prepositionLength(_ tokens: [Token], at start: Int) -> Int? {
        let words = tokens[start...].prefix(3).map(\.lower)
        if words.first == "in" { return 1 }
        if words.starts(with: ["part", "of"]) { return 2 }
        if words.starts(with: ["a", "part", "of"]) { return 3 }
        return nil
    }

    /// Whether an organisation's name (optionally after "the") starts at `start` and ends the phrase.
    private static func isOrganisation(_ tokens: [Token], at start: Int) -> Bool {
        let nameStart = start < tokens.count && tokens[start].lower == "the" ? start + 1 : start
        return organisations.contains { name in
            let end = nameStart + name.count
            guard end <= tokens.count, tokens[nameStart ..< end].map(\.lower) == name else { return false }
            let last = tokens[end - 1]
            guard !last.isPossessive else { return false }
            let endsPhrase = end == tokens.count || !(last.text.last.map { $0.isLetter || $0.isNumber || $0 == "+" } ?? false)
            return endsPhrase || followers.contains(tokens[end].lower) || tokens[end].isNumber
        }
    }
}
