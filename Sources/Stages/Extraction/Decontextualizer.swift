import English
/// Rewrites an article's sentences to stand alone: a leading connective ("However,", "Instead,") is dropped, an
/// aside naming the subject again (", commonly known as NATO,") is dropped, and an opening "It", "The alliance" or
/// "The country" is replaced by the name it refers to, read from the sentences before (or the article's topic).
struct Decontextualizer {
    /// The article's most frequent name, e.g. "Japan": what an unanchored "it" or "the country" most likely means.
    let topic: String?
    private var lastSubject: String?
    private var lastOrganisation: String?
    /// The words of the sentence before, lower-case, for definite descriptions that pick up its indefinite ones.
    private var previousWords: [String] = []

    init(sentences: [String], title: String?) {
        var counts: [String: Int] = [:]
        for sentence in sentences + [title ?? ""] {
            for run in Self.nameRuns(in: Token.tokenize(sentence)) where run.count == 1 { counts[run[0], default: 0] += 1 }
        }
        topic = counts.filter { $0.value >= 3 }.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// The sentence as a claim that stands alone, or `nil` when it opens by referring to something it does not name.
    mutating func standalone(_ sentence: String) -> String? {
        let original = Self.droppingConnective(Token.tokenize(sentence))
        let tokens = Self.droppingAlias(original)
        defer { observe(original) }
        guard let first = tokens.first else { return nil }
        if first.lower == "it" || first.lower == "it's" {
            guard tokens.count > 2, !Self.isExpletive(tokens), let referent = lastSubject ?? topic else { return nil }
            let rest = first.lower == "it's" ? [Token("is")] + tokens.dropFirst() : Array(tokens.dropFirst())
            return Token.join([Token(referent)] + rest)
        }
        if ["the", "this", "that"].contains(first.lower), tokens.count > 2 {
            let noun = tokens[1].lower
            if Lexicon.organisationNouns.contains(noun), !tokens[1].isProper {
                guard let referent = lastOrganisation else { return nil }
                return Token.join([Token(referent)] + tokens.dropFirst(2))
            }
            if Lexicon.countryNouns.contains(noun), !tokens[1].isProper {
                guard let referent = lastSubject ?? topic else { return nil }
                return Token.join([Token(referent)] + tokens.dropFirst(2))
            }
        }
        if Lexicon.referringOpeners.contains(first.lower) { return nil }
        if let resolved = resolvingDefiniteDescription(tokens) { return resolved }
        return Token.join(tokens).capitalizingFirstLetter
    }

    /// "… and a new constitution was drafted. The new constitution renounced war …" → "Japan's new constitution renounced
    /// war …": an opening "the" + words that the sentence before introduced with "a"/"an" belongs to that sentence's subject.
    private func resolvingDefiniteDescription(_ tokens: [Token]) -> String? {
        guard tokens.first?.lower == "the", let subject = lastSubject else { return nil }
        for length in (1 ... 3).reversed() where length + 2 < tokens.count {
            let words = tokens[1 ... length].map(\.lower)
            guard tokens[1 ... length].allSatisfy(\.isPlainWord), !tokens[length].text.hasSuffix(",") else { continue }
            let introduced = ["a", "an"].contains { article in StatementFeatures.contains([article] + words, in: previousWords) }
            if introduced { return Token.join([Token(subject + "’s")] + tokens[1...]) }
        }
        return nil
    }

    /// Remembers the sentence's subject (an opening name) and the last organisation it names, by its acronym when it gives one.
    private mutating func observe(_ tokens: [Token]) {
        previousWords = tokens.map(\.lower)
        let runs = Self.nameRuns(in: tokens)
        let clause = Self.droppingOpeningAdverbial(tokens)
        if let first = clause.first, first.isProper, !Lexicon.referringOpeners.contains(first.lower),
           let opening = Self.nameRuns(in: Array(clause.prefix { $0.isProper || Lexicon.nameParticles.contains($0.lower) || $0.lower == "of" })).first {
            lastSubject = opening.joined(separator: " ")
        }
        for run in runs {
            if let acronym = run.first(where: { $0.count >= 2 && $0.allSatisfy { $0.isUppercase } }) {
                lastOrganisation = acronym
            } else if let last = run.last, Lexicon.organisationNouns.contains(last.lowercased()) {
                lastOrganisation = "the " + run.joined(separator: " ")
            }
        }
    }

    /// Runs of capitalised words (possessives and edge punctuation removed), not counting a sentence's first word
    /// when it is an ordinary word.
    static func nameRuns(in tokens: [Token]) -> [[String]] {
        var runs: [[String]] = [], current: [String] = []
        for (index, token) in tokens.enumerated() {
            let word = token.word.replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "")
            let isName = token.isProper && !(index == 0 && (Lexicon.referringOpeners.contains(token.lower)
                || Lexicon.determiners.contains(token.lower) || Lexicon.prepositions.contains(token.lower)))
            if isName, !word.isEmpty {
                current.append(word)
                if token.text.last.map({ ",;:.)".contains($0) }) == true || word != token.word {
                    runs.append(current)
                    current = []
                }
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// "After World War II, Japan was …" → "Japan was …": an opening prepositional phrase up to its comma.
    private static func droppingOpeningAdverbial(_ tokens: [Token]) -> [Token] {
        guard let first = tokens.first, Lexicon.prepositions.contains(first.lower) || first.lower == "during",
              let comma = tokens.prefix(10).firstIndex(where: { $0.text.hasSuffix(",") }) else { return tokens }
        return Array(tokens[(comma + 1)...])
    }

    /// "However, Japan …" → "Japan …".
    private static func droppingConnective(_ tokens: [Token]) -> [Token] {
        for connective in Lexicon.connectives where connective.count < tokens.count {
            let head = tokens.prefix(connective.count)
            if head.map(\.lower) == connective, head.last?.text.hasSuffix(",") == true { return Array(tokens.dropFirst(connective.count)) }
        }
        return tokens
    }

    /// "The North Atlantic Treaty Organization, commonly known as NATO, is …" → "NATO is …": a name the article gives
    /// a shorter alias is called by the alias (how sources most often name it).
    private static func droppingAlias(_ tokens: [Token]) -> [Token] {
        guard let comma = tokens.firstIndex(where: { $0.text.hasSuffix(",") }), comma + 2 < tokens.count else { return tokens }
        let after = tokens[(comma + 1)...].map(\.lower)
        let markers: [[String]] = [["commonly", "known", "as"], ["also", "known", "as"], ["known", "as"], ["or"], ["officially"]]
        guard let marker = markers.first(where: { after.starts(with: $0) }),
              let close = tokens[(comma + 1)...].firstIndex(where: { $0.text.hasSuffix(",") }), close - comma - marker.count <= 4,
              tokens[(comma + marker.count + 1) ... close].allSatisfy(\.isProper) else { return tokens }
        var start = comma
        while start > 0, tokens[start - 1].isProper || Lexicon.nameParticles.contains(tokens[start - 1].lower) || tokens[start - 1].lower == "of" {
            start -= 1
        }
        if start > 0, tokens[start - 1].lower == "the" { start -= 1 }
        var alias = Array(tokens[(comma + marker.count + 1) ... close])
        alias[alias.count - 1] = Token(String(alias[alias.count - 1].text.dropLast()))
        return Array(tokens[..<start]) + alias + tokens[(close + 1)...]
    }

    /// "It is worth noting that …", "It was not until …": an "it" that refers to nothing.
    private static func isExpletive(_ tokens: [Token]) -> Bool {
        let words = tokens.prefix(6).map(\.lower)
        return words.contains("that") && words.dropFirst().prefix(3).contains { Lexicon.isAdjective($0) || $0 == "worth" }
            || words.starts(with: ["it", "was", "not", "until"]) || words.contains("to") && words.count > 2 && Lexicon.isAdjective(words[2])
    }
}

extension String {
    /// The string with its first letter upper-case ("japan is" → "Japan is").
    var capitalizingFirstLetter: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
