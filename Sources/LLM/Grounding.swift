import English

/// Whether the model's text brings facts of its own: a number, or a capitalised word after the first, that the text
/// it was given lacks. A rewritten claim, a search query, an extracted claim or an uncited sentence must not.
struct Grounding: Sendable {
    /// The words of the given text, lower-cased.
    let known: Set<String>

    init(_ texts: [String]) {
        known = Set(texts.flatMap(Words.matching))
    }

    /// The numbers and names of `text` that the given text lacks.
    func unknownFacts(in text: String) -> [String] {
        Words.runs(text).enumerated().compactMap { index, word in
            let isName = index > 0 && word.first?.isUppercase == true
            return (isName || word.contains(where: \.isNumber)) && !known.contains(word.lowercased()) ? word : nil
        }
    }

    func isGrounded(_ text: String) -> Bool { unknownFacts(in: text).isEmpty }

    /// Whether `text` shares a word of at least four letters with the given text.
    func overlaps(_ text: String) -> Bool {
        Words.runs(text).contains { $0.count >= 4 && known.contains($0.lowercased()) }
    }
}
