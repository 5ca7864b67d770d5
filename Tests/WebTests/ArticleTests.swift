import FactCheckCore
import FactCheckWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Article checks through the API, the pages (with and without the script's help) and the feed.
@Suite struct ArticleWebTests {
    static let article = """
    NATO facts

    NATO was founded in 1949. NATO has 30 member states. We think NATO is great! Is Japan in NATO?

    The Eiffel <b onmouseover=alert(1)>Tower</b> was completed in 1889 in Paris, the capital of France.
    """

    /// Polls the job until it is published or failed (at most ten seconds).
    private func finished(_ client: WebClient, job: String) async throws -> [String: Any] {
        for _ in 0 ..< 200 {
            let state = try await client.get("/api/v1/article-jobs/\(job)").json()
            if state["status"] as? String != "checking" { return state }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("the article check did not finish")
    }

    @Test func anArticleIsCheckedClaimByClaimAndPublishedWithLinksToEachFactCheck() async throws {
        try await WebHarness().run { client in
            let document = try await client.get("/openapi.json").json()
            let validator = SchemaValidator(document: document)
            let started = try await client.postJSON("/api/v1/articles", ["text": Self.article, "title": "NATO facts"])
            #expect(started.status == .accepted)
            #expect(try validator.validate(started, path: "/api/v1/articles", method: "post").isEmpty)
            let job = try #require(try started.json()["id"] as? String)
            #expect(try started.json()["claims_total"] as? Int == 3)
            let state = try await finished(client, job: job)
            #expect(state["status"] as? String == "published")
            let article = try #require(state["article"] as? [String: Any])
            let claims = try #require(article["claims"] as? [[String: Any]])
            let verdicts = claims.map { (($0["claim"] as? [String: Any])?["text"] as? String ?? "", ($0["report"] as? [String: Any])?["verdict"] as? String ?? "") }
            #expect(verdicts.first { $0.0 == "NATO was founded in 1949." }?.1 == "True", "\(verdicts)")
            #expect(verdicts.first { $0.0 == "NATO has 30 member states." }?.1 == "False", "\(verdicts)")
            #expect((article["rating"] as? String)?.contains("of 3 claims false or outdated") == true)
            let slug = try #require(article["slug"] as? String)
            let stored = try await client.get("/api/v1/articles/\(slug)")
            #expect(try validator.validate(stored, path: "/api/v1/articles/{id}", method: "get").isEmpty)
            let listing = try await client.get("/api/v1/articles")
            #expect(try validator.validate(listing, path: "/api/v1/articles", method: "get").isEmpty)
            #expect(try listing.json()["total"] as? Int == 1)

            let page = try await client.get("/articles/\(slug)")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"class="claim-mark verdict-true""#))
            #expect(page.text.contains(#"class="claim-mark verdict-false""#))
            #expect(page.text.contains("&lt;b onmouseover=alert(1)&gt;Tower&lt;/b&gt;"))
            #expect(!page.text.contains("<b onmouseover"))
            #expect(page.text.contains(#""@type":"ClaimReview""#))
            #expect(page.text.matches(of: /<li id="claim-\d+">/).count == 3, "the list of claims")
            let links = page.text.matches(of: /class="claim-mark [a-z-]+" href="(\/fact-checks\/[a-z0-9-]+)"/).map { String($0.output.1) }
            #expect(links.count == 3)
            for link in links { #expect(try await client.get(link).status == .ok, "\(link)") }
            #expect(try await client.get("/articles").text.contains("/articles/\(slug)"))
            #expect(try await client.get("/feed.atom").text.contains("Article check: NATO facts"))
            #expect(try await client.get("/sitemap.xml").text.contains("/articles/\(slug)"))
        }
    }

    /// The article goes through the queue: the same article sent again joins its job, the stream names the claims, then
    /// each verdict as its claim job is published, then the article page.
    @Test func theSameArticleJoinsOneJobWhoseStreamReportsEachClaim() async throws {
        try await WebHarness(stanceDelay: .milliseconds(20)).run { client in
            let first = try await client.postJSON("/api/v1/articles", ["text": Self.article, "title": "NATO facts"]).json()
            let again = try await client.postJSON("/api/v1/articles", ["text": Self.article, "title": "NATO facts"]).json()
            let job = try #require(first["id"] as? String)
            #expect(again["id"] as? String == job, "joined")
            let stream = try await client.get("/articles/jobs/\(job)/events")
            #expect(stream.headers[.contentType] == "text/event-stream")
            let events = stream.text.matches(of: /event: ([a-z]+)\ndata: ([^\n]*)/).map { (String($0.output.1), String($0.output.2)) }
            #expect(events.first { $0.0 == "extracted" }?.1.contains("NATO was founded in 1949.") == true)
            let checked = events.filter { $0.0 == "checked" }.map(\.1)
            #expect(checked.count == 3, "\(events)")
            for index in 0 ..< 3 { #expect(checked.contains { $0.contains(#""index":\#(index)"#) }) }
            #expect(checked.allSatisfy { $0.contains(#""url":"\/fact-checks\/"#) || $0.contains(#""url":"/fact-checks/"#) })
            #expect(events.last?.0 == "done")
            #expect(try await client.get("/api/v1/article-jobs/\(job)").json()["claims_checked"] as? Int == 3)
            #expect(try await client.get("/articles/jobs/no-such-job/events").status == .notFound)
        }
    }

    @Test func aPlainFormPostFollowsTheProgressPageToTheArticle() async throws {
        try await WebHarness().run { client in
            let posted = try await client.postForm("/articles", [("text", Self.article), ("url", "")])
            #expect(posted.status == .seeOther)
            let progress = try #require(posted.headers[.location])
            #expect(progress.hasPrefix("/articles/jobs/"))
            var location = progress
            for _ in 0 ..< 200 {
                let response = try await client.get(progress)
                if response.status == .seeOther { location = response.headers[.location] ?? ""; break }
                #expect(response.text.contains(#"<noscript><meta http-equiv="refresh" content="2"></noscript>"#))
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(location.hasPrefix("/articles/nato-facts"))
            #expect(try await client.get(location).text.contains("Overall rating"))
        }
    }

    @Test func theClaimBoxTakesALinkOrAWholeTextAsAnArticle() async throws {
        try await WebHarness().run { client in
            let text = try await client.postForm("/checks", [("claim", Self.article)])
            #expect(text.status == .seeOther)
            #expect(text.headers[.location]?.hasPrefix("/articles/jobs/") == true)
            let scripted = try await client.postForm("/checks", [("claim", Self.article)], accept: "application/json")
            #expect(scripted.status == .accepted)
            #expect((try scripted.json()["url"] as? String)?.hasPrefix("/articles/jobs/") == true)
            let link = try await client.postForm("/checks", [("claim", "  http://10.0.0.7/internal  ")])
            #expect(link.status == .unprocessableContent)
            #expect(link.text.contains(#"id="claim-error""#) && link.text.contains("not a public address"))
            let claim = try await client.postForm("/checks", [("claim", "NATO was founded in 1949.")])
            #expect(claim.headers[.location]?.hasPrefix("/fact-checks/") == true)
        }
    }

    @Test func badArticlesGetClearErrorsAndTheServerStaysUp() async throws {
        try await WebHarness().run { client in
            func error(_ body: [String: Any]) async throws -> (HTTPResponse.Status, String) {
                let response = try await client.postJSON("/api/v1/articles", body)
                let message = ((try? response.json())?["error"] as? [String: Any])?["message"] as? String ?? response.text
                return (response.status, message)
            }
            let empty = try await error(["text": "   \n "])
            #expect(empty.0 == .badRequest && empty.1.contains("empty"))
            let noClaims = try await error(["text": "Is this true? We love it! You should read more."])
            #expect(noClaims.0 == .unprocessableContent && noClaims.1.contains("No check-worthy statement"))
            let huge = try await error(["text": String(repeating: "NATO has 32 members. ", count: 5_000)])
            #expect(huge.0 == .contentTooLarge && huge.1.contains("100000 characters"))
            let loopback = try await error(["url": "http://127.0.0.1:9/admin"])
            #expect(loopback.0 == .unprocessableContent && loopback.1.contains("not a public address"))
            let metadata = try await error(["url": "http://169.254.169.254/latest/meta-data/"])
            #expect(metadata.0 == .unprocessableContent && metadata.1.contains("not a public address"))
            let scheme = try await error(["url": "file:///etc/passwd"])
            #expect(scheme.0 == .unprocessableContent && scheme.1.contains("only http and https"))
            #expect(try await error(["title": 5]).0 == .badRequest)
            #expect(try await client.get("/api/v1/article-jobs/missing").status == .notFound)
            #expect(try await client.get("/articles/missing").status == .notFound)
            let form = try await client.postForm("/articles", [("text", ""), ("url", "")])
            #expect(form.status == .badRequest)
            #expect(form.text.contains(#"id="article-error""#) && form.text.contains("The article is empty"))
            #expect(try await client.get("/healthz").status == .ok)
        }
    }
}
