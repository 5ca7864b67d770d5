/// Plural folding for matching: "states" and "state" are the same word, "glass" keeps its "s".
public enum Plural {
    /// `word` (lower case) without a plural "s": words of more than three letters ending in "s" but not "ss".
    public static func singular(_ word: String) -> String {
        word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
    }
}
