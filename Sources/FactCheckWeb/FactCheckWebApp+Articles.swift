import FactCheckCore
import Foundation
import Hummingbird
import Stages

extension FactCheckWebApp {
    /// Article checks: the form and API that start one, its progress (a page and server-sent events), the published
    /// article pages and their listing.
    func addArticleRoutes(to router: RouteTable) {
        router.post("/articles") { request, context in
            let form = try await form(request, limit: configuration.maxArticleBodyBytes)
            try verifyCSRF(request, form: form)
            let job: ArticleJob
            do {
                let article = try await articles.article(text: form["text"], url: form["url"], title: form["title"])
                job = try await startArticle(article, request: request, context: context)
            } catch let error as WebError where !wantsJSON(request) {
                return try await home(request, articleText: form["text"] ?? "", articleURL: form["url"] ?? "", articleError: error.message, status: error.status)
            }
            if wantsJSON(request) {
                return try json(["job": job.id, "events": "/articles/jobs/\(job.id)/events", "progress": "/articles/jobs/\(job.id)"], status: .accepted)
            }
            return redirect(to: "/articles/jobs/\(job.id)")
        }
        router.get("/articles/jobs/:id") { request, context in
            let id = try context.parameters.require("id")
            guard let job = try await articles.job(id: id), let progress = try await job.progress() else { throw WebError.notFound("This article check") }
            if let published = progress.published { return redirect(to: "/articles/\(published.slug)") }
            let title = job.request.article.title
            let view = ArticleProgressView(
                meta: { var meta = self.meta(title: "Checking: \(title ?? "an article") — FactCheck", description: "An article check in progress.",
                                             path: "/articles/jobs/\(job.id)", section: "articles")
                        meta.refreshSeconds = progress.failure == nil ? 2 : nil
                        return meta }(),
                job: job.id, title: title ?? "Untitled article",
                status: progress.failure != nil ? "The article could not be checked." : "Checked \(progress.checked.count) of \(job.claims.count) claims…",
                claims: job.claims.enumerated().map { index, claim in
                    let checked = progress.checked[index]
                    return .init(number: index + 1, text: claim.text, done: checked != nil, verdict: checked?.verdict.rawValue,
                                 verdictClass: checked?.verdict.cssClass, url: checked?.slug.map { "/fact-checks/\($0)" })
                },
                checkedCount: progress.checked.count, failure: progress.failure
            )
            return html(pages.render(view, template: "article-progress"), csrf: csrfToken(request))
        }
        router.get("/articles/jobs/:id/events") { _, context in
            guard let job = try await articles.job(id: try context.parameters.require("id")) else { throw WebError.notFound("This article check") }
            return articleProgressStream(job)
        }
        router.get("/articles") { request, _ in
            let page = try await archive.articles(try request.pageRequest(perPage: configuration.pageSize))
            let view = ArticleListView(
                meta: meta(title: "Article checks — FactCheck", description: "Articles checked claim by claim, newest first.", path: "/articles", section: "articles"),
                articles: page.items.map(ArticleSummaryView.init), page: page.page, pageCount: page.pageCount,
                previousURL: page.page > 1 ? "/articles?page=\(page.page - 1)" : nil,
                nextURL: page.page < page.pageCount ? "/articles?page=\(page.page + 1)" : nil
            )
            return html(pages.render(view, template: "articles"), csrf: csrfToken(request))
        }
        router.get("/articles/:slug") { request, context in
            let slug = try context.parameters.require("slug")
            guard let article = try await archive.article(idOrSlug: slug), article.slug == slug else { throw WebError.notFound("This article check") }
            let path = "/articles/\(slug)"
            let reviews = try ClaimReviewRenderer().render(article.report.claims.map { checked in
                (checked.report, configuration.publicURL + (checked.slug.map { "/fact-checks/\($0)" } ?? path), article.report.article.url)
            })
            let title = article.report.article.title ?? "Untitled article"
            let view = ArticlePageView(article, meta: meta(title: "Article check: \(title)", description: article.report.rating, path: path,
                                                           section: "articles", jsonLD: reviews, ogType: "article"))
            return html(pages.render(view, template: "article"), csrf: csrfToken(request))
        }

        let api = router.group("api/v1")
        api.post("articles") { request, context in
            let body = try await jsonBody(request, limit: configuration.maxArticleBodyBytes)
            guard body["text"] is String || body["url"] is String, body["title"] == nil || body["title"] is String || body["title"] is NSNull else {
                throw WebError.badRequest("Send {\"text\": \"…\"} or {\"url\": \"https://…\"}, with an optional \"title\".")
            }
            let article = try await articles.article(text: body["text"] as? String, url: body["url"] as? String, title: body["title"] as? String)
            let job = try await startArticle(article, request: request, context: context)
            return try json(articleJobJSON(job, progress: .init(checked: [:])), status: .accepted, headers: [.location: "\(configuration.publicURL)/api/v1/article-jobs/\(job.id)"])
        }
        api.get("article-jobs/:id") { _, context in
            guard let job = try await articles.job(id: try context.parameters.require("id")), let progress = try await job.progress() else {
                throw WebError.notFound("This article check")
            }
            return try json(articleJobJSON(job, progress: progress))
        }
        api.get("articles") { request, _ in
            let page = try await archive.articles(try request.pageRequest(perPage: configuration.pageSize, allowsPerPage: true))
            return try json(["articles": page.items.map(articleSummaryJSON), "page": page.page, "per_page": page.perPage, "total": page.total,
                             "pages": page.pageCount])
        }
        api.get("articles/:id") { _, context in
            guard let article = try await archive.article(idOrSlug: try context.parameters.require("id")) else { throw WebError.notFound("This article check") }
            return try json(articleJSON(article))
        }
    }

    func startArticle(_ article: Article, request: Request, context: AppRequestContext) async throws -> ArticleJob {
        try await limiter.admit("article:" + client(request, context: context), limit: configuration.articleSubmissionsPerMinute)
        return try await articles.submit(article)
    }

    /// Server-sent events: `extracted` with the claims found, `checked` as each claim gets its verdict, then `done`
    /// with the article page's URL (or `failed`).
    private func articleProgressStream(_ job: ArticleJob) -> Response {
        let body = ResponseBody { writer in
            for await event in job.updates() {
                let (name, payload): (String, [String: Any])
                switch event {
                case .queued: (name, payload) = ("status", ["message": "Waiting for a free checker"])
                case let .extracted(claims): (name, payload) = ("extracted", ["claims": claims.map(\.text)])
                case let .checked(claim):
                    var data: [String: Any] = ["index": claim.index, "verdict": claim.verdict.rawValue, "verdict_class": claim.verdict.cssClass]
                    if let slug = claim.slug { data["url"] = "/fact-checks/\(slug)" }
                    (name, payload) = ("checked", data)
                case let .published(article): (name, payload) = ("done", ["url": "/articles/\(article.slug)", "rating": article.report.rating])
                case let .failed(message): (name, payload) = ("failed", ["message": message])
                case .unreachable:
                    (name, payload) = ("failed", ["message": "We lost touch with the check: \(StorageFailure.unavailable). It may still finish; reload this page later."])
                }
                try await writer.write(Self.serverSentEvent(name, payload))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    private func articleJobJSON(_ job: ArticleJob, progress: ArticleJob.Progress) throws -> [String: Any] {
        let status = progress.published != nil ? "published" : progress.failure != nil ? "failed" : "checking"
        var object: [String: Any] = ["id": job.id, "status": status, "claims_checked": progress.checked.count,
                                     "claims_total": job.claims.count, "events": "/articles/jobs/\(job.id)/events"]
        if let failure = progress.failure { object["error"] = failure }
        if let published = progress.published { object["article"] = try articleJSON(published) }
        return object
    }

    private func articleSummaryJSON(_ article: PublishedArticle) -> [String: Any] {
        ["id": article.id, "slug": article.slug, "url": "\(configuration.publicURL)/articles/\(article.slug)",
         "title": article.report.article.title ?? "Untitled article", "rating": article.report.rating, "published_at": article.publishedAt.ISO8601Format()]
    }

    /// The article report (`factcheck check-article --json`) plus the published article's id, slug and URLs, and
    /// each claim's fact-check URL.
    private func articleJSON(_ article: PublishedArticle) throws -> [String: Any] {
        guard var object = try JSONSerialization.jsonObject(with: Data(try ReportJSON.encode(article.report).utf8)) as? [String: Any] else {
            throw WebError.internalError(reference: article.id)
        }
        object["id"] = article.id
        object["slug"] = article.slug
        object["url"] = "\(configuration.publicURL)/articles/\(article.slug)"
        object["published_at"] = article.publishedAt.ISO8601Format()
        if var claims = object["claims"] as? [[String: Any]] {
            for index in claims.indices {
                if let slug = claims[index]["slug"] as? String { claims[index]["url"] = "\(configuration.publicURL)/fact-checks/\(slug)" }
            }
            object["claims"] = claims
        }
        return object
    }
}
