/// A fact before its re-check: a sentence and the sources that state it.
struct ReportFactCandidate {
    let text: String
    let tokens: Set<String>
    var citations: [Int]

    init(text: String, citation: Int) {
        self.text = text
        tokens = ReportTokens.content(text)
        citations = [citation]
    }

    /// Whether `other` says the same: content-word overlap at least `threshold` and the same numbers.
    func sameFact(as other: ReportFactCandidate, threshold: Double) -> Bool {
        ReportTokens.jaccard(tokens, other.tokens) >= threshold && ReportTokens.numbers(tokens) == ReportTokens.numbers(other.tokens)
    }
}
