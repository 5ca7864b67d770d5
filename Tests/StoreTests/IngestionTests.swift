import FactCheckCore
import Foundation
import Ingestion
import XCTest

final class IngestionTests: XCTestCase {
    func testChunksRespectSentenceAndTokenBudgets() {
        let sentence = "This sentence has exactly eight words in it."
        let passages = PassageChunker(maxSentences: 3, maxTokens: 40).passages(of: Array(repeating: sentence, count: 7).joined(separator: " "))
        XCTAssertEqual(passages.count, 3)  // 11 tokens each: 3 + 3 + 1 sentences
        XCTAssertEqual(passages[0], Array(repeating: sentence, count: 3).joined(separator: " "))
        let long = Array(repeating: "word", count: 500).joined(separator: " ")
        let pieces = PassageChunker(maxSentences: 3, maxTokens: 120).passages(of: long)
        XCTAssertTrue(pieces.allSatisfy { $0.split(separator: " ").count <= 90 }, "an over-long sentence is cut")
        XCTAssertEqual(pieces.joined(separator: " "), long)
    }

    func testFactbookCountryFileBecomesDocumentsWithAMembershipListing() throws {
        let country: [String: Any] = [
            "Introduction": ["Background": ["text": "<p>In 1603, the <em>Tokugawa</em> shogunate began &amp; lasted.</p>"]],
            "Government": [
                "Country name": ["conventional short form": ["text": "Japan"], "conventional long form": ["text": "none"]],
                "Capital": ["name": ["text": "Tokyo"], "time difference": ["text": "UTC+9"]],
                "International organization participation": ["text": Array(repeating: "ADB, APEC, ASEAN (dialogue partner)", count: 40).joined(separator: ", ") + ", UN, WTO"],
            ],
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("factbook-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: country).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (documents, skipped) = DocumentReader().read(file)
        XCTAssertEqual(skipped, [])
        XCTAssertEqual(documents.map(\.title), ["Japan: international organizations", "Japan: introduction", "Japan: government"])
        XCTAssertEqual(documents[1].text, "Background: In 1603, the Tokugawa shogunate began & lasted.")
        XCTAssertEqual(documents[2].text, "Capital: name Tokyo; time difference UTC+9. Country name: conventional long form none; conventional short form Japan.")
        XCTAssertEqual(documents[0].url, "https://www.cia.gov/the-world-factbook/countries/japan/")
        XCTAssertEqual(documents[0].license, "public domain")
        let entries = try XCTUnwrap(MembershipListing.entries(in: documents[0].text))
        XCTAssertEqual(entries.count, 122)
        XCTAssertEqual(entries[2], MembershipListing.Entry(name: "ASEAN", qualifier: "dialogue partner"))
        XCTAssertEqual(entries.last, MembershipListing.Entry(name: "WTO", qualifier: nil))
        let passages = PassageChunker().passages(of: documents[0].text)
        XCTAssertEqual(passages, [documents[0].text], "a listing is evidence only whole, however long")
    }

    func testHTMLMainTextWithoutBoilerplateOrScripts() {
        let html = """
        <html><head><title>NATO &amp; its members</title><meta property="og:site_name" content="Example News">
        <link rel="canonical" href="https://news.example.com/nato"><script>alert("x")</script></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>NATO &amp; its members</h1><p>The North Atlantic Treaty Organization has 32 member states as of 2024.</p>
        <style>p { color: red }</style><p>Sweden joined in March 2024 &mdash; the newest member.</p><button>Share</button></article>
        <footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>
        """
        let extracted = HTMLTextExtractor.extract(html)
        XCTAssertEqual(extracted.title, "NATO & its members")
        XCTAssertEqual(extracted.canonicalURL, "https://news.example.com/nato")
        XCTAssertEqual(extracted.siteName, "Example News")
        XCTAssertEqual(extracted.text, "The North Atlantic Treaty Organization has 32 member states as of 2024.\n\nSweden joined in March 2024 — the newest member.")
    }

    func testReaderReportsBadInputsWithLocations() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fc-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let jsonl = folder.appendingPathComponent("docs.jsonl")
        try """
        {"title": "A", "text": "Alpha is first.", "url": "https://example.org/a", "published": "2020-05-01"}
        {broken
        {"title": "B"}
        {"title": "C", "text": "Gamma.", "published": "yesterday"}
        """.write(to: jsonl, atomically: true, encoding: .utf8)
        try Data([0x00, 0x01, 0x02]).write(to: folder.appendingPathComponent("blob.txt"))
        try Data([0xC3, 0x28, 0x41]).write(to: folder.appendingPathComponent("latin.md"))
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        try "# Title\n\nSome *markdown* [link](https://x.org) text.".write(to: folder.appendingPathComponent("note.md"), atomically: true, encoding: .utf8)

        let reader = DocumentReader()
        let (files, unsupported) = reader.files(at: [folder.path, folder.appendingPathComponent("missing.pdf").path])
        XCTAssertEqual(files.map(\.lastPathComponent), ["blob.txt", "docs.jsonl", "empty.txt", "latin.md", "note.md"])
        XCTAssertEqual(unsupported.map(\.reason), ["no such file or folder"])
        let read = files.map(reader.read)
        let documents = read.flatMap(\.documents), skipped = read.flatMap(\.skipped).map(\.description)
        XCTAssertEqual(documents.map(\.title), ["A", "Title"])
        XCTAssertEqual(documents[0].published, ISO8601DateFormatter().date(from: "2020-05-01T00:00:00Z"))
        XCTAssertEqual(documents[1].text, "Some markdown link text.")
        XCTAssertEqual(skipped, [
            "\(folder.path)/blob.txt: binary file (contains NUL bytes)",
            "\(jsonl.path):2: not a JSON object",
            "\(jsonl.path):3: missing or empty \"text\"",
            "\(jsonl.path):4: unreadable \"published\" date (expected ISO-8601 or YYYY-MM-DD)",
            "\(folder.path)/empty.txt: empty file",
            "\(folder.path)/latin.md: not valid UTF-8 text",
        ])
    }
}
