import FactCheckCore
import FactCheckWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite struct CommentTests {
    private func published(_ client: WebClient) async throws -> String {
        let location = try #require(try await client.postForm("/checks", [("claim", "NATO was founded in 1949.")]).headers[.location])
        return String(location.dropFirst("/fact-checks/".count))
    }

    @Test func commentIsStoredAndShownAsText() async throws {
        try await WebHarness().run { client in
            let slug = try await published(client)
            let posted = try await client.postForm("/fact-checks/\(slug)/comments", [("name", "Ann <b>"), ("text", "<script>alert('x')</script> & more")])
            #expect(posted.status == .seeOther)
            #expect(posted.headers[.location] == "/fact-checks/\(slug)#comments")
            let html = try await client.get("/fact-checks/\(slug)").text
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more") || html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more"))
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("Ann &lt;b&gt;"))
            #expect(html.contains("Comments (1)"))
        }
    }

    @Test func honeypotAndCSRFAndValidation() async throws {
        try await WebHarness().run { client in
            let slug = try await published(client)
            let bot = try await client.postForm("/fact-checks/\(slug)/comments", [("text", "buy now"), ("website", "http://spam.example")])
            #expect(bot.status == .seeOther)
            #expect(!(try await client.get("/fact-checks/\(slug)").text.contains("buy now")))
            #expect(try await client.postForm("/fact-checks/\(slug)/comments", [("text", "hi")], csrf: false).status == .forbidden)
            let empty = try await client.postForm("/fact-checks/\(slug)/comments", [("name", "Bo"), ("text", "  ")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("Write a comment before posting.") && empty.text.contains(#"value="Bo""#))
            let long = try await client.postForm("/fact-checks/\(slug)/comments", [("text", String(repeating: "x", count: 2001))])
            #expect(long.status == .unprocessableContent)
            #expect(try await client.postForm("/fact-checks/nope/comments", [("text", "hi")]).status == .notFound)
        }
    }

    @Test func rateLimitAnswers429WithRetryAfter() async throws {
        var harness = WebHarness()
        harness.configuration.commentsPerMinute = 2
        try await harness.run { client in
            let slug = try await published(client)
            for n in 1 ... 2 { #expect(try await client.postForm("/fact-checks/\(slug)/comments", [("text", "comment \(n)")]).status == .seeOther) }
            let limited = try await client.postForm("/fact-checks/\(slug)/comments", [("text", "comment 3")])
            #expect(limited.status == .tooManyRequests)
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 > 0)
            let api = try await client.postJSON("/api/v1/checks/\(try await checkID(client, slug))/comments", ["text": "via api"])
            #expect(api.status == .tooManyRequests && api.headers[.retryAfter] != nil)
            #expect((try api.json()["error"] as? [String: Any])?["code"] as? String == "rate_limited")
        }
    }

    @Test func reportsHideAndAdminDeletes() async throws {
        var harness = WebHarness()
        harness.configuration.hideCommentAfterReports = 1
        try await harness.run { client in
            let slug = try await published(client)
            let id = try await checkID(client, slug)
            let first = try await client.postJSON("/api/v1/checks/\(id)/comments", ["name": "A", "text": "first comment"])
            #expect(first.status == .created)
            let firstID = try #require(try first.json()["id"] as? Int)
            let second = try #require(try await client.postJSON("/api/v1/checks/\(id)/comments", ["text": "second comment"]).json()["id"] as? Int)

            #expect(try await client.postForm("/comments/\(firstID)/report", []).status == .seeOther)
            let html = try await client.get("/fact-checks/\(slug)").text
            #expect(!html.contains("first comment") && html.contains("second comment"))
            #expect(try await client.postForm("/comments/\(firstID)/report", []).status == .tooManyRequests, "one report per reader")

            #expect(try await client.execute("/api/v1/comments/\(second)", method: .delete, headers: [.authorization: "Bearer wrong"]).status == .forbidden)
            #expect(try await client.postForm("/comments/\(second)/delete", [("token", "wrong")]).status == .forbidden)
            #expect(try await client.execute("/api/v1/comments/\(second)", method: .delete, headers: [.authorization: "Bearer admin-secret"]).status == .noContent)
            #expect(try await client.execute("/api/v1/comments/\(second)", method: .delete, headers: [.authorization: "Bearer admin-secret"]).status == .notFound)
            let comments = try await client.get("/api/v1/checks/\(id)/comments").json()["comments"] as? [[String: Any]]
            #expect(comments?.isEmpty == true)
        }
    }

    private func checkID(_ client: WebClient, _ slug: String) async throws -> String {
        let list = try await client.get("/api/v1/checks").json()["checks"] as? [[String: Any]] ?? []
        return try #require(list.first { $0["slug"] as? String == slug }?["id"] as? String)
    }
}
