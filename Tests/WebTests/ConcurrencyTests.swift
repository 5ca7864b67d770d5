import FactCheckCore
import FactCheckWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Store
import Testing

/// Load on the real SQLite archive: nothing lost, nothing stored twice.
@Suite struct ConcurrencyTests {
    private func sqliteHarness() throws -> (WebHarness, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("web-\(UUID().uuidString)")
        var harness = WebHarness()
        harness.archive = try SQLiteFactCheckArchive(path: folder.appendingPathComponent("factcheck.sqlite").path)
        return (harness, folder)
    }

    @Test func fiveHundredConcurrentCommentsAreEachStoredOnce() async throws {
        let (harness, folder) = try sqliteHarness()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await harness.run { client in
            let check = try await client.postJSON("/api/v1/checks", ["claim": "NATO was founded in 1949."]).json()
            let id = try #require(check["id"] as? String)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for n in 0 ..< 500 {
                    group.addTask { try await client.postJSON("/api/v1/checks/\(id)/comments", ["name": "r\(n)", "text": "comment number \(n)"]).status }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created })
            var texts: [String] = []
            for page in 1 ... 5 {
                let comments = try #require(try await client.get("/api/v1/checks/\(id)/comments?per_page=100&page=\(page)").json()["comments"] as? [[String: Any]])
                texts += comments.compactMap { $0["text"] as? String }
            }
            #expect(texts.count == 500)
            #expect(Set(texts) == Set((0 ..< 500).map { "comment number \($0)" }))
        }
    }

    @Test func fiftyConcurrentChecksAllComplete() async throws {
        var (harness, folder) = try sqliteHarness()
        defer { try? FileManager.default.removeItem(at: folder) }
        harness.configuration.maxConcurrentChecks = 2
        harness.stanceDelay = .milliseconds(20)
        try await harness.run { client in
            let results = try await withThrowingTaskGroup(of: (Int, HTTPResponse.Status, String?).self) { group in
                for n in 1 ... 50 {
                    group.addTask {
                        let response = try await client.postJSON("/api/v1/checks", ["claim": "NATO has \(n) member states."])
                        return (n, response.status, try response.json()["slug"] as? String)
                    }
                }
                return try await group.reduce(into: [(Int, HTTPResponse.Status, String?)]()) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0.1 == .created })
            #expect(Set(results.compactMap(\.2)).count == 50)
            #expect(try await client.get("/api/v1/checks").json()["total"] as? Int == 50)
        }
    }

    @Test func fullQueueAnswers503WithRetryAfter() async throws {
        var harness = WebHarness()
        harness.configuration.maxConcurrentChecks = 1
        harness.configuration.maxQueuedChecks = 0
        harness.stanceDelay = .milliseconds(300)
        try await harness.run { client in
            let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { group in
                for n in 1 ... 3 {
                    group.addTask {
                        let response = try await client.postJSON("/api/v1/checks", ["claim": "NATO has \(n + 40) member states."])
                        return (response.status, response.headers[.retryAfter])
                    }
                }
                return try await group.reduce(into: [(HTTPResponse.Status, String?)]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == .created }.count >= 1)
            let refused = statuses.filter { $0.0 == .serviceUnavailable }
            #expect(!refused.isEmpty && refused.allSatisfy { $0.1 != nil })
        }
    }
}
