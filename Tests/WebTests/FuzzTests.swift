import FactCheckCore
import FactCheckWeb
import FactCheckWebTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Generated query strings, paths and bodies against every route: never a 5xx, and the site answers afterwards.
@Suite struct FuzzTests {
    @Test func generatedRequestsNeverGet5xx() async throws {
        try await WebHarness().run { client in
            let check = try await client.postJSON("/api/v1/checks", ["claim": "NATO was founded in 1949."]).json()
            let slug = try #require(check["slug"] as? String), id = try #require(check["id"] as? String)
            let paths = ["/", "/fact-checks", "/fact-checks/\(slug)", "/api/v1/checks", "/api/v1/checks/\(id)", "/api/v1/checks/\(id)/comments",
                         "/feed.atom", "/sitemap.xml", "/jobs/x/events", "/checks", "/fact-checks/\(slug)/comments", "/comments/1/report"]
            let names = ["page", "per_page", "verdict", "q", "version", "comments", "comments_order", "order", "instant"]
            let values = ["1", "0", "-1", "9223372036854775807", "9223372036854775808", "1e3", "0x10", "+2", " 3", "true", "newest", "%00", "%FF",
                          "%E2%80%AE", "%0d%0a", "..%2f..", "'", "%22", "<", "False", "mostly-true"]
            var inputs = FuzzInputs(stream: 30)
            for iteration in 0 ..< FuzzInputs.iterations {
                let query = (0 ..< Int.random(in: 0 ... 4, using: &inputs)).map { _ in
                    "\(names.randomElement(using: &inputs)!)=\(values.randomElement(using: &inputs)!)"
                }.joined(separator: "&")
                let path = paths.randomElement(using: &inputs)! + (query.isEmpty ? "" : "?" + query)
                let method: HTTPRequest.Method = [.get, .get, .head, .post, .put, .delete, .options].randomElement(using: &inputs)!
                var body: String?
                var headers: HTTPFields = [:]
                if method == .post {
                    let raw = inputs.unicodeText(maxLength: 200)
                    if Bool.random(using: &inputs) {
                        headers[.contentType] = "application/json"
                        body = Bool.random(using: &inputs) ? raw : (try? String(decoding: JSONSerialization.data(withJSONObject: ["claim": raw, "text": raw, "name": raw]), as: UTF8.self))
                    } else {
                        headers[.contentType] = "application/x-www-form-urlencoded"
                        headers[.cookie] = "fc_csrf=\(client.session)"
                        body = "csrf=\(client.csrf)&text=\(WebClient.encode(raw))&claim=\(WebClient.encode(raw))&name=\(raw)"
                    }
                }
                let response = try await client.execute(path, method: method, headers: headers, body: body)
                #expect(response.status.code < 500, "#\(iteration) seed \(FuzzInputs.seed): \(method) \(path) \(body ?? "")")
            }
            #expect(try await client.get("/healthz").status == .ok)
        }
    }
}
