/// Builds safe FTS5 queries: words only, each quoted, common English stop words dropped.
enum FTSQuery {
    static let stopWords: Set<String> = [
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "of", "in", "on", "at", "to", "for", "by",
        "with", "and", "or", "not", "no", "it", "its", "this", "that", "these", "those", "as", "from", "has", "have", "had",
        "do", "does", "did", "but", "if", "than", "then", "so", "such", "there", "their", "they", "he", "she", "his", "her",
        "we", "you", "i", "which", "who", "whom", "what", "when", "where", "why", "how", "all", "any", "can", "will", "would",
        "should", "could", "may", "might", "also", "into", "about", "over", "more", "most", "some",
    ]

    /// Quoted terms of `text` (letters and digits), lower-cased, stop words removed, duplicates dropped.
    static func terms(of text: String) -> [String] {
        var seen = Set<String>()
        var terms: [String] = []
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let term = String(word)
            guard !stopWords.contains(term), seen.insert(term).inserted else { continue }
            terms.append("\"\(term)\"")
        }
        return terms
    }
}
