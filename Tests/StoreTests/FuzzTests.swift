import FactCheckCore
import FactCheckWebTesting
import Foundation
import Ingestion
import Store
import XCTest

/// Generated hostile inputs through the HTML extractor, the document reader and the archive's search query builder.
final class FuzzTests: XCTestCase {
    private static let htmlFragments = [
        "<html>", "</html>", "<head>", "<title>", "</title>", "<body>", "<p>", "</p>", "<div class=\"nav\">", "</div>", "<br/>", "<a href='x'>",
        "</a>", "<script>SECRETSCRIPT()</script>", "<script type=\"text/javascript\">var SECRETSCRIPT = '</p>';", "<style>.SECRETSTYLE{}</style>",
        "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&lt;", "&#x26;", "&#0;", "&#xFFFFFFFF;", "&#99999999999999;", "&bogus;", "<meta property=\"og:title\" content=\"",
        "\">", "<meta name=\"date\" content=\"2024-99-99\">", "<time datetime=\"", "<", ">", "\"", "'", "=", "/", " ", "\n", "Text of the article. ",
        "<p unquoted=attr>", "<P>", "<scr<script>ipt>", "</script", "<noscript>", "<svg><script>SECRETSCRIPT</script></svg>",
    ]

    /// Any tag soup parses (libxml2 recovers as browsers do: markup broken before a `<script>` can turn it into text,
    /// so only the invariants that hold for every input are asserted), with no control characters in the result; a
    /// well-formed script or style after the soup, once the soup's open raw-text elements are closed, never reaches the text.
    func testHTMLExtractorNeverCrashesAndDropsScripts() {
        var inputs = FuzzInputs(stream: 10)
        for iteration in 0 ..< FuzzInputs.iterations {
            let soup = inputs.assembled(from: Self.htmlFragments, count: Int.random(in: 0 ... 300, using: &inputs))
            let context = "#\(iteration) seed \(FuzzInputs.seed): \(soup.prefix(500))"
            let extracted = HTMLTextExtractor.extract(soup)
            let hasControl = { (text: String) in text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" } }
            XCTAssertFalse(hasControl(extracted.text) || hasControl(extracted.title ?? ""), "no control characters: \(context)")
            let closed = soup + "\"'> --> ]]></script></style></title></textarea></noscript><p>Closing paragraph of the article, long enough.</p>"
                + "<script>LATESCRIPT()</script><style>.LATESTYLE{}</style><p>Final words of the article, long enough to be kept.</p>"
            let late = HTMLTextExtractor.extract(closed).text
            XCTAssertFalse(late.contains("LATESCRIPT") || late.contains("LATESTYLE"), context)
        }
    }

    func testDocumentReaderReportsEveryBadLineAndNeverCrashes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let jsonFragments = ["{", "}", "[", "]", "\"title\"", "\"text\"", "\"url\"", ":", ",", "\"", "\\u0000", "\\ud800", "null", "true", "1e999",
                             "-0", "\"a\"", "{\"title\": \"T\", \"text\": \"Body text.\"}", "\n"]
        var inputs = FuzzInputs(stream: 11)
        let reader = DocumentReader()
        for iteration in 0 ..< FuzzInputs.iterations {
            let lines = (0 ..< Int.random(in: 0 ... 20, using: &inputs)).map { _ in inputs.assembled(from: jsonFragments, count: Int.random(in: 0 ... 12, using: &inputs)) }
            let extensionName = ["jsonl", "json", "html", "md", "txt"][iteration % 5]
            let url = folder.appendingPathComponent("input-\(iteration).\(extensionName)")
            var data = Data(lines.joined(separator: "\n").utf8)
            if iteration % 7 == 0 { data.append(contentsOf: inputs.bytes(maxLength: 64)) }
            try data.write(to: url)
            let (documents, skipped) = reader.read(url)
            let context = "#\(iteration) .\(extensionName) seed \(FuzzInputs.seed)"
            XCTAssertTrue(documents.allSatisfy { !$0.text.isEmpty }, context)
            XCTAssertTrue(skipped.allSatisfy { !$0.reason.isEmpty && $0.origin.hasPrefix(url.path) }, context)
            if extensionName == "jsonl", String(data: data, encoding: .utf8) != nil, !data.prefix(8192).contains(0) {
                let nonEmpty = lines.joined(separator: "\n").split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
                XCTAssertEqual(documents.count + skipped.count, nonEmpty, "every line is a document or a reported skip: \(context)")
            }
        }
    }

    func testArchiveSearchTakesAnyText() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try SQLiteFactCheckArchive(path: folder.appendingPathComponent("factcheck.sqlite").path)
        _ = try archive.publish(Report(claim: "NATO was founded in 1949.", normalizedClaim: "NATO was founded in 1949.", date: Date(), verdict: .true,
                                       confidence: 0.9, summary: "Yes.", whatWeKnow: [], analysis: [], conclusion: "", sources: [], timingsMs: [:]), claimEmbedding: [])
        let queryFragments = ["\"", "'", "*", "NEAR", "AND", "OR", "NOT", "(", ")", ":", "^", "-", "nato", "NATO", "1949", "; DROP TABLE comment; --", "\\"]
        var inputs = FuzzInputs(stream: 12)
        for iteration in 0 ..< FuzzInputs.iterations {
            let query = inputs.assembled(from: queryFragments, count: Int.random(in: 0 ... 20, using: &inputs))
            let found = try archive.search(query, limit: 5)
            XCTAssertLessThanOrEqual(found.count, 1, "#\(iteration): \(query)")
        }
        XCTAssertEqual(try archive.search("\"nato\" OR (1949", limit: 5).count, 1)
    }
}
