import Foundation

/// English words that are written in lower case inside a sentence (from Wikipedia; `scripts/make_common_words.py`),
/// so that a claim's capitalised first word can be told apart from a name: "Sunlight", "Bits", "Advanced" are
/// ordinary words, "Japan" and "Tuvalu" are not listed.
public enum CommonWords {
    /// Whether `word` (lower case) or its singular is listed.
    public static func contains(_ word: String) -> Bool {
        words.contains(word) || words.contains(Plural.singular(word))
    }

    private static let words: Set<String> = {
        // Bundled with the module: missing only from a broken build.
        guard let url = Bundle.module.url(forResource: "common_words", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("common_words.txt is missing from the English resources") }
        return Set(text.split(separator: "\n").map(String.init))
    }()
}
