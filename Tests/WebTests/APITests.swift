import FactCheckCore
import FactCheckWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite struct APITests {
    @Test func createGetListAndInstantAnswer() async throws {
        try await WebHarness().run { client in
            let created = try await client.postJSON("/api/v1/checks", ["claim": "NATO was founded in 1949."])
            #expect(created.status == .created)
            let check = try created.json()
            for key in ["id", "slug", "url", "claim", "normalized_claim", "verdict", "confidence", "summary", "what_we_know", "analysis",
                        "conclusion", "sources", "timings_ms"] {
                #expect(check[key] != nil, "missing \(key)")
            }
            #expect(check["verdict"] as? String == "True")
            #expect(check["url"] as? String == "https://factcheck.example/fact-checks/nato-was-founded-in-1949")
            let id = try #require(check["id"] as? String)
            #expect(created.headers[.location] == "https://factcheck.example/api/v1/checks/\(id)")
            let sources = try #require(check["sources"] as? [[String: Any]])
            #expect((sources.first?["credibility"] as? [String: Any])?["type"] != nil)

            let instant = try await client.postJSON("/api/v1/checks", ["claim": "Was NATO founded in 1949?"])
            #expect(instant.status == .ok)
            #expect(try instant.json()["instant"] as? Bool == true && (try instant.json()["id"] as? String) == id)

            #expect(try await client.get("/api/v1/checks/\(id)").json()["slug"] as? String == "nato-was-founded-in-1949")
            let list = try await client.get("/api/v1/checks?page=1&verdict=True").json()
            #expect(list["total"] as? Int == 1 && (list["checks"] as? [Any])?.count == 1)
            #expect(try await client.get("/api/v1/checks?verdict=False").json()["total"] as? Int == 0)
        }
    }

    @Test func errorsShareOneShape() async throws {
        try await WebHarness().run { client in
            func expectError(_ response: TestResponse, _ status: HTTPResponse.Status, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
                #expect(response.status == status, sourceLocation: sourceLocation)
                let error = try #require(try response.json()["error"] as? [String: Any], sourceLocation: sourceLocation)
                #expect(error["code"] as? String == code, sourceLocation: sourceLocation)
                #expect((error["message"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
                #expect(error["request_id"] as? String == response.headers[.init("X-Request-Id")!], sourceLocation: sourceLocation)
            }
            try expectError(try await client.get("/api/v1/checks/unknown"), .notFound, "not_found")
            try expectError(try await client.get("/api/v1/nothing-here"), .notFound, "not_found")
            try expectError(try await client.postJSON("/api/v1/checks", ["claim": ""]), .badRequest, "bad_request")
            try expectError(try await client.postJSON("/api/v1/checks", ["text": "x"]), .badRequest, "bad_request")
            try expectError(try await client.postJSON("/api/v1/checks", ["claim": String(repeating: "x", count: 1001)]), .badRequest, "bad_request")
            try expectError(try await client.execute("/api/v1/checks", method: .post, headers: [.contentType: "application/json"], body: "{not json"),
                            .badRequest, "bad_request")
            try expectError(try await client.execute("/api/v1/checks", method: .post, headers: [.contentType: "text/plain"], body: "claim"),
                            .unsupportedMediaType, "unsupported_media_type")
            try expectError(try await client.execute("/api/v1/checks", method: .post, headers: [.contentType: "application/json"],
                                                     body: #"{"claim": ""# + String(repeating: "x", count: 1_000_000) + #""}"#),
                            .contentTooLarge, "payload_too_large")
            try expectError(try await client.execute("/api/v1/checks", method: .post, headers: [.contentType: "application/json"],
                                                     body: "\u{FF}\u{FE}binary"), .badRequest, "bad_request")
            try expectError(try await client.get("/api/v1/checks?page=0"), .badRequest, "bad_request")
            try expectError(try await client.get("/api/v1/checks?verdict=Perhaps"), .badRequest, "bad_request")
        }
    }

    @Test func healthMetricsAndOpenAPI() async throws {
        try await WebHarness().run { client in
            #expect(try await client.get("/healthz").json()["status"] as? String == "ok")
            _ = try await client.postJSON("/api/v1/checks", ["claim": "NATO was founded in 1949."])
            let metrics = try await client.get("/metrics")
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            for stage in PipelineStage.allCases {
                #expect(metrics.text.contains(#"factcheck_check_stage_duration_seconds_count{stage="\#(stage.rawValue)"} 1"#))
            }
            #expect(metrics.text.contains(#"factcheck_checks_total{outcome="published"} 1"#))
            #expect(metrics.text.contains("factcheck_http_requests_total"))
            #expect(metrics.text.contains("# TYPE factcheck_checks_running gauge"), "a count of checks has no unit suffix")
            #expect(metrics.text.contains("# TYPE factcheck_checks_waiting gauge"))
            let document = try await client.get("/openapi.json").json()
            #expect(document["openapi"] as? String == "3.0.3")
            #expect((document["paths"] as? [String: Any])?["/api/v1/checks"] != nil)
        }
    }
}
