import FactCheckCore
import Foundation
import Hummingbird
import Stages

extension FactCheckWebApp {
    /// Claims offered on the home page.
    static let exampleClaims = [
        "NATO was founded in 1949.",
        "Is Japan in NATO?",
        "NATO has 30 member states.",
        "The Eiffel Tower is in Berlin.",
        "Water boils at 100 degrees Celsius at sea level.",
    ]

    func addPageRoutes(to router: RouteTable) {
        router.get("/") { request, _ in try await home(request) }
        router.post("/checks") { request, context in
            let form = try await form(request, limit: configuration.maxArticleBodyBytes)
            try verifyCSRF(request, form: form)
            if let kind = ArticleService.articleInput(form["claim"] ?? "", maxClaimLength: configuration.maxClaimLength) {
                return try await startArticleFromClaimBox(form["claim"] ?? "", isURL: kind == .url, request: request, context: context)
            }
            let submission: CheckRequest
            do { submission = try await service.prepare(form["claim"] ?? "") } catch let error as WebError where !wantsJSON(request) {
                return try await home(request, claim: form["claim"] ?? "", error: error.message, status: error.status)
            }
            if let earlier = try await service.instantAnswer(for: submission) {
                metrics.checkFinished(outcome: "instant")
                let url = "/fact-checks/\(earlier.slug)?instant=1"
                return wantsJSON(request) ? try json(["url": url, "instant": true]) : redirect(to: url)
            }
            return try await startCheck(submission, request: request, context: context)
        }
        router.post("/fact-checks/:slug/recheck") { request, context in
            let form = try await form(request)
            try verifyCSRF(request, form: form)
            let slug = try context.parameters.require("slug")
            guard let latest = try await archive.check(slug: slug, version: nil) else { throw WebError.notFound("This fact check") }
            return try await startCheck(try await service.prepare(latest.report.claim), request: request, context: context)
        }
        router.get("/jobs/:id/events") { _, context in
            guard let job = try await service.job(id: try context.parameters.require("id")) else { throw WebError.notFound("This check") }
            return progressStream(job)
        }
        router.get("/fact-checks") { request, _ in try await listing(request) }
        router.get("/fact-checks/:slug") { request, context in
            let slug = try context.parameters.require("slug")
            let version = try request.optionalInteger("version", in: 1 ... PageRequest.maxPage)
            let comments = try commentPage(request)
            let instant = request.uri.queryParameters["instant"] == "1"
            let key = "\(slug)|\(version.map(String.init) ?? "latest")|\(instant)|\(comments.page.page)|\(comments.order.rawValue)"
            let csrf = csrfToken(request)
            let revision = try await archive.revision(slug: slug)  // read before rendering: a change meanwhile makes the copy stale
            if let cached = await cache.page(key, revision: revision) { return html(cached, csrf: csrf) }
            let page = RenderedPage(try await checkPage(slug: slug, version: version, instant: instant, comments: comments),
                                    placeholder: Self.csrfPlaceholder)
            await cache.store(page, key: key, slug: slug, revision: revision)
            return html(page, csrf: csrf)
        }
    }

    /// The claim box was given a link or a whole text: it is checked as an article; the script is sent to the progress
    /// page, a plain form redirected there; a text that cannot be checked comes back with the reason beside the box.
    private func startArticleFromClaimBox(_ text: String, isURL: Bool, request: Request, context: AppRequestContext) async throws -> Response {
        let job: ArticleJob
        do {
            let article = try await articles.article(text: isURL ? nil : text, url: isURL ? text : nil, title: nil)
            job = try await startArticle(article, request: request, context: context)
        } catch let error as WebError where !wantsJSON(request) {
            return try await home(request, claim: text, error: error.message, status: error.status)
        }
        return wantsJSON(request) ? try json(["url": "/articles/jobs/\(job.id)"], status: .accepted) : redirect(to: "/articles/jobs/\(job.id)")
    }

    /// Whether the client is the page's script (or an API-style client) rather than a plain form post.
    func wantsJSON(_ request: Request) -> Bool {
        request.headers[.accept]?.contains("application/json") == true
    }

    /// The page and order of comments shown under a check (`comments` and `comments_order` query parameters).
    func commentPage(_ request: Request) throws -> (page: PageRequest, order: CommentOrder) {
        (try request.pageRequest(perPage: configuration.commentsPageSize, pageParameter: "comments"),
         try request.commentOrder("comments_order", fallback: .oldestFirst))
    }

    /// Queues a check (or joins the one running for the same claim): the script gets the job to follow at once (202);
    /// a plain form waits and is redirected to the page.
    private func startCheck(_ submission: CheckRequest, request: Request, context: AppRequestContext) async throws -> Response {
        try await limiter.admit("check:" + client(request, context: context), limit: configuration.checkSubmissionsPerMinute)
        let (job, joined) = try await service.submit(submission)
        // With the request id (the context's logger carries it): ties the stages' lines about the claim to the request.
        context.logger.info("check submitted", metadata: ["job": "\(job.id)", "claim": "\(submission.claim.id)", "joined": "\(joined)"])
        if wantsJSON(request) {
            return try json(["job": job.id, "events": "/jobs/\(job.id)/events"], status: .accepted)
        }
        let check = try await job.result()
        await cache.invalidate(slug: check.slug)
        return redirect(to: "/fact-checks/\(check.slug)")
    }

    /// Server-sent events: one `stage` event per pipeline step, then `done` with the page's URL and where evidence was
    /// searched (or `failed`).
    private func progressStream(_ job: CheckJob) -> Response {
        let steps = PipelineStage.allCases
        let cache = cache
        let body = ResponseBody { writer in
            for await event in job.updates() {
                let (name, payload): (String, [String: Any])
                switch event {
                case .queued:
                    (name, payload) = ("stage", ["stage": "queued", "message": "Waiting for a free checker", "step": 0, "steps": steps.count])
                case let .stage(stage):
                    (name, payload) = ("stage", ["stage": stage.rawValue, "message": stage.progressMessage,
                                                 "step": (steps.firstIndex(of: stage) ?? 0) + 1, "steps": steps.count])
                case let .published(check):
                    await cache.invalidate(slug: check.slug)
                    var done: [String: Any] = ["url": "/fact-checks/\(check.slug)", "verdict": check.report.verdict.rawValue]
                    if let providers = ProviderSummary.line(check.report.providers) { done["providers"] = providers }
                    (name, payload) = ("done", done)
                case let .failed(message):
                    (name, payload) = ("failed", ["message": message])
                case .unreachable:
                    (name, payload) = ("failed", ["message": "We lost touch with the check: \(StorageFailure.unavailable). It may still finish; reload this page later."])
                }
                try await writer.write(Self.serverSentEvent(name, payload))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    /// The home page, with what the user typed and an error beside the claim form or the article form.
    func home(_ request: Request, claim: String = "", error: String? = nil, articleText: String = "", articleURL: String = "",
              articleError: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let recent = try await archive.list(PageRequest(page: 1, perPage: 6), verdict: nil).items.map(CheckSummaryView.init)
        let view = HomeView(
            meta: meta(title: "FactCheck — check a claim against the evidence",
                       description: "Type a claim; FactCheck finds evidence, weighs each source and publishes a cited fact check. Free, no registration.",
                       path: "/", section: "home"),
            examples: Self.exampleClaims, recent: recent, hasRecent: !recent.isEmpty, claim: claim, error: error,
            articleText: articleText, articleURL: articleURL, articleError: articleError
        )
        return html(pages.render(view, template: "home"), status: status, csrf: csrfToken(request))
    }

    /// The rendered page of a check (with the CSRF placeholder) showing one page of its comments, optionally with a
    /// comment form error.
    func checkPage(slug: String, version: Int?, instant: Bool, comments commentPage: (page: PageRequest, order: CommentOrder),
                   commentError: String? = nil, commentName: String = "", commentText: String = "") async throws -> String {
        guard let check = try await archive.check(slug: slug, version: version) else { throw WebError.notFound("This fact check") }
        let versions = try await archive.versions(slug: slug)
        let comments = try await archive.comments(slug: slug, includeHidden: false, page: commentPage.page, order: commentPage.order)
        let path = "/fact-checks/\(slug)"
        let jsonLD = try ClaimReviewRenderer().render(check.report, url: configuration.publicURL + path)
        var view = CheckPageView(
            check: check, versions: versions, comments: comments, commentOrder: commentPage.order,
            meta: meta(title: "Fact Check: \(check.report.claim)", description: "\(check.report.verdict.rawValue). \(check.report.summary)",
                       path: path, jsonLD: jsonLD, ogType: "article"),
            instant: instant, configuration: configuration
        )
        view.commentError = commentError
        view.commentName = commentName
        view.commentText = commentText
        return pages.render(view, template: "check")
    }

    private func listing(_ request: Request) async throws -> Response {
        let query = String(Self.singleLine(String(request.uri.queryParameters["q"] ?? "")).prefix(200))
        let verdict = request.uri.queryParameters["verdict"].flatMap { Verdict(urlName: String($0)) }
        let pageRequest = try request.pageRequest(perPage: configuration.pageSize)
        let page = pageRequest.page
        let checks: [PublishedCheck]
        var pageCount = 1, total = 0
        if query.isEmpty {
            let result = try await archive.list(pageRequest, verdict: verdict)
            (checks, pageCount, total) = (result.items, result.pageCount, result.total)
        } else {
            checks = try await archive.search(query, limit: 50)
            total = checks.count
        }
        func url(page: Int) -> String {
            var items = ["page=\(page)"]
            if let verdict { items.append("verdict=\(verdict.urlName)") }
            return "/fact-checks?" + items.joined(separator: "&")
        }
        let filters = [VerdictFilterView(name: "All", url: "/fact-checks", selected: verdict == nil && query.isEmpty)]
            + Verdict.allCases.map { VerdictFilterView(name: $0.rawValue, url: "/fact-checks?verdict=\($0.urlName)", selected: $0 == verdict) }
        let heading = !query.isEmpty ? "Search results" : verdict.map { "Fact checks rated \($0.rawValue)" } ?? "All fact checks"
        let view = ListView(
            meta: meta(title: "\(heading) — FactCheck", description: "Published fact checks, newest first.", path: "/fact-checks", section: "list"),
            checks: checks.map(CheckSummaryView.init), filters: filters, query: query, isSearch: !query.isEmpty, heading: heading, page: page, pageCount: pageCount,
            total: total, previousURL: query.isEmpty && page > 1 ? url(page: page - 1) : nil,
            nextURL: query.isEmpty && page < pageCount ? url(page: page + 1) : nil
        )
        return html(pages.render(view, template: "list"), csrf: csrfToken(request))
    }
}
