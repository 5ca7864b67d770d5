import FactCheckCore
import Foundation
import Stages

/// What every page's `<head>` needs.
struct PageMeta {
    var title: String
    var description: String
    var canonicalURL: String
    var ogType = "website"
    /// ClaimReview JSON-LD, already escaped for a `<script>` data block.
    var jsonLD: String?
    var csrfToken: String
    /// Mark the current navigation item.
    var isHome = false
    var isList = false
    var isArticles = false
    /// Reload the page after this many seconds when scripts do not run (a page that shows progress).
    var refreshSeconds: Int?
}

/// A published check in a list.
struct CheckSummaryView {
    var url: String
    var claim: String
    var verdict: String
    var verdictClass: String
    var date: String
    var dateISO: String
    var summary: String

    init(_ check: PublishedCheck) {
        url = "/fact-checks/\(check.slug)"
        claim = check.report.claim
        verdict = check.report.verdict.rawValue
        verdictClass = check.report.verdict.cssClass
        date = ReportDates.long(check.publishedAt)
        dateISO = check.publishedAt.ISO8601Format()
        summary = check.report.summary
    }
}

struct HomeView {
    var meta: PageMeta
    var examples: [String]
    var recent: [CheckSummaryView]
    var hasRecent: Bool
    var claim = ""
    var error: String?
    var articleText = ""
    var articleURL = ""
    var articleError: String?
}

struct CitationView { var n: Int }

struct FactView {
    var text: String
    var citations: [CitationView]
}

struct AnalysisView {
    var n: Int
    var title: String
    var text: String
}

struct SourceView {
    var n: Int
    var title: String
    var url: String
    var isLink: Bool
    var publisher: String?
    var published: String?
    var type: String
    var credibilityPercent: Int
    var credibilityLevel: String
    var reason: String
    var stance: String
    var stanceClass: String
    var passage: String
}

struct VersionView {
    var version: Int
    var url: String
    var date: String
    var verdict: String
    var verdictClass: String
    var isCurrent: Bool
}

struct CommentView {
    var id: Int64
    var name: String
    var text: String
    var date: String
    var dateISO: String
}

struct CheckPageView {
    var meta: PageMeta
    var slug: String
    var claim: String
    var normalizedClaim: String
    var showNormalized: Bool
    var date: String
    var dateISO: String
    var verdict: String
    var verdictClass: String
    var confidencePercent: Int
    var summary: String
    var facts: [FactView]
    var hasFacts: Bool
    var analysis: [AnalysisView]
    var conclusion: String
    var sources: [SourceView]
    var hasSources: Bool
    /// Where evidence was searched and how each provider answered.
    var providers: String?
    var notes: [String]
    var version: Int
    var versions: [VersionView]
    var hasHistory: Bool
    var isLatest: Bool
    var latestURL: String
    var instant: Bool
    var comments: [CommentView]
    var commentCount: Int
    var commentPage: Int
    var commentPageCount: Int
    var hasCommentPages: Bool
    var previousCommentsURL: String?
    var nextCommentsURL: String?
    /// Links to the other order ("Newest first" or "Oldest first").
    var otherCommentOrderURL: String
    var otherCommentOrderName: String
    var commentName = ""
    var commentText = ""
    var commentError: String?
    var maxCommentLength: Int
    var maxCommenterNameLength: Int

    init(check: PublishedCheck, versions: [PublishedCheck], comments: ResultPage<Comment>, commentOrder: CommentOrder, meta: PageMeta,
         instant: Bool, configuration: WebConfiguration) {
        let report = check.report
        self.meta = meta
        slug = check.slug
        claim = report.claim
        normalizedClaim = report.normalizedClaim
        showNormalized = ClaimKey.matchKey(report.claim) != ClaimKey.matchKey(report.normalizedClaim)
        date = ReportDates.long(report.date)
        dateISO = report.date.ISO8601Format()
        verdict = report.verdict.rawValue
        verdictClass = report.verdict.cssClass
        confidencePercent = Int((report.confidence * 100).rounded())
        summary = report.summary
        facts = report.whatWeKnow.map { FactView(text: $0.text, citations: $0.citations.map(CitationView.init)) }
        let titles = Dictionary(report.sources.map { ($0.n, $0.title) }, uniquingKeysWith: { first, _ in first })
        analysis = report.analysis.map { AnalysisView(n: $0.source, title: titles[$0.source] ?? "Source \($0.source)", text: $0.text) }
        conclusion = report.conclusion
        sources = report.sources.map { source in
            let score = source.credibility.score
            return SourceView(
                n: source.n, title: source.title, url: source.url,
                isLink: source.url.hasPrefix("https://") || source.url.hasPrefix("http://"),
                publisher: source.publisher, published: source.published.map(ReportDates.long),
                type: source.credibility.type.displayName, credibilityPercent: Int((score * 100).rounded()),
                credibilityLevel: score >= 0.75 ? "high" : score >= 0.5 ? "moderate" : "low",
                reason: source.credibility.reason,
                stance: Self.stanceText(source.stance), stanceClass: "stance-" + source.stance.rawValue.lowercased().replacingOccurrences(of: "_", with: "-"),
                passage: source.passage
            )
        }
        version = check.version
        self.versions = versions.map {
            VersionView(version: $0.version, url: "/fact-checks/\($0.slug)?version=\($0.version)", date: ReportDates.long($0.publishedAt),
                        verdict: $0.report.verdict.rawValue, verdictClass: $0.report.verdict.cssClass, isCurrent: $0.id == check.id)
        }
        isLatest = versions.first.map { $0.id == check.id } ?? true
        latestURL = "/fact-checks/\(check.slug)"
        self.instant = instant
        self.comments = comments.items.map {
            CommentView(id: $0.id, name: $0.name.isEmpty ? "Anonymous" : $0.name, text: $0.text,
                        date: ReportDates.long($0.postedAt), dateISO: $0.postedAt.ISO8601Format())
        }
        hasFacts = !facts.isEmpty
        hasSources = !sources.isEmpty
        providers = ProviderSummary.line(report.providers)
        notes = report.readerNotes
        hasHistory = versions.count > 1
        commentCount = comments.total
        commentPage = comments.page
        commentPageCount = comments.pageCount
        hasCommentPages = comments.pageCount > 1
        func commentsURL(page: Int, order: CommentOrder) -> String {
            var items = page > 1 ? ["comments=\(page)"] : []
            if order != .oldestFirst { items.append("comments_order=\(order.rawValue)") }
            return "/fact-checks/\(check.slug)" + (items.isEmpty ? "" : "?" + items.joined(separator: "&")) + "#comments"
        }
        previousCommentsURL = comments.page > 1 ? commentsURL(page: comments.page - 1, order: commentOrder) : nil
        nextCommentsURL = comments.page < comments.pageCount ? commentsURL(page: comments.page + 1, order: commentOrder) : nil
        let otherOrder: CommentOrder = commentOrder == .oldestFirst ? .newestFirst : .oldestFirst
        otherCommentOrderURL = commentsURL(page: 1, order: otherOrder)
        otherCommentOrderName = otherOrder == .newestFirst ? "Newest first" : "Oldest first"
        maxCommentLength = configuration.maxCommentLength
        maxCommenterNameLength = configuration.maxCommenterNameLength
    }

    static func stanceText(_ stance: Stance) -> String {
        switch stance {
        case .supports: "Supports the claim"
        case .refutes: "Contradicts the claim"
        case .notEnoughInfo: "Context only"
        }
    }
}

struct VerdictFilterView {
    var name: String
    var url: String
    var selected: Bool
}

struct ListView {
    var meta: PageMeta
    var checks: [CheckSummaryView]
    var filters: [VerdictFilterView]
    var query: String
    var isSearch: Bool
    var heading: String
    var page: Int
    var pageCount: Int
    var total: Int
    var previousURL: String?
    var nextURL: String?
}

struct ErrorView {
    var meta: PageMeta
    var status: Int
    var message: String
    var requestID: String
}
