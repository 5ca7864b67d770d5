import English

/// Content words of report text, and how much two texts share them.
enum ReportTokens {
    /// Distinct content words (numbers, and words of two or more letters that are not stop words; negations count),
    /// each in its singular so "states" matches "state".
    static func content(_ text: String) -> Set<String> {
        Set(Words.matching(text).lazy.filter { ($0.count > 1 || $0.allSatisfy(\.isNumber)) && !StopWords.content.contains($0) }
            .map(Plural.singular))
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
