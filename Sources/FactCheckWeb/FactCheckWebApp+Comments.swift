import FactCheckCore
import Foundation
import Hummingbird

extension FactCheckWebApp {
    func addCommentRoutes(to router: RouteTable) {
        router.post("/fact-checks/:slug/comments") { request, context in
            let slug = try context.parameters.require("slug")
            let form = try await form(request)
            try verifyCSRF(request, form: form)
            // Bots fill the hidden "website" field; they are shown success and nothing is stored.
            guard (form["website"] ?? "").isEmpty else { return redirect(to: "/fact-checks/\(slug)#comments") }
            do {
                _ = try await postComment(slug: slug, name: form["name"] ?? "", text: form["text"] ?? "", client: client(request, context: context))
            } catch let error as WebError where error.status == .badRequest || error.status == .tooManyRequests {
                let page = try await checkPage(slug: slug, version: nil, instant: false, comments: (PageRequest(), .oldestFirst),
                                               commentError: error.message,
                                               commentName: String((form["name"] ?? "").prefix(configuration.maxCommenterNameLength)),
                                               commentText: String((form["text"] ?? "").prefix(configuration.maxCommentLength)))
                var response = html(page, status: error.status == .badRequest ? .unprocessableContent : error.status, csrf: csrfToken(request))
                if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
                return response
            }
            return redirect(to: try await lastCommentsPage(slug: slug))
        }
        router.post("/comments/:id/report") { request, context in
            let form = try await form(request)
            try verifyCSRF(request, form: form)
            let comment = try await reportComment(try context.parameters.id("id"), client: client(request, context: context))
            return redirect(to: "/fact-checks/\(comment.slug)#comments")
        }
        router.post("/comments/:id/delete") { request, context in
            let form = try await form(request)
            try verifyCSRF(request, form: form)
            let slug = try await deleteComment(try context.parameters.id("id"), token: form["token"])
            return redirect(to: "/fact-checks/\(slug)#comments")
        }
    }

    /// Validates and stores a comment under `slug`, within the client's rate limit.
    func postComment(slug: String, name: String, text: String, client: String) async throws -> Comment {
        guard try await archive.check(slug: slug, version: nil) != nil else { throw WebError.notFound("This fact check") }
        // Lengths are counted in Unicode scalars, as JSON Schema's maxLength counts them, before anything is removed.
        guard text.unicodeScalars.count <= configuration.maxCommentLength else {
            throw WebError.badRequest("A comment can be at most \(configuration.maxCommentLength) characters; this one has \(text.unicodeScalars.count).")
        }
        let name = Self.singleLine(name)
        let text = Self.plainText(text)
        guard !text.isEmpty else { throw WebError.badRequest("Write a comment before posting.") }
        guard name.count <= configuration.maxCommenterNameLength else {
            throw WebError.badRequest("A name can be at most \(configuration.maxCommenterNameLength) characters.")
        }
        try await limiter.admit("comment:" + client, limit: configuration.commentsPerMinute)
        let comment = try await archive.addComment(slug: slug, name: name, text: text, at: Date())
        metrics.commentPosted()
        await cache.invalidate(slug: slug)
        return comment
    }

    /// The address of the last page of comments under `slug` (oldest first), where a new comment is shown.
    private func lastCommentsPage(slug: String) async throws -> String {
        let total = try await archive.comments(slug: slug, includeHidden: false, page: PageRequest(page: 1, perPage: 1), order: .oldestFirst).total
        let last = ResultPage<Comment>(items: [], request: PageRequest(perPage: configuration.commentsPageSize), total: total).pageCount
        return "/fact-checks/\(slug)" + (last > 1 ? "?comments=\(last)" : "") + "#comments"
    }

    /// Counts a reader's report (one per client and comment); the comment is hidden at the configured number.
    func reportComment(_ id: Int64, client: String) async throws -> Comment {
        try await limiter.admit("report:\(id):" + client, limit: 1)
        guard let comment = try await archive.reportComment(id: id, hideAfter: configuration.hideCommentAfterReports) else {
            throw WebError.notFound("This comment")
        }
        await cache.invalidate(slug: comment.slug)
        return comment
    }

    /// Deletes a comment for an administrator holding the configured token; returns its slug.
    func deleteComment(_ id: Int64, token: String?) async throws -> String {
        guard let expected = configuration.adminToken, !expected.isEmpty, let token, CSRFProtection.constantTimeEqual(expected, token) else {
            throw WebError.forbidden("Deleting comments needs the administrator token.")
        }
        guard let comment = try await archive.deleteComment(id: id) else { throw WebError.notFound("This comment") }
        await cache.invalidate(slug: comment.slug)
        return comment.slug
    }

    /// Text as typed, trimmed, with control characters other than newlines removed and newlines normalised.
    static func plainText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .unicodeScalars.filter { $0 == "\n" || !isControl($0) })).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A one-line field (a name, a search): control characters, line breaks and text-direction overrides removed,
    /// runs of white space made one space, trimmed.
    static func singleLine(_ text: String) -> String {
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) || $0.properties.isWhitespace ? " " : $0 }))
        return kept.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Control characters, line and paragraph separators, and the bidirectional embedding, override and isolate marks.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return (0x202A ... 0x202E).contains(scalar.value) || (0x2066 ... 0x2069).contains(scalar.value)
        }
    }
}
