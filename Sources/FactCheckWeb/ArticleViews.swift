import FactCheckCore
import Foundation
import Stages

/// A stretch of an article's text on its page: plain, or a checked sentence highlighted in its verdict's colour and
/// linked to its fact check.
struct ArticleSegmentView {
    var text: String
    var isClaim = false
    var number = 0
    var verdict = ""
    var verdictClass = ""
    var url = ""
}

struct ArticleParagraphView { var segments: [ArticleSegmentView] }

struct ArticleClaimView {
    var number: Int
    var text: String
    var sentence: String
    var showsSentence: Bool
    var verdict: String
    var verdictClass: String
    var url: String?
    var summary: String
    var confidencePercent: Int
}

struct VerdictCountView {
    var verdict: String
    var verdictClass: String
    var count: Int
}

/// A published article check in a list.
struct ArticleSummaryView {
    var url: String
    var title: String
    var rating: String
    var date: String
    var dateISO: String

    init(_ article: PublishedArticle) {
        url = "/articles/\(article.slug)"
        title = article.report.article.title ?? "Untitled article"
        rating = article.report.rating
        date = ReportDates.long(article.publishedAt)
        dateISO = article.publishedAt.ISO8601Format()
    }
}

struct ArticlePageView {
    var meta: PageMeta
    var title: String
    var sourceURL: String?
    var author: String?
    var published: String?
    var checked: String
    var rating: String
    var counts: [VerdictCountView]
    var paragraphs: [ArticleParagraphView]
    var claims: [ArticleClaimView]
    var hasClaims: Bool

    init(_ article: PublishedArticle, meta: PageMeta) {
        let report = article.report
        self.meta = meta
        title = report.article.title ?? "Untitled article"
        sourceURL = report.article.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
        author = report.article.author
        published = report.article.published.map(ReportDates.long)
        checked = ReportDates.long(article.publishedAt)
        rating = report.rating
        counts = report.verdictCounts.map { VerdictCountView(verdict: $0.verdict.rawValue, verdictClass: $0.verdict.cssClass, count: $0.count) }
        claims = report.claims.enumerated().map { index, checked in
            ArticleClaimView(number: index + 1, text: checked.claim.text, sentence: checked.claim.sentence,
                             showsSentence: checked.claim.sentence != checked.claim.text, verdict: checked.report.verdict.rawValue,
                             verdictClass: checked.report.verdict.cssClass, url: checked.slug.map { "/fact-checks/\($0)" },
                             summary: checked.report.summary, confidencePercent: Int((checked.report.confidence * 100).rounded()))
        }
        hasClaims = !claims.isEmpty
        paragraphs = Self.paragraphs(of: report)
    }

    /// The article's text in paragraphs, each checked sentence highlighted once (by its first claim) and numbered as
    /// that claim is in the list.
    static func paragraphs(of report: ArticleReport) -> [ArticleParagraphView] {
        let text = report.article.text
        var paragraphs: [ArticleParagraphView] = [], current: [ArticleSegmentView] = []
        func addPlain(_ plain: Substring) {
            let parts = plain.split(separator: /\n[ \t]*\n\s*/, omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index > 0, !current.isEmpty {
                    paragraphs.append(ArticleParagraphView(segments: current))
                    current = []
                }
                if !part.isEmpty { current.append(ArticleSegmentView(text: String(part))) }
            }
        }
        var position = text.startIndex
        var highlighted: [TextSpan] = []
        for (index, checked) in report.claims.enumerated() {
            let span = checked.claim.span
            guard !highlighted.contains(where: { $0.overlaps(span) }), let range = span.range(in: text), range.lowerBound >= position else { continue }
            highlighted.append(span)
            addPlain(text[position ..< range.lowerBound])
            current.append(ArticleSegmentView(text: String(text[range]), isClaim: true, number: index + 1, verdict: checked.report.verdict.rawValue,
                                              verdictClass: checked.report.verdict.cssClass, url: checked.slug.map { "/fact-checks/\($0)" } ?? "#claim-\(index + 1)"))
            position = range.upperBound
        }
        addPlain(text[position...])
        if !current.isEmpty { paragraphs.append(ArticleParagraphView(segments: current)) }
        return paragraphs
    }
}

/// The page shown while an article is being checked: refreshed every few seconds without JavaScript, followed live with it.
struct ArticleProgressView {
    struct ClaimProgress {
        var number: Int
        var text: String
        var done: Bool
        var verdict: String?
        var verdictClass: String?
        var url: String?
    }

    var meta: PageMeta
    var job: String
    var title: String
    var status: String
    var claims: [ClaimProgress]
    var checkedCount: Int
    var failure: String?
}

struct ArticleListView {
    var meta: PageMeta
    var articles: [ArticleSummaryView]
    var page: Int
    var pageCount: Int
    var previousURL: String?
    var nextURL: String?
}
