import Foundation

/// Splits passages into sentences, picks the one most relevant to a claim and cleans it into a stated fact.
enum ReportSentences {
    /// Words whose trailing period does not end a sentence.
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "col", "lt", "mt", "ft",
        "vs", "approx", "ca", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    /// Leading words that read naturally lower-cased after "According to X, ".
    private static let leadingFunctionWords: Set<String> = [
        "the", "a", "an", "in", "on", "at", "it", "its", "this", "that", "these", "those", "there", "since", "as",
        "of", "for", "by", "with", "from", "after", "before", "during", "currently", "today", "some", "many", "most",
        "all", "each", "every", "both",
    ]
    private static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]"]
    private static let terminators: Set<Character> = [".", "!", "?"]

    /// The sentences of `text`, split after `.`, `!` or `?` when the next sentence starts with a capital, digit
    /// or quote and the period does not end an abbreviation or an initial.
    static func sentences(in text: String) -> [String] {
        let chars = Array(text)
        var sentences: [String] = []
        var start = 0, index = 0
        while index < chars.count {
            guard terminators.contains(chars[index]) else { index += 1; continue }
            var end = index + 1
            while end < chars.count, closers.contains(chars[end]) || terminators.contains(chars[end]) { end += 1 }
            if end == chars.count || (chars[end].isWhitespace && startsSentence(chars, at: end) && !endsAbbreviation(chars, period: index)) {
                sentences.append(String(chars[start ..< end]))
                start = end
            }
            index = end
        }
        if start < chars.count { sentences.append(String(chars[start...])) }
        return sentences.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    private static func startsSentence(_ chars: [Character], at position: Int) -> Bool {
        guard let next = chars[position...].first(where: { !$0.isWhitespace }) else { return true }
        return next.isUppercase || next.isNumber || "\"“'‘(".contains(next)
    }

    private static func endsAbbreviation(_ chars: [Character], period: Int) -> Bool {
        guard chars[period] == "." else { return false }
        var start = period
        while start > 0, !chars[start - 1].isWhitespace { start -= 1 }
        let word = String(chars[start ..< period]).trimmingCharacters(in: .punctuationCharacters.subtracting(["."]))
        if word.count == 1, word.first!.isUppercase { return true } // an initial: "J. Smith"
        return word.contains(".") || abbreviations.contains(word.lowercased()) // "U.S.", "e.g.", "Dr."
    }

    /// Opening words that refer back to an earlier sentence ("He established …", "This is enshrined in …"): quoted
    /// alone, such a sentence does not say what it is about.
    private static let backReferences: Set<String> = [
        "he", "she", "it", "they", "this", "these", "those", "his", "her", "its", "their", "such",
    ]
    /// Words after which an opening "there" is existential ("There are 32 member states …") rather than a place
    /// named before ("There he founded …").
    private static let existentialVerbs: Set<String> = [
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "may", "might", "can", "could",
        "must", "should", "remain", "remains", "remained", "exist", "exists", "existed", "seem", "seems", "seemed",
        "appear", "appears", "appeared",
    ]

    /// Whether a sentence of `words` opens by referring back to an earlier one ("He established …", "This is …",
    /// "There he …").
    private static func opensByReferringBack(_ words: [String]) -> Bool {
        guard let first = words.first else { return false }
        if first == "there" { return !(words.dropFirst().first.map(existentialVerbs.contains) ?? false) }
        return backReferences.contains(first)
    }

    /// The cleaned sentence of `passage` sharing most content words with `claimTokens` (earliest on ties), or
    /// `nil` when no sentence of at least `minimumWords` words shares any. A sentence that opens by referring back
    /// to an earlier one is never taken: it cannot stand alone as a fact.
    static func mostRelevant(in passage: String, to claimTokens: Set<String>, minimumWords: Int) -> String? {
        var best: (text: String, overlap: Int)?
        for sentence in sentences(in: passage) {
            let text = clean(sentence)
            let words = ReportTokens.words(text)
            guard words.count >= minimumWords, !opensByReferringBack(words) else { continue }
            let overlap = ReportTokens.content(text).intersection(claimTokens).count
            if overlap > (best?.overlap ?? 0) { best = (text, overlap) }
        }
        return best?.text
    }

    /// `text` made fit to quote: footnote markers removed ("[12]", "[citation needed]"), whitespace collapsed,
    /// empty and unbalanced brackets removed, spacing around punctuation fixed, ending in a full stop.
    static func clean(_ text: String) -> String {
        var result = text.replacing(#/\[\s*(?:\d+|[a-z]|citation needed|note \d+|nb \d+)\s*\]/#.ignoresCase(), with: "")
        result = collapse(result).replacing(#/\(\s*[,;:]?\s*\)|\[\s*\]/#, with: "")
        result = removingUnbalancedBrackets(result)
        result = collapse(result)
            .replacing(#/\s+([,.;:!?)\]])/#) { $0.output.1 }
            .replacing(#/([(\[])\s+/#) { $0.output.1 }
        result = String(result.drop { $0.isWhitespace || ",;:-–—".contains($0) })
        while let last = result.last, ",;:-–—".contains(last) || last.isWhitespace { result.removeLast() }
        if let last = result.reversed().first(where: { !closers.contains($0) }), !terminators.contains(last) { result += "." }
        return result
    }

    /// Collapses every run of whitespace (including newlines and no-break spaces) to one space and trims.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `fact` with its first letter lower-cased when it starts with a function word ("The", "In"…), so it can
    /// follow "According to X, ". Names and acronyms keep their capitals.
    static func continuingSentence(_ fact: String) -> String {
        guard let first = ReportTokens.words(fact).first, leadingFunctionWords.contains(first),
              let initial = fact.first, initial.isUppercase else { return fact }
        return initial.lowercased() + fact.dropFirst()
    }

    private static func removingUnbalancedBrackets(_ text: String) -> String {
        let pairs: [Character: Character] = [")": "(", "]": "["]
        var chars = Array(text)
        var open: [(char: Character, index: Int)] = []
        var unbalanced = Set<Int>()
        for (index, char) in chars.enumerated() {
            if char == "(" || char == "[" {
                open.append((char, index))
            } else if let opener = pairs[char] {
                if open.last?.char == opener { open.removeLast() } else { unbalanced.insert(index) }
            }
        }
        unbalanced.formUnion(open.map(\.index))
        for index in unbalanced.sorted(by: >) { chars.remove(at: index) }
        return String(chars)
    }
}
