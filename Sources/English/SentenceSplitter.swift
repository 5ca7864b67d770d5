/// Splits prose into sentences: at `.`, `!` or `?` followed by whitespace and an upper-case letter, digit or
/// quote, except after common abbreviations, initials and decimal numbers; and at paragraph breaks (a blank line).
public enum SentenceSplitter {
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "no", "fig",
        "gen", "col", "lt", "sgt", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "u.s", "u.k", "approx", "ca", "cf", "al", "mt", "ft",
    ]

    /// The sentences of `text`, each on one line (runs of white space made one space).
    public static func sentences(in text: String) -> [String] {
        ranges(in: text).map { text[$0].split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    /// Where each sentence of `text` is, without the white space around it.
    public static func ranges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "." || character == "!" || character == "?" {
                var end = text.index(after: index)
                while end < text.endIndex, "\"'”’)]".contains(text[end]) { end = text.index(after: end) }
                var next = end
                while next < text.endIndex, text[next].isWhitespace { next = text.index(after: next) }
                let followedByBreak = next > end && (next == text.endIndex || text[next].isUppercase
                    || text[next].isNumber || "\"'“‘(".contains(text[next]))
                if followedByBreak, character != "." || !isAbbreviation(in: text, before: index, nextIsLetter: next < text.endIndex && text[next].isLetter) {
                    append(start ..< end, of: text, to: &ranges)
                    start = next
                    index = next
                    continue
                }
            } else if character == "\n" || character == "\r\n", case let after = text.index(after: index), after < text.endIndex,
                      text[after] == "\n" || text[after] == "\r\n" {
                append(start ..< index, of: text, to: &ranges)  // paragraph break
                start = text.index(after: after)
                index = start
                continue
            }
            index = text.index(after: index)
        }
        append(start ..< text.endIndex, of: text, to: &ranges)
        return ranges
    }

    /// Adds `range` without its surrounding white space, unless nothing is left.
    private static func append(_ range: Range<String.Index>, of text: String, to ranges: inout [Range<String.Index>]) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, text[lower].isWhitespace { lower = text.index(after: lower) }
        while upper > lower, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
        if lower < upper { ranges.append(lower ..< upper) }
    }

    /// Whether the period at `index` ends an abbreviation or an initial ("J. R. R.", "Dr.", "U.S."). A single capital is
    /// an initial; a single lower-case letter abbreviates only before a number ("c. 1450", "p. 12"), so "487 m.
    /// Geographic …" ends a sentence.
    private static func isAbbreviation(in text: String, before index: String.Index, nextIsLetter: Bool) -> Bool {
        var start = index
        while start > text.startIndex, case let previous = text[text.index(before: start)], !previous.isWhitespace, previous != "(" {
            start = text.index(before: start)
        }
        let written = text[start ..< index]
        if written.count == 1, let letter = written.first, letter.isLetter { return letter.isUppercase || !nextIsLetter }
        return abbreviations.contains(written.lowercased())
    }
}
