import English
/// Builds safe FTS5 queries: words only, each quoted, the search's stop words dropped.
enum FTSQuery {
    /// Quoted terms of `text` (letters and digits), lower-cased, stop words removed, duplicates dropped.
    static func terms(of text: String) -> [String] {
        var seen = Set<String>()
        var terms: [String] = []
        for term in Words.matching(text) {
            guard !StopWords.search.contains(term), seen.insert(term).inserted else { continue }
            terms.append("\"\(term)\"")
        }
        return terms
    }
}
