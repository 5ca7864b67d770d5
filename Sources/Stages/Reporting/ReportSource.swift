import FactCheckCore

/// A source passage chosen for the report, with its number and the stance shown for it.
struct ReportSource {
    /// 1-based number, as cited with `[n]`.
    let n: Int
    let evidence: Evidence
    /// Whether the verdict's key evidence includes this passage.
    let isKey: Bool
    /// The most probable stance if it leads the runner-up by the configured margin, else NOT_ENOUGH_INFO.
    let stance: Stance
    /// The passage with whitespace collapsed: what is shown and what facts are re-checked against.
    let passage: String

    init(n: Int, evidence: Evidence, isKey: Bool, stanceMargin: Double) {
        self.n = n
        self.evidence = evidence
        self.isKey = isKey
        let ranked = Stance.allCases.sorted { evidence.stance[$0] > evidence.stance[$1] }
        stance = evidence.stance[ranked[0]] - evidence.stance[ranked[1]] >= stanceMargin ? ranked[0] : .notEnoughInfo
        passage = ReportSentences.collapse(evidence.passage.text)
    }

    /// How the source is named in prose: its publisher, else its domain.
    var name: String {
        let publisher = ReportSentences.collapse(evidence.source.publisher ?? "")
        return publisher.isEmpty ? evidence.source.domain : publisher
    }

    var cited: Report.CitedSource {
        let source = evidence.source
        return Report.CitedSource(n: n, title: source.title, url: source.url, publisher: source.publisher, published: source.published,
                                  stance: stance, passage: passage, credibility: evidence.credibility)
    }
}
