/// Content words of report text, and how much two texts share them.
enum ReportTokens {
    /// Words that carry no content. Negations ("not", "no", "never") are kept: they change a statement's meaning.
    private static let stopwords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as",
        "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "there",
        "their", "they", "he", "she", "his", "her", "which", "who", "whom", "what", "when", "where", "has", "have",
        "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "also", "than", "then", "so",
        "such", "into", "about", "i", "we", "you", "our", "your",
    ]

    /// Lower-cased runs of letters and digits, in order.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Distinct content words (numbers, and words of two or more letters that are not stopwords), with a plural
    /// "s" stripped so "states" matches "state".
    static func content(_ text: String) -> Set<String> {
        Set(words(text).lazy.filter { ($0.count > 1 || $0.allSatisfy(\.isNumber)) && !stopwords.contains($0) }.map { word in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
        })
    }

    /// The tokens that are numbers; facts with different numbers are never merged.
    static func numbers(_ tokens: Set<String>) -> Set<String> {
        tokens.filter { $0.allSatisfy(\.isNumber) }
    }

    /// |a ∩ b| / |a ∪ b|, 0 when both are empty.
    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
