import FactCheckCore
import FactCheckWeb
import FactCheckWebTesting
import Foundation
import HTTPTypes
#if canImport(FoundationXML)
import FoundationXML
#endif
import HummingbirdTesting
import Testing

@Suite struct PageTests {
    @Test func homeHasClaimBoxSecurityHeadersAndCSRFCookie() async throws {
        try await WebHarness().run { client in
            let response = try await client.client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.contains("Have a claim you want to verify?"))
            #expect(response.text.contains("Free, no registration"))
            #expect(response.text.contains(#"name="csrf" value="\#(client.csrf)""#) == false, "a new reader gets a fresh token")
            let csp = try #require(response.headers[.contentSecurityPolicy])
            #expect(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[.init("Referrer-Policy")!] != nil)
            #expect(response.headers[.init("X-Request-Id")!]?.count == 16)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("fc_csrf=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(!response.text.contains("<script>"), "no inline script")
        }
    }

    @Test func formPostWithoutCSRFIsRefused() async throws {
        try await WebHarness().run { client in
            let response = try await client.postForm("/checks", [("claim", "NATO was founded in 1949.")], csrf: false)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Reload the page"))
        }
    }

    @Test func plainFormCheckPublishesPageAndRepeatIsInstant() async throws {
        try await WebHarness().run { client in
            let response = try await client.postForm("/checks", [("claim", "NATO was founded in 1949.")])
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location == "/fact-checks/nato-was-founded-in-1949")
            let page = try await client.get(location)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<title>Fact Check: NATO was founded in 1949.</title>"))
            #expect(html.contains(#"<p class="verdict verdict-true">True</p>"#))
            #expect(html.contains("What We Know") && html.contains("Analysis") && html.contains("Conclusion") && html.contains("Sources"))
            #expect(html.contains(##"href="#source-1""##) && html.contains(#"id="source-1""#))
            #expect(html.contains(#"<script type="application/ld+json">"#) && html.contains("ClaimReview"))
            #expect(html.contains(#"<meta property="og:title" content="Fact Check: NATO was founded in 1949.">"#))
            #expect(html.contains(#"<link rel="canonical" href="https://factcheck.example/fact-checks/nato-was-founded-in-1949">"#))
            #expect(html.contains(#"name="csrf" value="\#(client.csrf)""#), "the cached page carries this reader's token")

            let again = try await client.postForm("/checks", [("claim", "nato was founded in 1949")])
            #expect(again.headers[.location] == "/fact-checks/nato-was-founded-in-1949?instant=1")
            #expect(try await client.get("/fact-checks/nato-was-founded-in-1949?instant=1").text.contains("We have already checked this claim"))
        }
    }

    /// A report's notes (an LLM that could not help) are shown on its page, as text.
    @Test func reportNotesAreShownAsText() async throws {
        let harness = WebHarness()
        var (report, _) = try await TestPipeline.make().check("NATO has 30 member states.")
        report.notes = ["The LLM judge (<b>tiny</b>) could not weigh the evidence."]
        let check = try await harness.archive.publish(report, claimEmbedding: [])
        try await harness.run { client in
            let page = try await client.get("/fact-checks/\(check.slug)").text
            #expect(page.contains(#"<p class="note">The LLM judge (&lt;b&gt;tiny&lt;/b&gt;) could not weigh the evidence.</p>"#))
        }
    }

    /// Hostile text from a source (its title, publisher, passage and a `javascript:` URL) is escaped on the page and
    /// never linked.
    @Test func hostileSourceTextIsEscapedAndNotLinked() async throws {
        let harness = WebHarness()
        let attack = "<script>alert(1)</script> \"quoted\" & more"
        let hostile = Source(id: SourceID("evil"), url: " JavaScript:alert(1)", title: "NATO \(attack)", publisher: "\"Evil\" & <b>Co</b>",
                             domain: "evil.example")
        let sneaky = Source(id: SourceID("sneaky"), url: "https://example.org/a\"onmouseover=\"alert(1)", title: "NATO history",
                            publisher: "Fine", domain: "example.org")
        let pipeline = try TestPipeline.make(passages: [(hostile, "NATO was founded in 1949, \(attack)."),
                                                        (sneaky, "NATO was founded in 1949 in Washington.")])
        let (report, _) = try await pipeline.check("NATO was founded in 1949.")
        let check = try await harness.archive.publish(report, claimEmbedding: [])
        try await harness.run { client in
            let page = try await client.get("/fact-checks/\(check.slug)").text
            #expect(!page.lowercased().contains("<script>alert"))
            #expect(!page.contains("<b>Co"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.lowercased().contains(#"href=" javascript"#) && !page.lowercased().contains(#"href="javascript"#))
            #expect(!page.contains(#"onmouseover="alert"#))
        }
    }

    /// An earlier check is offered for a claim worded alike only when it states the same numbers.
    @Test func instantAnswersKeepToTheSameNumbers() async throws {
        var harness = WebHarness()
        harness.embedder = HashingEmbedder()
        harness.configuration.instantAnswerSimilarity = 0.5
        try await harness.run { client in
            _ = try await client.postForm("/checks", [("claim", "NATO has 30 member states.")])
            let reworded = try await client.postForm("/checks", [("claim", "NATO has 30 member countries.")])
            #expect(reworded.headers[.location] == "/fact-checks/nato-has-30-member-states?instant=1")
            let otherNumber = try await client.postForm("/checks", [("claim", "NATO has 32 member states.")])
            #expect(otherNumber.headers[.location] == "/fact-checks/nato-has-32-member-states", "a new check, not the one of 30")
        }
    }

    @Test func questionIsCheckedAsTheClaimItTests() async throws {
        try await WebHarness().run { client in
            let location = try #require(try await client.postForm("/checks", [("claim", "Was NATO founded in 1949?")]).headers[.location])
            let html = try await client.get(location).text
            #expect(html.contains("Fact Check: Was NATO founded in 1949?"))
            #expect(html.contains("Claim tested: <q>NATO was founded in 1949"))
        }
    }

    @Test func invalidClaimsReRenderTheFormWithAMessage() async throws {
        try await WebHarness().run { client in
            let empty = try await client.postForm("/checks", [("claim", "   ")])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("Type a claim to check."))
            // Longer than a claim: read as an article, which makes no check-worthy statement.
            let long = try await client.postForm("/checks", [("claim", String(repeating: "word ", count: 400))])
            #expect(long.status == .unprocessableContent)
            #expect(long.text.contains(#"id="claim-error""#) && long.text.contains("No check-worthy statement"))
            let hostile = try await client.postForm("/checks", [("claim", "<img src=x onerror=alert(1)> \u{0}")])
            #expect(hostile.status == .badRequest)
            #expect(!hostile.text.contains("<img src=x"))
        }
    }

    @Test func scriptSubmissionStreamsProgressThenTheURL() async throws {
        try await WebHarness().run { client in
            let response = try await client.postForm("/checks", [("claim", "NATO has 30 member states.")], accept: "application/json")
            #expect(response.status == .accepted)
            let events = try #require(try response.json()["events"] as? String)
            let stream = try await client.get(events)
            #expect(stream.headers[.contentType] == "text/event-stream")
            let text = stream.text
            for stage in PipelineStage.allCases { #expect(text.contains(#""stage":"\#(stage.rawValue)""#)) }
            #expect(text.contains("event: done"))
            #expect(text.contains(#""url":"/fact-checks/nato-has-30-member-states""#))
            #expect(text.contains(#""providers":"Evidence searched: the local knowledge base ("#), "the stream says where evidence was searched")
            let page = try await client.get("/fact-checks/nato-has-30-member-states").text
            #expect(page.contains(#"<p class="providers">Evidence searched: the local knowledge base ("#))
            #expect(["verdict-false", "verdict-mostly-false", "verdict-outdated"].contains { page.contains(#"<p class="verdict \#($0)">"#) })
            #expect(try await client.get("/jobs/no-such-job/events").status == .notFound)
        }
    }

    @Test func checkAgainAddsAVersionAndKeepsHistory() async throws {
        try await WebHarness().run { client in
            _ = try await client.postForm("/checks", [("claim", "NATO was founded in 1949.")])
            let again = try await client.postForm("/fact-checks/nato-was-founded-in-1949/recheck", [])
            #expect(again.headers[.location] == "/fact-checks/nato-was-founded-in-1949")
            let html = try await client.get("/fact-checks/nato-was-founded-in-1949").text
            #expect(html.contains("History") && html.contains("Version 1") && html.contains("Version 2"))
            let old = try await client.get("/fact-checks/nato-was-founded-in-1949?version=1").text
            #expect(old.contains("You are reading version 1"))
            #expect(try await client.get("/fact-checks/nato-was-founded-in-1949?version=9").status == .notFound)
        }
    }

    @Test func listingFiltersSearchFeedAndSitemap() async throws {
        try await WebHarness().run { client in
            _ = try await client.postForm("/checks", [("claim", "NATO was founded in 1949.")])
            _ = try await client.postForm("/checks", [("claim", "NATO has 30 member states.")])
            _ = try await client.postForm("/checks", [("claim", "The Eiffel Tower is in Berlin.")])
            let all = try await client.get("/fact-checks").text
            #expect(all.contains("NATO was founded in 1949.") && all.contains("NATO has 30 member states."))
            let onlyTrue = try await client.get("/fact-checks?verdict=true").text
            #expect(onlyTrue.contains("NATO was founded in 1949.") && !onlyTrue.contains("NATO has 30 member states."))
            let search = try await client.get("/fact-checks?q=eiffel").text
            #expect(search.contains("The Eiffel Tower is in Berlin.") && !search.contains(">NATO has 30 member states.<"))
            let feed = try await client.get("/feed.atom")
            #expect(feed.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
            #expect(feed.text.contains("<entry>") && feed.text.contains("https://factcheck.example/fact-checks/nato-was-founded-in-1949"))
            #expect(XMLParser(data: Data(feed.text.utf8)).parse(), "the feed is well-formed XML")
            let sitemap = try await client.get("/sitemap.xml")
            #expect(sitemap.text.contains("<loc>https://factcheck.example/fact-checks/nato-has-30-member-states</loc>"))
            #expect(XMLParser(data: Data(sitemap.text.utf8)).parse())
            #expect(try await client.get("/robots.txt").text.contains("Sitemap: https://factcheck.example/sitemap.xml"))
        }
    }

    @Test func unknownPagesAndStaticFiles() async throws {
        try await WebHarness().run { client in
            let missing = try await client.get("/no/such/page")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType]?.hasPrefix("text/html") == true && missing.text.contains("Reference:"))
            #expect(try await client.get("/fact-checks/never-checked").status == .notFound)
            #expect(try await client.get("/static/app.css").headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(try await client.get("/static/app.js").text.contains("EventSource"))
            #expect(try await client.get("/static/icon.svg").status == .ok)
        }
    }

    @Test func oversizedFormIsRefused() async throws {
        try await WebHarness().run { client in
            let response = try await client.postForm("/checks", [("claim", String(repeating: "a", count: 1_000_000))])
            #expect(response.status == .contentTooLarge)
        }
    }
}
