import FactCheckCore
import FactCheckWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The defects found by probing the site as an attacker would, each fixed at its root.
@Suite struct HardeningTests {
    @Test func overflowingAndMalformedNumbersAre400AndTheServerStaysUp() async throws {
        try await WebHarness().run { client in
            let huge = "9223372036854775807"
            for uri in ["/fact-checks?page=\(huge)", "/fact-checks?page=\(huge)&verdict=false", "/api/v1/checks?page=\(huge)",
                        "/api/v1/checks?page=\(huge)&verdict=True", "/api/v1/checks?page=461168601842738792", "/fact-checks?page=0",
                        "/fact-checks?page=-1", "/fact-checks?page=1.5", "/fact-checks?page=abc", "/fact-checks?page=%2B1",
                        "/api/v1/checks?per_page=101", "/api/v1/checks?per_page=0", "/fact-checks?page=99999999999999999999999",
                        "/fact-checks/nato?version=\(huge)", "/fact-checks/nato?version=x", "/fact-checks/nato?comments=\(huge)"] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri)")
            }
            let api = try await client.get("/api/v1/checks?page=\(huge)").json()
            #expect((api["error"] as? [String: Any])?["message"] as? String == "page must be a whole number from 1 to 1000000.")
            for uri in ["/api/v1/comments/\(huge)0/report", "/api/v1/comments/0/report", "/api/v1/comments/-3/report"] {
                #expect(try await client.execute(uri, method: .post).status == .badRequest, "\(uri)")
            }
            #expect(try await client.get("/fact-checks?page=1000000").status == .ok, "the last page allowed is an empty page")
            #expect(try await client.get("/api/v1/checks?page=2&per_page=100").status == .ok)
            #expect(try await client.get("/").status == .ok)
        }
    }

    @Test func sixParallelSubmissionsOfOneNewClaimRunOneCheck() async throws {
        var harness = WebHarness()
        harness.stanceDelay = .milliseconds(300)
        try await harness.run { client in
            let wordings = ["NATO was founded in 1949.", "NATO was founded in 1949", "nato was founded in 1949.",
                            "NATO was founded in 1949.", "  NATO was founded in 1949.  ", "NATO was founded in 1949!"]
            let responses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { group in
                for wording in wordings {
                    group.addTask {
                        let response = try await client.postJSON("/api/v1/checks", ["claim": wording])
                        return (response.status, try response.json()["id"] as? String)
                    }
                }
                return try await group.reduce(into: [(HTTPResponse.Status, String?)]()) { $0.append($1) }
            }
            #expect(responses.filter { $0.0 == .created }.count == 1, "one submission starts the check")
            #expect(responses.filter { $0.0 == .ok }.count == 5, "the others join it")
            #expect(Set(responses.compactMap(\.1)).count == 1)
            let id = try #require(responses.first?.1)
            let page = try await client.get("/fact-checks/nato-was-founded-in-1949").text
            #expect(!page.contains("?version=2"), "one version was published")
            #expect(try await client.get("/api/v1/checks/\(id)").json()["version"] as? Int == 1)
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"factcheck_checks_total{outcome="published"} 1"#), "\(metrics.split(separator: "\n").filter { $0.contains("checks_total") })")
        }
    }

    @Test func headIsServedWhereverGetIsAndOtherMethodsGet405WithAllow() async throws {
        try await WebHarness().run { client in
            for uri in ["/", "/api/v1/checks", "/fact-checks", "/feed.atom", "/healthz", "/static/app.css"] {
                let head = try await client.execute(uri, method: .head)
                #expect(head.status == .ok, "HEAD \(uri)")
                #expect(head.body.readableBytes == 0, "HEAD \(uri) has no body")
            }
            let cases: [(String, HTTPRequest.Method, String)] = [
                ("/", .options, "GET, HEAD"), ("/", .put, "GET, HEAD"), ("/api/v1/checks", .delete, "GET, HEAD, POST"),
                ("/api/v1/checks", .put, "GET, HEAD, POST"), ("/api/v1/comments/5", .get, "DELETE"), ("/fact-checks/some-slug", .delete, "GET, HEAD"),
                ("/checks", .get, "POST"),
            ]
            for (uri, method, allow) in cases {
                let response = try await client.execute(uri, method: method)
                #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                #expect(response.headers[.allow] == allow, "\(method) \(uri)")
            }
            #expect(try await client.execute("/api/v1/checks", method: .put).json()["error"].flatMap { ($0 as? [String: Any])?["code"] as? String }
                == "method_not_allowed")
            #expect(try await client.execute("/no/such/page", method: .put).status == .notFound)
            #expect(try await client.execute("/no/such/page", method: .get).status == .notFound)
        }
    }

    @Test func csrfTokensAreBoundToTheServerAndCrossSiteRequestsAreRefused() async throws {
        try await WebHarness().run { client in
            let madeUp = String(repeating: "ab", count: 32)
            let forged = try await client.client.execute(
                uri: "/checks", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "fc_csrf=\(madeUp)"],
                body: .init(string: "csrf=\(madeUp)&claim=NATO+was+founded+in+1949.")
            )
            #expect(forged.status == .forbidden, "a made-up value in both cookie and field")
            let echoed = try await client.client.execute(
                uri: "/checks", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "fc_csrf=\(client.session)"],
                body: .init(string: "csrf=\(client.session)&claim=NATO+was+founded+in+1949.")
            )
            #expect(echoed.status == .forbidden, "the session value itself is not the form token")
            #expect(client.csrf != client.session)

            let claim = [("claim", "NATO was founded in 1949.")]
            #expect(try await client.postForm("/checks", claim, headers: [.origin: "https://evil.example"]).status == .forbidden)
            #expect(try await client.postForm("/checks", claim, headers: [.origin: "null"]).status == .forbidden)
            #expect(try await client.postForm("/checks", claim, headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]).status == .forbidden)
            #expect(try await client.postJSON("/api/v1/checks", ["claim": "NATO was founded in 1949."], headers: [.origin: "https://evil.example"]).status
                == .forbidden, "the API refuses browsers on other sites too")
            let sameOrigin = try await client.postForm("/checks", claim, headers: [.origin: "https://factcheck.example", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"])
            #expect(sameOrigin.status == .seeOther)
        }
    }

    @Test func commentsArePaginatedInPagesAndAPI() async throws {
        var harness = WebHarness()
        harness.configuration.commentsPageSize = 3
        try await harness.run { client in
            let check = try await client.postJSON("/api/v1/checks", ["claim": "NATO was founded in 1949."]).json()
            let id = try #require(check["id"] as? String)
            let slug = try #require(check["slug"] as? String)
            for n in 1 ... 7 { #expect(try await client.postJSON("/api/v1/checks/\(id)/comments", ["text": "comment \(n)"]).status == .created) }

            let first = try await client.get("/api/v1/checks/\(id)/comments").json()
            #expect((first["comments"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == ["comment 1", "comment 2", "comment 3"])
            #expect(first["total"] as? Int == 7 && first["pages"] as? Int == 3 && first["order"] as? String == "oldest")
            let newest = try await client.get("/api/v1/checks/\(id)/comments?order=newest&per_page=2&page=2").json()
            #expect((newest["comments"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == ["comment 5", "comment 4"])
            #expect(try await client.get("/api/v1/checks/\(id)/comments?order=random").status == .badRequest)

            let page = try await client.get("/fact-checks/\(slug)?comments=3").text
            #expect(page.contains("comment 7") && !page.contains("comment 3<"), "the third page holds the seventh comment only")
            #expect(page.contains("Comments (7)") && page.contains("Page 3 of 3"))
            #expect(page.contains(#"href="/fact-checks/\#(slug)?comments=2#comments" rel="prev""#))
            let newestPage = try await client.get("/fact-checks/\(slug)?comments_order=newest").text
            #expect(newestPage.contains("comment 7") && !newestPage.contains("comment 1<"))
            let posted = try await client.postForm("/fact-checks/\(slug)/comments", [("text", "comment 8")])
            #expect(posted.headers[.location] == "/fact-checks/\(slug)?comments=3#comments", "a new comment lands on the last page")
        }
    }

    @Test func controlCharactersAreStrippedFromNames() async throws {
        try await WebHarness().run { client in
            let check = try await client.postJSON("/api/v1/checks", ["claim": "NATO was founded in 1949."]).json()
            let id = try #require(check["id"] as? String)
            let comment = try await client.postJSON("/api/v1/checks/\(id)/comments",
                                                    ["name": "Ann\r\nSet-Cookie: x=1\u{0}\u{202E}\tB", "text": "line one\r\nline two\u{7}"]).json()
            #expect(comment["name"] as? String == "Ann Set-Cookie: x=1 B")
            #expect(comment["text"] as? String == "line one\nline two")
        }
    }
}
