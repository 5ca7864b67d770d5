/// Splits prose into sentences: at `.`, `!` or `?` followed by whitespace and an upper-case letter, digit or
/// quote, except after common abbreviations, initials and decimal numbers.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "no", "fig",
        "gen", "col", "lt", "sgt", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "u.s", "u.k", "approx", "ca", "cf", "al", "mt",
    ]

    public static func sentences(in text: String) -> [String] {
        let characters = Array(text)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "!" || character == "?" {
                var end = index + 1
                while end < characters.count, "\"'”’)]".contains(characters[end]) { end += 1 }
                var next = end
                while next < characters.count, characters[next].isWhitespace { next += 1 }
                let followedByBreak = next > end && (next == characters.count || characters[next].isUppercase
                    || characters[next].isNumber || "\"'“‘(".contains(characters[next]))
                if followedByBreak, character != "." || !isAbbreviation(characters, before: index) {
                    append(characters[start ..< end], to: &sentences)
                    start = next
                    index = next
                    continue
                }
            } else if character == "\n", index + 1 < characters.count, characters[index + 1] == "\n" {
                append(characters[start ..< index], to: &sentences)  // paragraph break
                start = index + 2
                index += 2
                continue
            }
            index += 1
        }
        append(characters[start...], to: &sentences)
        return sentences
    }

    private static func append(_ slice: ArraySlice<Character>, to sentences: inout [String]) {
        let sentence = String(slice).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if !sentence.isEmpty { sentences.append(sentence) }
    }

    /// Whether the period at `index` ends an abbreviation or an initial ("J. R. R.", "Dr.", "U.S.").
    private static func isAbbreviation(_ characters: [Character], before index: Int) -> Bool {
        var start = index
        while start > 0, !characters[start - 1].isWhitespace, characters[start - 1] != "(" { start -= 1 }
        let word = String(characters[start ..< index]).lowercased()
        if word.count == 1, word.first!.isLetter { return true }
        return abbreviations.contains(word)
    }
}
