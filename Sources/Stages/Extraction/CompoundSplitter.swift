import English
/// Splits a statement about several named things into one statement each:
/// "Japan has sent peacekeeping forces to countries such as Cambodia, East Timor, and South Sudan." →
/// "… to Cambodia.", "… to East Timor.", "… to South Sudan."; and states an appositive on its own:
/// "… the Quadrilateral Security Dialogue (Quad), a security alliance between …" → "The Quadrilateral Security
/// Dialogue is a security alliance between …".
enum CompoundSplitter {
    /// Words after which a list of names is a list of separate facts (not "between" or "among", which relate them).
    private static let listOpeners: Set<String> = ["to", "in", "with", "as", "including", "like", "from", "visited", "joined", "combat"]

    static func split(_ claim: String) -> [String] {
        let tokens = droppingTrailingAttributes(Token.tokenize(claim))
        var claims = [Token.join(tokens)]
        if let list = nameList(in: tokens) {
            claims = list.items.map { item in
                var words = Array(tokens[..<list.start]) + item
                if list.end < tokens.count {
                    words += tokens[list.end...]
                } else if let end = tokens.last?.text.last, ".!".contains(end) {
                    words[words.count - 1] = Token(words[words.count - 1].text + String(end))
                }
                return Token.join(words)
            }
        }
        if let appositive = appositive(in: tokens) { claims.append(appositive) }
        return claims
    }

    /// "Japan is the world's third-largest economy, with a high standard of living and a stable political system." →
    /// "Japan is the world's third-largest economy.": a closing "with …" phrase that adds no figure is a further,
    /// vaguer claim; one that carries the figure ("…, with over 50,000 troops stationed there.") stays.
    private static func droppingTrailingAttributes(_ tokens: [Token]) -> [Token] {
        guard let comma = tokens.lastIndex(where: { $0.text.hasSuffix(",") }), comma + 2 < tokens.count, tokens[comma + 1].lower == "with",
              let last = tokens.last?.text.last, ".!".contains(last) else { return tokens }
        let phrase = tokens[(comma + 1)...]
        guard !phrase.contains(where: { $0.isNumber || Lexicon.countWords.contains($0.lower) }),
              !phrase.contains(where: { $0.text.hasSuffix(",") }) || phrase.last?.text.hasSuffix(",") == true else { return tokens }
        var kept = Array(tokens[...comma])
        kept[comma] = Token(String(kept[comma].text.dropLast()) + String(last))
        return kept
    }

    /// A list of two or more names ("Cambodia, East Timor, and South Sudan") after a list opener, and the tokens
    /// it replaces (with a "countries such as" before it).
    private static func nameList(in tokens: [Token]) -> (start: Int, end: Int, items: [[Token]])? {
        for opener in tokens.indices.dropLast() where listOpeners.contains(tokens[opener].lower) && !tokens[opener].text.hasSuffix(",") {
            var items: [[Token]] = [], current: [Token] = []
            var index = opener + 1
            var sawConjunction = false
            while index < tokens.count {
                let token = tokens[index]
                if token.isProper || (!current.isEmpty && Lexicon.nameParticles.contains(token.lower)) || (current.isEmpty && token.lower == "the") {
                    current.append(Token(token.word.isEmpty ? token.text : token.word))
                    if token.text.hasSuffix(",") || token.text.hasSuffix(".") || token.text.hasSuffix("!") {
                        items.append(current)
                        current = []
                        if !token.text.hasSuffix(",") { index += 1; break }
                    }
                } else if (token.lower == "and" || token.lower == "or"), !current.isEmpty || !items.isEmpty {
                    if !current.isEmpty { items.append(current); current = [] }
                    sawConjunction = true
                } else {
                    break
                }
                index += 1
            }
            if !current.isEmpty { items.append(current) }
            guard sawConjunction, items.count >= 2, items.allSatisfy({ $0.contains(where: \.isProper) }) else { continue }
            var start = opener + 1
            if tokens[opener].lower == "as", opener >= 2, tokens[opener - 1].lower == "such", Lexicon.isPlural(tokens[opener - 2].lower) {
                start = opener - 2
            }
            return (start, index, items)
        }
        return nil
    }

    /// "X (Y), a/an NOUN PHRASE." at the end of a sentence → "X is a NOUN PHRASE.".
    private static func appositive(in tokens: [Token]) -> String? {
        guard let comma = tokens.indices.dropLast(2).first(where: { tokens[$0].text.hasSuffix(",") && ["a", "an"].contains(tokens[$0 + 1].lower) })
        else { return nil }
        let rest = tokens[(comma + 1)...]
        guard !rest.contains(where: { Lexicon.auxiliaries.contains($0.lower) || $0.lower == "which" || $0.lower == "who" }) else { return nil }
        var index = tokens[comma].text.hasPrefix("(") ? comma - 1 : comma  // "(Quad),"
        var name: [Token] = []
        while index >= 0 {
            let token = tokens[index]
            guard token.isProper || !name.isEmpty && (Lexicon.nameParticles.contains(token.lower) || token.lower == "of") else { break }
            name.insert(Token(token.word), at: 0)
            index -= 1
        }
        while name.first.map({ !$0.isProper }) == true { name.removeFirst() }
        guard name.count >= 2, name.first?.isProper == true else { return nil }
        let article = index >= 0 && tokens[index].lower == "the" ? "The " : ""
        return article + Token.join(name) + " is " + Token.join(rest)
    }
}
