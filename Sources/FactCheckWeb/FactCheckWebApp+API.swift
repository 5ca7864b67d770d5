import FactCheckCore
import Foundation
import Hummingbird
import Stages

extension FactCheckWebApp {
    func addAPIRoutes(to router: RouteTable) {
        let api = router.group("api/v1")
        api.post("checks") { request, context in
            let body = try await jsonBody(request)
            guard let claimText = body["claim"] as? String else { throw WebError.badRequest("Send {\"claim\": \"…\"}.") }
            let submission = try await service.prepare(claimText)
            if let earlier = try await service.instantAnswer(for: submission) {
                metrics.checkFinished(outcome: "instant")
                return try json(checkJSON(earlier, instant: true))
            }
            try await limiter.admit("check:" + client(request, context: context), limit: configuration.checkSubmissionsPerMinute)
            let (job, joined) = try await service.submit(submission)
            context.logger.info("check submitted", metadata: ["job": "\(job.id)", "claim": "\(submission.claim.id)", "joined": "\(joined)"])
            let check = try await job.result()
            await cache.invalidate(slug: check.slug)
            return try json(checkJSON(check, instant: false), status: joined ? .ok : .created,
                            headers: [.location: "\(configuration.publicURL)/api/v1/checks/\(check.id)"])
        }
        api.get("checks") { request, _ in
            let verdict = try request.uri.queryParameters["verdict"].map { value in
                guard let verdict = Verdict.allCases.first(where: { $0.rawValue == value || $0.urlName == value }) else {
                    throw WebError.badRequest("verdict must be one of: " + Verdict.allCases.map(\.rawValue).joined(separator: ", ")
                        + " (or " + Verdict.allCases.map(\.urlName).joined(separator: ", ") + ")")
                }
                return verdict
            }
            let result = try await archive.list(try request.pageRequest(perPage: configuration.pageSize, allowsPerPage: true), verdict: verdict)
            return try json(pageJSON(result, key: "checks", item: summaryJSON))
        }
        api.get("checks/:id") { _, context in
            guard let check = try await archive.check(id: try context.parameters.require("id")) else { throw WebError.notFound("This fact check") }
            return try json(checkJSON(check, instant: false))
        }
        api.get("checks/:id/comments") { request, context in
            let page = try request.pageRequest(perPage: configuration.commentsPageSize, allowsPerPage: true)
            let order = try request.commentOrder(fallback: .oldestFirst)
            guard let check = try await archive.check(id: try context.parameters.require("id")) else { throw WebError.notFound("This fact check") }
            let comments = try await archive.comments(slug: check.slug, includeHidden: false, page: page, order: order)
            var object = pageJSON(comments, key: "comments", item: commentJSON)
            object["order"] = order.rawValue
            return try json(object)
        }
        api.post("checks/:id/comments") { request, context in
            let body = try await jsonBody(request)
            guard let check = try await archive.check(id: try context.parameters.require("id")) else { throw WebError.notFound("This fact check") }
            guard let text = body["text"] as? String, body["name"] == nil || body["name"] is String else {
                throw WebError.badRequest("Send {\"name\": \"…\" (optional), \"text\": \"…\"}.")
            }
            let comment = try await postComment(slug: check.slug, name: body["name"] as? String ?? "", text: text,
                                                client: client(request, context: context))
            return try json(commentJSON(comment), status: .created)
        }
        api.post("comments/:id/report") { request, context in
            let comment = try await reportComment(try context.parameters.id("id"), client: client(request, context: context))
            return try json(commentJSON(comment))
        }
        api.delete("comments/:id") { request, context in
            guard let bearer = request.headers[.authorization].flatMap({ $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }) else {
                throw WebError.unauthorized("Send the administrator token as Authorization: Bearer <token>.")
            }
            _ = try await deleteComment(try context.parameters.id("id"), token: bearer)
            return Response(status: .noContent)
        }
        // Liveness: the process answers (a load balancer restarts it when not).
        router.get("healthz") { _, _ in try json(["status": "ok"]) }
        // Readiness: the database answers and its migrations are current (a load balancer sends no traffic when not).
        router.get("readyz") { _, context in
            do {
                try await archive.checkReady()
                return try json(["status": "ready"])
            } catch {
                context.logger.warning("not ready: \(error)")
                let reason = (error as? StorageFailure)?.description ?? "the database's schema is not current (see the log)"
                return try json(["status": "unavailable", "reason": reason], status: .serviceUnavailable, headers: [.retryAfter: "5"])
            }
        }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }

    /// The JSON object of a request body (`Content-Type: application/json`, within the size limit, or `limit` bytes).
    func jsonBody(_ request: Request, limit: Int? = nil) async throws -> [String: Any] {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw WebError.unsupportedMediaType("application/json")
        }
        let text = try await body(request, limit: limit)
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw WebError.badRequest("The body is not a JSON object.")
        }
        return object
    }

    /// `factcheck check --json`'s report plus the published check's id, slug, version and URLs.
    func checkJSON(_ check: PublishedCheck, instant: Bool) throws -> [String: Any] {
        guard var object = try JSONSerialization.jsonObject(with: Data(try ReportJSON.encode(check.report).utf8)) as? [String: Any] else {
            throw WebError.internalError(reference: check.id)
        }
        object["id"] = check.id
        object["slug"] = check.slug
        object["version"] = check.version
        object["url"] = "\(configuration.publicURL)/fact-checks/\(check.slug)"
        object["published_at"] = check.publishedAt.ISO8601Format()
        object["instant"] = instant
        return object
    }

    /// A page of a listing: its items under `key`, the page number and size, the total and the number of pages.
    private func pageJSON<Item>(_ page: ResultPage<Item>, key: String, item: (Item) -> [String: Any]) -> [String: Any] {
        [key: page.items.map(item), "page": page.page, "per_page": page.perPage, "total": page.total, "pages": page.pageCount]
    }

    private func summaryJSON(_ check: PublishedCheck) -> [String: Any] {
        ["id": check.id, "slug": check.slug, "version": check.version, "url": "\(configuration.publicURL)/fact-checks/\(check.slug)",
         "claim": check.report.claim, "verdict": check.report.verdict.rawValue, "confidence": check.report.confidence,
         "summary": check.report.summary, "published_at": check.publishedAt.ISO8601Format()]
    }

    private func commentJSON(_ comment: Comment) -> [String: Any] {
        ["id": comment.id, "name": comment.name, "text": comment.text, "posted_at": comment.postedAt.ISO8601Format(), "hidden": comment.hidden]
    }
}
