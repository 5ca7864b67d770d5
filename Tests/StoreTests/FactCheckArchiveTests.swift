import FactCheckCore
import Foundation
import GRDB
import PostgresStore
import Store
import XCTest

/// The SQLite, PostgreSQL (a real server) and in-memory archives behave alike: one test body runs against each.
final class FactCheckArchiveTests: XCTestCase {
    private var folder: URL!
    private var postgres: [TestPostgres.OpenDatabase] = []

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        postgres.forEach { $0.close() }
        try? FileManager.default.removeItem(at: folder)
    }

    private func report(_ claim: String, normalized: String? = nil, verdict: Verdict = .true, summary: String = "A summary.") -> Report {
        Report(claim: claim, normalizedClaim: normalized ?? claim, date: Date(timeIntervalSince1970: 1_790_000_000), verdict: verdict,
               confidence: 0.8, summary: summary, whatWeKnow: [.init(text: "A fact.", citations: [1])], analysis: [.init(source: 1, text: "About.")],
               conclusion: "Done.", sources: [], timingsMs: ["deciding": 1.5])
    }

    private func archives() async throws -> [any FactCheckArchive] {
        let database = try await TestPostgres.database()
        postgres.append(database)
        return [try SQLiteFactCheckArchive(path: folder.appendingPathComponent("factcheck.sqlite").path), InMemoryFactCheckArchive(),
                PostgresFactCheckArchive(database: database.database)]
    }

    func testVersionsSlugsListingAndSearch() async throws {
        for archive in try await archives() {
            let first = try await archive.publish(report("Is NATO 75 years old?", normalized: "NATO is 75 years old."), claimEmbedding: [1, 0])
            XCTAssertEqual(first.slug, "nato-is-75-years-old")
            XCTAssertEqual(first.version, 1)
            let second = try await archive.publish(report("nato is 75 years old", verdict: .mostlyTrue), claimEmbedding: [1, 0])
            XCTAssertEqual(second.slug, first.slug, "same match key → next version")
            XCTAssertEqual(second.version, 2)
            let long = "The North Atlantic Treaty Organization is an intergovernmental military alliance of many"
            let thirty = try await archive.publish(report(long + " countries, 30 of them."), claimEmbedding: [])
            let other = try await archive.publish(report(long + " countries, 32 of them."), claimEmbedding: [])
            XCTAssertEqual(other.slug, thirty.slug + "-2", "a different match key never takes an existing slug")
            let unrelated = try await archive.publish(report("Water is wet.", verdict: .false, summary: "Liquids and surfaces."), claimEmbedding: [0, 1])

            let roundTripped = try await archive.check(id: first.id)
            XCTAssertEqual(roundTripped?.report, first.report)
            do { let actual = try await archive.check(slug: first.slug, version: nil)?.id; XCTAssertEqual(actual, second.id) }
            do { let actual = try await archive.check(slug: first.slug, version: 1)?.id; XCTAssertEqual(actual, first.id) }
            do { let actual = try await archive.versions(slug: first.slug).map(\.version); XCTAssertEqual(actual, [2, 1]) }
            do { let actual = try await archive.check(matchKey: ClaimKey.matchKey("NATO is 75 years old"))?.id; XCTAssertEqual(actual, second.id) }

            let page = try await archive.list(PageRequest(page: 1, perPage: 2), verdict: nil)
            XCTAssertEqual(page.total, 4)
            XCTAssertEqual(page.pageCount, 2)
            XCTAssertEqual(page.items.map(\.id), [unrelated.id, other.id], "latest versions, newest first")
            do { let actual = try await archive.list(PageRequest(page: 2, perPage: 2), verdict: nil).items.map(\.id); XCTAssertEqual(actual, [thirty.id, second.id]) }
            do { let actual = try await archive.list(PageRequest(page: 1, perPage: 10), verdict: .false).items.map(\.id); XCTAssertEqual(actual, [unrelated.id]) }
            let last = try await archive.list(PageRequest(page: .max, perPage: .max), verdict: nil)
            XCTAssertEqual(last.items, [], "a page past the end is empty, without overflow")
            XCTAssertEqual(last.page, PageRequest.maxPage)
            XCTAssertEqual(last.total, 4)
            do { let actual = try await archive.search("liquids", limit: 5).map(\.id); XCTAssertEqual(actual, [unrelated.id]) }
            do { let actual = try await archive.search("\"; DROP TABLE published_check; --", limit: 5).count; XCTAssertEqual(actual, 0) }

            let nearest = try await archive.nearest(to: [0.6, 0.8])
            XCTAssertEqual(nearest?.check.id, unrelated.id)
            XCTAssertEqual(Double(nearest?.similarity ?? 0), 0.8, accuracy: 1e-3)
        }
    }

    func testCommentsReportsAndDeletion() async throws {
        for archive in try await archives() {
            let check = try await archive.publish(report("NATO was founded in 1949."), claimEmbedding: [])
            let first = try await archive.addComment(slug: check.slug, name: "", text: "<b>first</b>", at: Date())
            let second = try await archive.addComment(slug: check.slug, name: "Bo", text: "second", at: Date())
            do { let actual = try await archive.comments(slug: check.slug, includeHidden: false, page: PageRequest(), order: .oldestFirst).items.map(\.text)
                XCTAssertEqual(actual, ["<b>first</b>", "second"]) }
            do { let actual = try await archive.reportComment(id: first.id, hideAfter: 2)?.hidden; XCTAssertEqual(actual, false) }
            do { let actual = try await archive.reportComment(id: first.id, hideAfter: 2)?.hidden; XCTAssertEqual(actual, true) }
            do { let actual = try await archive.comments(slug: check.slug, includeHidden: false, page: PageRequest(), order: .oldestFirst).items.map(\.id)
                XCTAssertEqual(actual, [second.id]) }
            do { let actual = try await archive.comments(slug: check.slug, includeHidden: true, page: PageRequest(), order: .oldestFirst).total
                XCTAssertEqual(actual, 2) }
            do { let actual = try await archive.reportComment(id: 999, hideAfter: 2); XCTAssertNil(actual) }
            do { let actual = try await archive.deleteComment(id: second.id)?.slug; XCTAssertEqual(actual, check.slug) }
            do { let actual = try await archive.deleteComment(id: second.id); XCTAssertNil(actual) }
        }
    }

    func testCommentsArePaginatedInEitherOrder() async throws {
        for archive in try await archives() {
            let check = try await archive.publish(report("NATO was founded in 1949."), claimEmbedding: [])
            for n in 1 ... 7 { _ = try await archive.addComment(slug: check.slug, name: "", text: "comment \(n)", at: Date()) }
            let oldest = try await archive.comments(slug: check.slug, includeHidden: false, page: PageRequest(page: 2, perPage: 3), order: .oldestFirst)
            XCTAssertEqual(oldest.items.map(\.text), ["comment 4", "comment 5", "comment 6"])
            XCTAssertEqual(oldest.total, 7)
            XCTAssertEqual(oldest.pageCount, 3)
            let newest = try await archive.comments(slug: check.slug, includeHidden: false, page: PageRequest(page: 3, perPage: 3), order: .newestFirst)
            XCTAssertEqual(newest.items.map(\.text), ["comment 1"])
            let beyond = try await archive.comments(slug: check.slug, includeHidden: false, page: PageRequest(page: .max, perPage: 3), order: .newestFirst)
            XCTAssertEqual(beyond.items, [])
        }
    }

    /// A database written before published checks existed gains the new tables and keeps its knowledge base.
    func testMigratesAVersionOneDatabase() async throws {
        let path = folder.appendingPathComponent("old.sqlite").path
        let old = try DatabaseQueue(path: path)
        try await old.write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1-knowledge-base');
                CREATE TABLE source (id TEXT PRIMARY KEY, url TEXT NOT NULL, title TEXT NOT NULL, publisher TEXT, domain TEXT NOT NULL,
                    published REAL, retrieved REAL, license TEXT, contentHash TEXT NOT NULL UNIQUE, ingestedAt REAL NOT NULL);
                INSERT INTO source VALUES ('s1', 'https://example.org', 'Example', NULL, 'example.org', NULL, NULL, NULL, 'h1', 0);
                CREATE TABLE passage (id TEXT PRIMARY KEY, sourceId TEXT NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL, embedding BLOB);
                """)
        }
        try old.close()
        let archive = try SQLiteFactCheckArchive(path: path)
        let check = try archive.publish(report("NATO was founded in 1949."), claimEmbedding: [])
        do { let actual = try archive.check(id: check.id)?.slug; XCTAssertEqual(actual, "nato-was-founded-in-1949") }
        let reopened = try DatabaseQueue(path: path)
        do { let actual = try await reopened.read { db in try String.fetchOne(db, sql: "SELECT title FROM source") }; XCTAssertEqual(actual, "Example") }
        let migrations = try await reopened.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        XCTAssertEqual(migrations, ["v1-knowledge-base", "v2-published-checks", "v3-published-articles", "v4-fetch-cache",
                                    "v5-knowledge-base-generation"])
    }

    /// Article checks survive a reopen (SQLite), get unique slugs from their titles and list newest first.
    func testArticlesArePublishedUnderUniqueSlugsAndListedNewestFirst() async throws {
        let path = folder.appendingPathComponent("articles.sqlite").path
        let claim = ExtractedClaim(text: "NATO was founded in 1949.", sentence: "NATO was founded in 1949.", span: TextSpan(start: 0, end: 25), checkWorthiness: 0.8)
        let article = ArticleReport(article: Article(text: "NATO was founded in 1949.", title: "Why is Japan not in NATO?"), date: Date(timeIntervalSince1970: 1_700_000_000),
                                    claims: [.init(claim: claim, report: report("NATO was founded in 1949."), slug: "nato-was-founded-in-1949")])
        let first = try SQLiteFactCheckArchive(path: path).publishArticle(article)
        let second = try SQLiteFactCheckArchive(path: path).publishArticle(article)
        XCTAssertEqual([first.slug, second.slug], ["why-is-japan-not-in-nato", "why-is-japan-not-in-nato-2"])
        let reopened = try SQLiteFactCheckArchive(path: path)
        XCTAssertEqual(try reopened.article(idOrSlug: first.id)?.report, article)
        XCTAssertEqual(try reopened.article(idOrSlug: second.slug)?.id, second.id)
        XCTAssertNil(try reopened.article(idOrSlug: "missing"))
        let page = try reopened.articles(PageRequest(page: 1, perPage: 1))
        XCTAssertEqual(page.items.map(\.id), [second.id])
        XCTAssertEqual(page.total, 2)
        for archive in try await archives() {
            let first = try await archive.publishArticle(article)
            let second = try await archive.publishArticle(article)
            XCTAssertEqual([first.slug, second.slug], ["why-is-japan-not-in-nato", "why-is-japan-not-in-nato-2"])
            do { let actual = try await archive.article(idOrSlug: first.id)?.report; XCTAssertEqual(actual, article) }
            do { let actual = try await archive.article(idOrSlug: second.slug)?.id; XCTAssertEqual(actual, second.id) }
            do { let actual = try await archive.articles(PageRequest(page: 1, perPage: 1)).items.map(\.id); XCTAssertEqual(actual, [second.id]) }
        }
    }
}
