import FactCheckCore
import Fetching
import Foundation
@testable import Providers
import XCTest

final class MediaWikiProviderTests: XCTestCase {
    private var server: MediaWikiServer!

    override func setUpWithError() throws { server = try MediaWikiServer() }
    override func tearDown() { server = nil }

    private func provider(_ mode: String? = nil, timeout: Duration = .seconds(5)) -> MediaWikiProvider {
        MediaWikiProvider(configuration: .init(endpoint: server.endpoint(mode), client: .init(timeout: timeout)))
    }

    private func query(_ statement: String, limit: Int = 5) -> EvidenceQuery {
        EvidenceQuery(claim: Claim(text: statement, normalized: statement), searches: [statement, "Sweden NATO"], limit: limit)
    }

    func testReadsWholeArticlesNotOnlyTheLead() async throws {
        let passages = try await provider().passages(for: query("Sweden became a member of NATO in March 2024"))
        XCTAssertFalse(passages.isEmpty)
        XCTAssertLessThanOrEqual(passages.count, 5)
        // The best passages come from the articles' later sections, which a lead-only source would not have.
        let texts = passages.map(\.passage.text)
        XCTAssertTrue(texts.prefix(2).contains { $0.contains("Sweden became the 32nd member state on 7 March 2024") || $0.contains("became a member of NATO in March 2024") },
                      "\(texts)")
        XCTAssertFalse(texts.contains { $0.contains("retrieved 2024") }, "the References section is left out: \(texts)")
        XCTAssertFalse(texts.contains { $0 == "Members" || $0 == "History" }, "headings are not passages")
        let nato = try XCTUnwrap(passages.first { $0.source.title == "NATO" })
        XCTAssertEqual(nato.source.url, "https://en.wikipedia.org/wiki/NATO")
        XCTAssertEqual(nato.source.domain, "en.wikipedia.org")
        XCTAssertEqual(nato.source.publisher, "Wikipedia")
        XCTAssertEqual(nato.source.published, try Date("2026-11-28T10:15:00Z", strategy: .iso8601), "the revision time")
        XCTAssertEqual(nato.provider, "wikipedia")
        XCTAssertNil(nato.similarity, "similarity is the fusing retriever's to compute, with the claim's vector")
        XCTAssertTrue(passages.allSatisfy { $0.source.title != "Tea" }, "an article that shares no word is not read")
        let relevances = passages.map(\.relevance)
        XCTAssertEqual(relevances, relevances.sorted(by: >), "best first")
    }

    func testNoResultsIsNoPassages() async throws {
        let passages = try await provider("empty").passages(for: query("Sweden became a member of NATO"))
        XCTAssertEqual(passages.count, 0)
    }

    func testErrorsSayWhatWentWrong() async throws {
        let cases: [(mode: String, expected: String)] = [
            ("malformed", "malformed answer"),
            ("wrong-shape", "malformed answer: no query"),
            ("api-error", "API error: internal_api_error_DBQueryError"),
            ("status/429", "HTTP 429"),
            ("status/500", "HTTP 500"),
        ]
        for (mode, expected) in cases {
            do {
                _ = try await provider(mode).passages(for: query("Sweden became a member of NATO"))
                XCTFail("\(mode): no error")
            } catch let error as ProviderError {
                XCTAssertTrue(error.description.hasPrefix(expected), "\(mode): \(error)")
                XCTAssertEqual(error.isRetryable, mode == "status/429" || mode == "status/500", mode)
            }
        }
    }

    func testASlowWikiTimesOut() async throws {
        let start = ContinuousClock.now
        do {
            _ = try await provider("slow/3", timeout: .milliseconds(500)).passages(for: query("Sweden became a member of NATO"))
            XCTFail("no timeout")
        } catch let error as ProviderError {
            XCTAssertEqual(error.description, "no answer in time")
        }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(2.5))
    }

    func testUnreachableWiki() async throws {
        let closed = MediaWikiProvider(configuration: .init(endpoint: URL(string: "http://127.0.0.1:9/w/api.php")!))
        do {
            _ = try await closed.passages(for: query("Sweden became a member of NATO"))
            XCTFail("no error")
        } catch let error as ProviderError {
            XCTAssertTrue(error.description.hasPrefix("unreachable"), "\(error)")
        }
    }

    func testPassagesSkipHeadingsAndClosingSections() {
        let text = "Lead sentence one is here. Lead sentence two is here. Lead three.\nHistory\nIt was founded in 1949 by twelve states.\nSee also\nList of things that should not be read at all."
        XCTAssertEqual(PassageRanker.passages(of: text, sentencesPerPassage: 2), [
            "Lead sentence one is here. Lead sentence two is here.", "It was founded in 1949 by twelve states.",
        ])
    }

    func testAnswersAreCachedAndReusedWhileFresh() async throws {
        let cache = InMemoryFetchCache()
        let cached = MediaWikiProvider(configuration: .init(endpoint: server.endpoint(), client: .init(cache: cache)))
        let first = try await cached.passages(for: query("Sweden became a member of NATO in March 2024"))
        let requests = { () async throws -> Int in
            try await JSONAPIClient().get(URL(string: self.server.server.url("/requests"))!, query: [], as: [String: Int].self)["/w/api.php"] ?? 0
        }
        let afterFirst = try await requests()
        let second = try await cached.passages(for: query("Sweden became a member of NATO in March 2024"))
        XCTAssertEqual(second.map(\.passage.text), first.map(\.passage.text))
        let afterSecond = try await requests()
        XCTAssertEqual(afterSecond, afterFirst, "the second check asks the wiki nothing")
        XCTAssertGreaterThan(afterFirst, 0)
    }
}
