import FactCheckCore
import Foundation

/// Renders an article report as CommonMark: the article, the overall rating, then each claim in the article's order
/// with its verdict, the sentence it comes from and the summary of its check. Untrusted text is escaped.
public struct ArticleMarkdownRenderer: Sendable {
    private let markdown = MarkdownReportRenderer()

    public init() {}

    public func render(_ report: ArticleReport) -> String {
        let article = report.article
        var blocks = ["# Article check: \(markdown.escape(article.title ?? "Untitled article"))"]
        var about: [String] = []
        if let url = article.url.flatMap(ReportLinks.web) { about.append("[\(markdown.escape(url))](<\(url)>)") }
        if let author = article.author { about.append("by \(markdown.escape(author))") }
        if let published = article.published { about.append("published \(ReportDates.long(published))") }
        about.append("checked \(ReportDates.long(report.date))")
        blocks.append("*" + about.joined(separator: " · ") + "*")
        blocks.append("**Overall: \(markdown.escape(report.rating))**")
        if !report.verdictCounts.isEmpty {
            blocks.append(report.verdictCounts.map { "\($0.verdict.rawValue): \($0.count)" }.joined(separator: " · "))
        }
        blocks.append("## Claims")
        blocks.append(report.claims.isEmpty ? "No check-worthy statement was found in the article." : report.claims.enumerated().map { index, checked in
            var item = "\(index + 1). **\(checked.report.verdict.rawValue)** (confidence \(Int((checked.report.confidence * 100).rounded()))%): "
                + markdown.escape(checked.claim.text)
            if let slug = checked.slug { item += " ([fact check](</fact-checks/\(slug)>))" }
            let indent = String(repeating: " ", count: "\(index + 1). ".count)
            if checked.claim.sentence != checked.claim.text { item += "\n\(indent)> \(markdown.escape(checked.claim.sentence))" }
            item += "\n\n\(indent)\(markdown.escape(checked.report.summary))"
            return item
        }.joined(separator: "\n\n"))
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
