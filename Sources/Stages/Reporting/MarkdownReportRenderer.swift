import FactCheckCore

/// Renders a report as CommonMark. Untrusted text is escaped; `[n]` markers become links to the numbered sources,
/// which carry `source-n` anchors; only http(s) URLs are linked.
public struct MarkdownReportRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        let count = report.sources.count
        var blocks = [
            "# Fact Check: \(escape(report.claim))",
            "*\(ReportDates.long(report.date))*",
            "**Verdict: \(escape(report.verdict.rawValue))** (confidence \(Int((report.confidence * 100).rounded()))%)",
            linked(escape(report.summary), sources: count),
            "## What We Know",
        ]
        blocks.append(report.whatWeKnow.isEmpty
            ? "No statement could be confirmed against the sources."
            : report.whatWeKnow.enumerated().map { index, fact in
                "\(index + 1). \(escape(fact.text)) " + fact.citations.map { citation($0) }.joined(separator: " ")
            }.joined(separator: "\n"))
        blocks.append("## Analysis")
        blocks += report.analysis.map { item in
            let title = report.sources.first { $0.n == item.source }.map { " \(escape($0.title))" } ?? ""
            return "**\(citation(item.source))\(title)**: \(linked(escape(item.text), sources: count))"
        }
        blocks += ["## Conclusion", linked(escape(report.conclusion), sources: count), "## Sources"]
        blocks.append(report.sources.isEmpty ? "No sources." : report.sources.map(sourceItem).joined(separator: "\n"))
        if let providers = ProviderSummary.line(report.providers) { blocks.append("*\(escape(providers))*") }
        blocks += report.readerNotes.map { "*\(escape($0))*" }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func sourceItem(_ source: Report.CitedSource) -> String {
        var parts = ["**\(escape(source.title))**"]
        if let publisher = source.publisher, !publisher.isEmpty { parts.append(escape(publisher)) }
        if let url = ReportLinks.web(source.url) {
            parts.append("[\(escape(url))](<\(url)>)")
        } else {
            parts.append("\(escape(source.url)) (not linked)")
        }
        if let published = source.published { parts.append(ReportDates.long(published)) }
        parts.append(source.credibility.type.displayName)
        let marker = "\(source.n). "
        return marker + "<a id=\"source-\(source.n)\"></a>" + parts.joined(separator: " · ")
            + "\n" + String(repeating: " ", count: marker.count) + "> \(escape(source.passage))"
    }

    private func citation(_ n: Int) -> String { "[\\[\(n)\\]](#source-\(n))" }

    /// Escaped `\[n\]` markers for existing sources turned into links.
    private func linked(_ escaped: String, sources: Int) -> String {
        escaped.replacing(#/\\\[(\d+)\\\]/#) { match in
            guard let n = Int(match.output.1), n >= 1, n <= sources else { return String(match.output.0) }
            return citation(n)
        }
    }

    /// `text` on one line with every character Markdown or inline HTML could interpret backslash-escaped, and a
    /// leading list or heading marker neutralised.
    func escape(_ text: String) -> String {
        let collapsed = ReportSentences.collapse(text)
        var escaped = ""
        for char in collapsed {
            if "\\`*_{}[]<>#|~&!".contains(char) { escaped.append("\\") }
            escaped.append(char)
        }
        if let first = escaped.first, "+-=".contains(first) { return "\\" + escaped }
        return escaped.replacing(#/^(\d+)([.)])/#) { "\($0.output.1)\\\($0.output.2)" }
    }
}
