import FactCheckCore
import FactCheckWebTesting
import Fetching
import Foundation
@testable import Providers
import XCTest

final class WebSearchProviderTests: XCTestCase {
    private var server: ScriptServer!

    override func setUpWithError() throws {
        let support = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support")
        // The Sweden article (index 1) is served under /blocked/, which the server's robots.txt disallows.
        server = try ScriptServer(script: support.appendingPathComponent("search_server.py"),
                                  arguments: ["--articles", support.appendingPathComponent("articles.jsonl").path, "--blocked", "1"])
    }

    override func tearDown() { server = nil }

    private let query = EvidenceQuery(claim: Claim(text: "Sweden joined NATO in March 2024", normalized: "Sweden joined NATO in March 2024"),
                                      searches: ["Sweden joined NATO in March 2024", "Sweden joined NATO March 2024", "Sweden NATO"], limit: 6)

    /// Result pages on the test server may be fetched (it is on 127.0.0.1), nothing else private.
    private var localLoader: WebArticleLoader {
        WebArticleLoader(fetcher: SafeFetcher(configuration: .init(policy: AddressPolicy(allowedHosts: ["127.0.0.1"]))))
    }

    private func searxng(_ mode: String? = nil, timeout: Duration = .seconds(5)) -> SearxNGEngine {
        SearxNGEngine(base: URL(string: server.url(mode.map { "/\($0)" } ?? ""))!, client: .init(timeout: timeout))
    }

    func testSearxNGResultPagesAreReadAsMainText() async throws {
        let passages = try await WebSearchProvider(engine: searxng(), loader: localLoader).passages(for: query)
        XCTAssertFalse(passages.isEmpty)
        XCTAssertTrue(passages.allSatisfy { $0.provider == "searxng" })
        let nato = try XCTUnwrap(passages.first { $0.source.url == server.url("/pages/0") })
        XCTAssertEqual(nato.source.title, "NATO", "the site's name is not part of the title")
        XCTAssertEqual(nato.source.domain, "127.0.0.1")
        XCTAssertNotNil(nato.source.published, "the page's article:published_time")
        let texts = passages.map(\.passage.text)
        XCTAssertTrue(texts.contains { $0.contains("Sweden became the 32nd member state on 7 March 2024") }, "\(texts)")
        XCTAssertFalse(texts.contains { $0.contains("cookies") || $0.contains("All rights reserved") }, "page furniture is left out: \(texts)")
    }

    func testAPageRobotsTxtDisallowsCountsByItsSnippetOnly() async throws {
        let passages = try await WebSearchProvider(engine: searxng(), loader: localLoader).passages(for: query)
        let sweden = try XCTUnwrap(passages.first { $0.source.url == server.url("/blocked/1") })
        XCTAssertTrue("Sweden, formally the Kingdom of Sweden, is a Nordic country located on the Scandinavian Peninsula in Northern Europe. It borders Norway to the west and north, and Finland to the east."
            .hasPrefix(sweden.passage.text.prefix(100)), "the engine's snippet: \(sweden.passage.text)")
        XCTAssertFalse(passages.contains { $0.passage.text.contains("militarily non-aligned") }, "nothing of the page itself")
    }

    func testResultsOnPrivateAddressesAreNeverFetched() async throws {
        // The default policy: the test server's 127.0.0.1 is refused like any private address, so only snippets count.
        let passages = try await WebSearchProvider(engine: searxng(), loader: WebArticleLoader()).passages(for: query)
        XCTAssertFalse(passages.isEmpty)
        XCTAssertFalse(passages.contains { $0.passage.text.contains("Sweden became the 32nd member state") }, "a page on a private address was read")
    }

    func testBraveNeedsItsKeyAndItsSnippetsLoseTheirMarkup() async throws {
        let endpoint = URL(string: server.url("/res/v1/web/search"))!
        let results = try await BraveSearchEngine(endpoint: endpoint, key: "test-key").results(for: "Sweden NATO", limit: 3)
        XCTAssertEqual(Set(results.map(\.url)), [server.url("/pages/0"), server.url("/blocked/1")])
        XCTAssertFalse(results.contains { $0.snippet.contains("<strong>") })
        XCTAssertEqual(Set(results.map(\.title)), ["NATO", "Sweden"])
        do {
            _ = try await BraveSearchEngine(endpoint: endpoint, key: "wrong").results(for: "Sweden NATO", limit: 3)
            XCTFail("no error")
        } catch let error as ProviderError {
            XCTAssertEqual(error.description, "HTTP 401")
        }
        let passages = try await WebSearchProvider(engine: BraveSearchEngine(endpoint: endpoint, key: "test-key"), loader: localLoader).passages(for: query)
        XCTAssertTrue(passages.allSatisfy { $0.provider == "brave" })
        XCTAssertTrue(passages.contains { $0.passage.text.contains("Sweden became the 32nd member state") })
    }

    func testSearchErrorsAndTimeouts() async throws {
        for (mode, expected) in [("malformed", "malformed answer"), ("status/500", "HTTP 500"), ("status/429", "HTTP 429")] {
            do {
                _ = try await WebSearchProvider(engine: searxng(mode), loader: localLoader).passages(for: query)
                XCTFail("\(mode): no error")
            } catch let error as ProviderError {
                XCTAssertTrue(error.description.hasPrefix(expected), "\(mode): \(error)")
            }
        }
        do {
            _ = try await WebSearchProvider(engine: searxng("slow/3", timeout: .milliseconds(400)), loader: localLoader).passages(for: query)
            XCTFail("no timeout")
        } catch let error as ProviderError {
            XCTAssertEqual(error.description, "no answer in time")
        }
    }

    func testSearchDatesInTheFormatsAPIsUse() {
        XCTAssertNotNil(WebResult.date("2024-03-07T12:00:00Z"))
        XCTAssertNotNil(WebResult.date("2024-03-07T12:00:00"))
        XCTAssertNotNil(WebResult.date("2024-03-07"))
        XCTAssertNil(WebResult.date("last Tuesday"))
        XCTAssertNil(WebResult.date(nil))
    }
}
