import FactCheckCore
@testable import Fetching
import XCTest

final class WebArticleLoaderTests: XCTestCase {
    private let local = WebArticleLoader(fetcher: SafeFetcher(configuration: .init(policy: AddressPolicy(allowedHosts: ["127.0.0.1"]))))

    private func assertInputError(_ expected: ArticleInputError, _ body: () async throws -> Article, file: StaticString = #filePath, line: UInt = #line) async {
        do {
            _ = try await body()
            XCTFail("no error", file: file, line: line)
        } catch let error as ArticleInputError {
            XCTAssertEqual(error, expected, file: file, line: line)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
    }

    func testABlogPageGivesItsMainTextTitleAuthorAndDateWithoutBoilerplate() async throws {
        let server = try PageServer.start()
        let article = try await local.article(fromURL: server.url("/page/article.html"))
        XCTAssertEqual(article.title, "Why is japan not in nato?")
        XCTAssertEqual(article.author, "Jane Writer")
        XCTAssertEqual(article.siteName, "Geopolitics Explained")
        XCTAssertEqual(article.published, ISO8601DateFormatter().date(from: "2023-02-14T08:30:00Z"))
        XCTAssertEqual(article.url, server.url("/page/article.html"))
        for kept in ["consisting of 30 member countries", "It is an island nation", "third-largest economy", "over 50,000 troops"] {
            XCTAssertTrue(article.text.contains(kept), "missing: \(kept)")
        }
        for dropped in ["cookies", "affiliate", "Advertisement", "Share on Twitter", "Related posts", "Great article", "Subscribe",
                        "Copyright", "Scroll to top", "Skip to content", "About us", "dataLayer", "Posted on"] {
            XCTAssertFalse(article.text.contains(dropped), "boilerplate kept: \(dropped)")
        }
    }

    func testHostileMarkupLeavesOnlyText() throws {
        let html = try String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/hostile.html").path, encoding: .utf8)
        let article = try WebArticleLoader().article(fromText: html, title: nil)
        XCTAssertTrue(article.text.contains("The Eiffel Tower was completed in 1889"))
        XCTAssertTrue(article.text.contains("The Nile is the longest river"))
        for hostile in ["alert('xss')", "alert(1)", "alert(2)", "alert(3)", "onerror", "onmouseover", "javascript:", "stolen", "meta-data", "display:none"] {
            XCTAssertFalse(article.text.contains(hostile), "kept: \(hostile)")
        }
        XCTAssertTrue(article.text.contains("<script>alert(\"escaped\")</script> is what"), "text that only looks like markup is kept as text")
        XCTAssertEqual(article.title, "Hostile <b>page")
    }

    func testPlainTextAndMarkdownKeepTheirWords() throws {
        let text = try WebArticleLoader().article(fromText: "Why is japan not in nato?\n\nJapan is an island country in East Asia.", title: nil)
        XCTAssertEqual(text.title, "Why is japan not in nato?")
        XCTAssertEqual(text.text, "Why is japan not in nato?\n\nJapan is an island country in East Asia.")
        let markdown = try WebArticleLoader().article(fromText: "# NATO facts\n\nNATO was founded in **1949** by [twelve countries](https://www.nato.int/).", title: nil)
        XCTAssertEqual(markdown.title, "NATO facts")
        XCTAssertEqual(markdown.text, "NATO was founded in 1949 by twelve countries.")
    }

    func testEmptyBinaryAndHugeTextsAreRefusedWithClearErrors() async {
        let loader = WebArticleLoader(configuration: .init(maxCharacters: 1000))
        await assertInputError(.empty) { try loader.article(fromText: " \n\t ", title: nil) }
        await assertInputError(.binary) { try loader.article(fromText: "PK\u{0}\u{3}\u{4}", title: nil) }
        await assertInputError(.tooLong(limit: 1000)) { try loader.article(fromText: String(repeating: "NATO has 32 members. ", count: 100), title: nil) }
        await assertInputError(.noText) { try loader.article(fromText: "<html><body><nav>Home</nav><script>x()</script></body></html>", title: nil) }
    }

    func testURLFailuresBecomeArticleErrorsThatSayWhy() async throws {
        let server = try PageServer.start()
        do {
            _ = try await WebArticleLoader().article(fromURL: server.url("/page/article.html"))
            XCTFail("a loopback address was fetched")
        } catch let error as ArticleInputError {
            XCTAssertTrue(error.isFetchFailure)
            XCTAssertTrue(error.description.contains("not a public address"), error.description)
        }
        do {
            _ = try await local.article(fromURL: server.url("/pdf"))
            XCTFail("a PDF was read")
        } catch let error as ArticleInputError {
            XCTAssertTrue(error.description.contains("Unsupported content type application/pdf"), error.description)
        }
    }
}
