import FactCheckCore

/// Renders a report as a semantic HTML fragment (an `<article>`). All report text is HTML-escaped; `[n]` markers
/// link to `#source-n`; only http(s) URLs are linked; no scripts, styles or event handlers are emitted. The verdict
/// badge has the classes `verdict-badge` and `verdict-<verdict>` (e.g. `verdict-mostly-true`).
public struct HTMLReportRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        let count = report.sources.count
        let verdictClass = "verdict-" + report.verdict.rawValue.lowercased().replacingOccurrences(of: " ", with: "-")
        var html = [
            #"<article class="fact-check" lang="en">"#,
            "<header>",
            #"<h1>Fact Check: <span class="claim">\#(escape(report.claim))</span></h1>"#,
            #"<p class="report-date">Published <time datetime="\#(ReportDates.iso(report.date))">\#(ReportDates.long(report.date))</time></p>"#,
            #"<p class="verdict">Verdict: <strong class="verdict-badge \#(verdictClass)">\#(escape(report.verdict.rawValue))</strong> "#
                + #"<span class="confidence">(confidence \#(Int((report.confidence * 100).rounded()))%)</span></p>"#,
            "</header>",
            #"<section class="summary" aria-label="Summary">"#,
            "<p>\(linked(escape(report.summary), sources: count))</p>",
            "</section>",
            #"<section class="what-we-know" aria-labelledby="what-we-know">"#,
            #"<h2 id="what-we-know">What We Know</h2>"#,
        ]
        if report.whatWeKnow.isEmpty {
            html.append("<p>No statement could be confirmed against the sources.</p>")
        } else {
            html.append(#"<ol class="facts">"#)
            html += report.whatWeKnow.map { fact in
                "<li>\(escape(fact.text)) " + fact.citations.map(citation).joined(separator: " ") + "</li>"
            }
            html.append("</ol>")
        }
        html += [
            "</section>",
            #"<section class="analysis" aria-labelledby="analysis">"#,
            #"<h2 id="analysis">Analysis</h2>"#,
        ]
        html += report.analysis.map { item in
            let title = report.sources.first { $0.n == item.source }.map { " <cite>\(escape($0.title))</cite>" } ?? ""
            return #"<p class="source-analysis"><strong>\#(citation(item.source))\#(title)</strong>: \#(linked(escape(item.text), sources: count))</p>"#
        }
        html += [
            "</section>",
            #"<section class="conclusion" aria-labelledby="conclusion">"#,
            #"<h2 id="conclusion">Conclusion</h2>"#,
            "<p>\(linked(escape(report.conclusion), sources: count))</p>",
            "</section>",
            #"<section class="sources" aria-labelledby="sources">"#,
            #"<h2 id="sources">Sources</h2>"#,
        ]
        if report.sources.isEmpty {
            html.append("<p>No sources.</p>")
        } else {
            html.append(#"<ol class="sources">"#)
            html += report.sources.map(sourceItem)
            html.append("</ol>")
        }
        if let providers = ProviderSummary.line(report.providers) { html.append(#"<p class="providers">\#(escape(providers))</p>"#) }
        html += report.readerNotes.map { #"<p class="note">\#(escape($0))</p>"# }
        html += ["</section>", "</article>"]
        return html.joined(separator: "\n") + "\n"
    }

    private func sourceItem(_ source: Report.CitedSource) -> String {
        var parts = ["<cite>\(escape(source.title))</cite>"]
        if let publisher = source.publisher, !publisher.isEmpty { parts.append(#"<span class="publisher">\#(escape(publisher))</span>"#) }
        if let url = ReportLinks.web(source.url) {
            parts.append(#"<a href="\#(escape(url))" rel="nofollow noopener noreferrer">\#(escape(url))</a>"#)
        } else {
            parts.append(#"<span class="unlinked-url">\#(escape(source.url))</span>"#)
        }
        if let published = source.published {
            parts.append(#"<time datetime="\#(ReportDates.iso(published))">\#(ReportDates.long(published))</time>"#)
        }
        parts.append(#"<span class="source-type">\#(escape(source.credibility.type.displayName))</span>"#)
        return #"<li id="source-\#(source.n)" value="\#(source.n)">"# + parts.joined(separator: " · ")
            + #"<blockquote class="passage">\#(escape(source.passage))</blockquote></li>"#
    }

    private func citation(_ n: Int) -> String {
        "<a class=\"citation\" href=\"#source-\(n)\" aria-label=\"Source \(n)\">[\(n)]</a>"
    }

    /// `[n]` markers for existing sources in escaped text turned into links.
    private func linked(_ escaped: String, sources: Int) -> String {
        escaped.replacing(#/\[(\d+)\]/#) { match in
            guard let n = Int(match.output.1), n >= 1, n <= sources else { return String(match.output.0) }
            return citation(n)
        }
    }

    /// `text` safe as HTML element content and as a double- or single-quoted attribute value.
    private func escape(_ text: String) -> String {
        var escaped = ""
        for char in text {
            switch char {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(char)
            }
        }
        return escaped
    }
}
