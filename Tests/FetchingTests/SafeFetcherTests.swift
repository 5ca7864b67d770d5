import FactCheckCore
@testable import Fetching
import XCTest

final class SafeFetcherTests: XCTestCase {
    /// A fetcher that may reach the local test server (127.0.0.1 by that name only) and nothing else private.
    private func localFetcher(totalTimeout: Duration = .seconds(15)) -> SafeFetcher {
        SafeFetcher(configuration: .init(totalTimeout: totalTimeout, policy: AddressPolicy(allowedHosts: ["127.0.0.1"])))
    }

    private func assertFetchFails(_ fetcher: SafeFetcher, _ url: String, where check: (FetchError) -> Bool, file: StaticString = #filePath, line: UInt = #line) async {
        do {
            let page = try await fetcher.fetch(url)
            XCTFail("fetched \(page.url) instead of failing", file: file, line: line)
        } catch let error as FetchError {
            XCTAssertTrue(check(error), "unexpected error: \(error)", file: file, line: line)
        } catch {
            XCTFail("not a FetchError: \(error)", file: file, line: line)
        }
    }

    func testPrivateLoopbackLinkLocalAndMetadataAddressesAreRefusedInEveryNotation() async {
        let fetcher = SafeFetcher()
        let hosts = ["127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.0.0.1", "127.1", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]",
                     "169.254.169.254", "[fd00:ec2::254]", "[fe80::1]", "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1",
                     "224.0.0.1", "0.0.0.0", "localhost", "metadata.google.internal", "printer.local"]
        for host in hosts {
            await assertFetchFails(fetcher, "http://\(host)/latest/meta-data/", where: { $0.isRefusedAddress })
        }
    }

    /// A name that is not refused by itself is refused for what it resolves to: this machine's own host name resolves
    /// to a loopback or private address, and a name resolving to 10.0.0.1 is refused by the same check.
    func testANameResolvingToAPrivateAddressIsRefused() async throws {
        let policy = AddressPolicy()
        XCTAssertNil(policy.refusal(forName: "intranet.example"))
        XCTAssertEqual(policy.refusal(for: .v4([10, 0, 0, 1]), host: "intranet.example"),
                       "intranet.example resolves to 10.0.0.1 (private, 10.0.0.0/8), which is not a public address")
        let name = ProcessInfo.processInfo.hostName
        guard let addresses = try? await ResolvedAddress.resolve(name), addresses.contains(where: { AddressPolicy.blockedRange(of: $0) != nil }) else {
            throw XCTSkip("this machine's host name \(name) does not resolve to a private address here")
        }
        await assertFetchFails(SafeFetcher(), "http://\(name)/", where: { $0.isRefusedAddress && $0.description.contains("\(name) resolves to") })
    }

    func testPublicAddressesPassThePolicy() {
        XCTAssertNil(AddressPolicy.blockedRange(of: .v4([8, 8, 8, 8])))
        XCTAssertNil(AddressPolicy.blockedRange(of: .v4([172, 32, 0, 1])))
        XCTAssertNil(AddressPolicy.blockedRange(of: .v6([0x26, 0x06, 0x47, 0x00] + Array(repeating: 0, count: 11) + [1])))
        XCTAssertNotNil(AddressPolicy.blockedRange(of: .v6([0x20, 0x02, 10, 0, 0, 1] + Array(repeating: 0, count: 10))))  // 6to4 of 10.0.0.1
    }

    func testOnlyHTTPURLsWithoutCredentialsAreFetched() async {
        let fetcher = localFetcher()
        for url in ["file:///etc/passwd", "gopher://127.0.0.1/", "ftp://example.com/a", "http://user:pass@127.0.0.1/", "not a url", "http:///nohost"] {
            await assertFetchFails(fetcher, url, where: { !$0.isRefusedAddress && $0.description.hasPrefix("Not a URL") })
        }
    }

    func testASavedPageIsFetchedAndItsRedirectsFollowed() async throws {
        let server = try PageServer.start()
        let page = try await localFetcher().fetch(server.url("/redirect/3"))
        XCTAssertEqual(page.redirects.count, 4)
        XCTAssertEqual(page.url, server.url("/page/article.html"))
        XCTAssertTrue(page.isHTML)
        XCTAssertTrue(page.text.contains("over 50,000 troops"))
    }

    func testTooManyRedirectsALoopAndARedirectToAPrivateAddressFail() async throws {
        let server = try PageServer.start()
        let fetcher = localFetcher()
        await assertFetchFails(fetcher, server.url("/redirect/6"), where: { $0.description.contains("more than 5 times") })
        await assertFetchFails(fetcher, server.url("/loop"), where: { $0.description.contains("loop") })
        await assertFetchFails(fetcher, server.url("/to/169.254.169.254"), where: { $0.isRefusedAddress })
        await assertFetchFails(fetcher, server.url("/to/0x7f000001:\(server.port)"), where: { $0.isRefusedAddress })
    }

    func testWrongContentTypesSizeAndStatusFailClearly() async throws {
        let server = try PageServer.start()
        let fetcher = localFetcher()
        await assertFetchFails(fetcher, server.url("/pdf"), where: { $0.isUnsupportedContentType && $0.description.contains("application/pdf") })
        await assertFetchFails(fetcher, server.url("/image"), where: { $0.isUnsupportedContentType })
        await assertFetchFails(fetcher, server.url("/big"), where: { $0.description.contains("larger than 5 MiB") })
        await assertFetchFails(fetcher, server.url("/status/404"), where: { $0.description.contains("HTTP 404") })
    }

    func testASlowServerTimesOut() async throws {
        let server = try PageServer.start()
        let start = ContinuousClock.now
        await assertFetchFails(localFetcher(totalTimeout: .seconds(1)), server.url("/slow"), where: { $0.description.contains("did not answer in time") })
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(4))
    }

    func testCharsetFromMetaAndGzipBodiesAreDecoded() async throws {
        let server = try PageServer.start()
        let latin = try await localFetcher().fetch(server.url("/latin1"))
        XCTAssertTrue(latin.text.contains("São Tomé"), latin.text)
        let gzip = try await localFetcher().fetch(server.url("/gzip"))
        XCTAssertTrue(gzip.text.contains("Gzip bodies are decoded"), gzip.text)
    }

    func testRobotsRulesFollowRFC9309() {
        let text = """
        User-agent: *
        Disallow: /

        User-agent: factcheck
        User-agent: otherbot
        Disallow: /private/   # members only
        Allow: /private/open$
        Disallow: /*.pdf$
        Disallow:
        """
        let rules = RobotsRules(text, agent: "FactCheck")
        XCTAssertTrue(rules.allows("/news/story.html"), "its own group, not the * group")
        XCTAssertFalse(rules.allows("/private/page"))
        XCTAssertTrue(rules.allows("/private/open"), "the longer Allow wins")
        XCTAssertFalse(rules.allows("/private/open/more"), "$ anchors the end")
        XCTAssertFalse(rules.allows("/files/report.pdf"))
        XCTAssertTrue(rules.allows("/files/report.pdf?download=1"))
        XCTAssertFalse(RobotsRules(text, agent: "SomeoneElse").allows("/news/story.html"), "the * group")
        XCTAssertTrue(RobotsRules("", agent: "FactCheck").allows("/anything"))
        XCTAssertTrue(RobotsRules("User-agent: *\nDisallow:\n", agent: "FactCheck").allows("/"), "an empty Disallow allows all")
        XCTAssertTrue(RobotsRules("User-agent: *\nAllow: /a\nDisallow: /a\n", agent: "FactCheck").allows("/a/b"), "Allow wins a tie")
    }

    func testRobotsTxtIsHonouredAndReadOnce() async throws {
        let server = try PageServer.start()
        let fetcher = localFetcher()
        await assertFetchFails(fetcher, server.url("/private/secret"), where: { $0.description.contains("robots.txt") })
        let open = try await fetcher.fetch(server.url("/private/open"))
        XCTAssertTrue(open.text.contains("robots.txt speaks about"))
        _ = try await fetcher.fetch(server.url("/page/article.html"))
        // A redirect to a disallowed page is refused too.
        await assertFetchFails(fetcher, server.url("/to/127.0.0.1:\(server.port)/private/x"), where: { $0.description.contains("robots.txt") })
        let reads = try await SafeFetcher(configuration: .init(policy: AddressPolicy(allowedHosts: ["127.0.0.1"]), honoursRobots: false))
            .fetch(server.url("/robots-reads"))
        XCTAssertEqual(reads.text.trimmingCharacters(in: .whitespacesAndNewlines), "1", "read once for all four fetches")
    }

    func testAHostGetsRequestsAtTheConfiguredPace() async throws {
        let server = try PageServer.start()
        let fetcher = SafeFetcher(configuration: .init(policy: AddressPolicy(allowedHosts: ["127.0.0.1"]), hostConcurrency: 1, hostInterval: .milliseconds(300)))
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0 ..< 3 { group.addTask { _ = try await fetcher.fetch(server.url("/page/article.html")) } }
            try await group.waitForAll()
        }
        // robots.txt and three pages, one at a time, 300 ms apart.
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - start, .milliseconds(900))
    }

    func testAFreshCopyIsReusedAndAStaleOneRevalidated() async throws {
        let server = try PageServer.start()
        let cache = InMemoryFetchCache()
        let stats = { try await self.localFetcher().fetch(server.url("/etag-stats")).text }
        let fresh = SafeFetcher(configuration: .init(policy: AddressPolicy(allowedHosts: ["127.0.0.1"]), cache: cache, cacheLifetime: .seconds(3600)))
        let first = try await fresh.fetch(server.url("/etag"))
        let again = try await fresh.fetch(server.url("/etag"))
        XCTAssertEqual(first.text, again.text)
        let firstStats = try await stats()
        XCTAssertEqual(firstStats, "1 0", "a fresh copy is used without asking the site")
        let kept = await cache.response(for: "page:" + server.url("/etag"))
        let stored = try XCTUnwrap(kept)
        XCTAssertEqual(stored.etag, "\"v1\"")
        XCTAssertEqual(stored.lastModified, "Tue, 05 Mar 2024 10:00:00 GMT")

        let stale = SafeFetcher(configuration: .init(policy: AddressPolicy(allowedHosts: ["127.0.0.1"]), cache: cache, cacheLifetime: .zero))
        let revalidated = try await stale.fetch(server.url("/etag"))
        XCTAssertEqual(revalidated.text, first.text)
        let secondStats = try await stats()
        XCTAssertEqual(secondStats, "1 1", "a stale copy is revalidated: 304, the kept body is used")
        let revalidatedCopy = await cache.response(for: "page:" + server.url("/etag"))
        let refreshed = try XCTUnwrap(revalidatedCopy)
        XCTAssertGreaterThan(refreshed.fetched, stored.fetched)
    }
}
