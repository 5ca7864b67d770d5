import English
import Foundation

/// Picks the sentence of a passage most relevant to a claim and cleans it into a stated fact.
enum ReportSentences {
    /// Leading words that read naturally lower-cased after "According to X, ".
    private static let leadingFunctionWords: Set<String> = [
        "the", "a", "an", "in", "on", "at", "it", "its", "this", "that", "these", "those", "there", "since", "as",
        "of", "for", "by", "with", "from", "after", "before", "during", "currently", "today", "some", "many", "most",
        "all", "each", "every", "both",
    ]
    private static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]"]
    private static let terminators: Set<Character> = [".", "!", "?"]

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
        for sentence in SentenceSplitter.sentences(in: passage) {
            let text = clean(sentence)
            let words = Words.matching(text)
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
        guard let first = Words.matching(fact).first, leadingFunctionWords.contains(first),
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
