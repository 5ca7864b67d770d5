import FactCheckCore
import Foundation
import PostgresStore
import Store
import XCTest

/// `factcheck export` / `import`: SQLite → PostgreSQL → SQLite keeps every record as it was, and importing twice
/// adds nothing.
final class ArchiveTransferTests: XCTestCase {
    private func report(_ claim: String, verdict: Verdict) -> Report {
        Report(claim: claim, normalizedClaim: claim, date: Date(timeIntervalSince1970: 1_790_000_000), verdict: verdict, confidence: 0.8,
               summary: "About \(claim)", whatWeKnow: [.init(text: "A fact.", citations: [1])], analysis: [], conclusion: "Done.", sources: [],
               timingsMs: [:])
    }

    /// The archive's records, with publication times to the millisecond (PostgreSQL keeps microseconds, SQLite more).
    private func records(_ archive: any ArchiveTransfer) async throws -> [ArchiveRecord] {
        let collected = Collected()
        try await archive.exportRecords { collected.add($0) }
        let millisecond = { (date: Date) in Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000) }
        return collected.all.map { record in
            switch record {
            case .check(var check, let embedding):
                check.publishedAt = millisecond(check.publishedAt)
                return .check(check, embedding: embedding)
            case var .comment(comment):
                comment.postedAt = millisecond(comment.postedAt)
                return .comment(comment)
            case var .article(article):
                article.publishedAt = millisecond(article.publishedAt)
                return .article(article)
            }
        }
    }

    func testRoundTripThroughPostgresKeepsEverything() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("transfer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try SQLiteFactCheckArchive(path: folder.appendingPathComponent("a.sqlite").path)
        let first = try source.publish(report("NATO was founded in 1949.", verdict: .true), claimEmbedding: [0.6, 0.8])
        _ = try source.publish(report("NATO was founded in 1949.", verdict: .mostlyTrue), claimEmbedding: [0.6, 0.8])
        _ = try source.publish(report("Water is wet.", verdict: .false), claimEmbedding: [])
        _ = try source.addComment(slug: first.slug, name: "Bo", text: "<b>first</b>", at: Date(timeIntervalSince1970: 1_790_000_100))
        let reported = try source.addComment(slug: first.slug, name: "", text: "second", at: Date(timeIntervalSince1970: 1_790_000_200))
        _ = try source.reportComment(id: reported.id, hideAfter: 1)
        let claim = ExtractedClaim(text: "NATO was founded in 1949.", sentence: "NATO was founded in 1949.", span: TextSpan(start: 0, end: 25), checkWorthiness: 0.8)
        _ = try source.publishArticle(ArticleReport(article: Article(text: "NATO was founded in 1949.", title: "NATO at 75"),
                                                    date: Date(timeIntervalSince1970: 1_790_000_000),
                                                    claims: [.init(claim: claim, report: first.report, slug: first.slug)]))
        let exported = try await records(source)
        XCTAssertEqual(exported.count, 6)

        let instance = try await TestPostgres.database()
        defer { instance.close() }
        let postgres = PostgresFactCheckArchive(database: instance.database)
        for record in exported { let stored = try await postgres.importRecord(record); XCTAssertTrue(stored) }
        for record in exported { let stored = try await postgres.importRecord(record); XCTAssertFalse(stored, "a second import adds nothing") }
        let fromPostgres = try await records(postgres)
        XCTAssertEqual(fromPostgres, exported)
        do { let actual = try await postgres.check(slug: first.slug, version: nil)?.version; XCTAssertEqual(actual, 2, "the latest version stays latest") }
        do { let actual = try await postgres.nearest(to: [0.6, 0.8])?.check.version; XCTAssertEqual(actual, 2) }
        let next = try await postgres.addComment(slug: first.slug, name: "", text: "after the import", at: Date())
        XCTAssertGreaterThan(next.id, reported.id, "new comments continue after the imported ids")

        let back = try SQLiteFactCheckArchive(path: folder.appendingPathComponent("b.sqlite").path)
        for record in fromPostgres { _ = try back.importRecord(record) }
        let roundTripped = try await records(back)
        XCTAssertEqual(roundTripped, exported)
        XCTAssertEqual(try back.list(PageRequest(), verdict: nil).total, 2)
    }

    /// Every change to a check or its comments moves its revision, so other instances' cached pages go stale.
    func testRevisionsMoveWithEveryChange() async throws {
        let instance = try await TestPostgres.database()
        defer { instance.close() }
        let archive = PostgresFactCheckArchive(database: instance.database)
        var seen: [Int64] = []
        let check = try await archive.publish(report("NATO was founded in 1949.", verdict: .true), claimEmbedding: [])
        seen.append(try await archive.revision(slug: check.slug) ?? -1)
        let comment = try await archive.addComment(slug: check.slug, name: "", text: "hi", at: Date())
        seen.append(try await archive.revision(slug: check.slug) ?? -1)
        _ = try await archive.reportComment(id: comment.id, hideAfter: 3)
        seen.append(try await archive.revision(slug: check.slug) ?? -1)
        _ = try await archive.deleteComment(id: comment.id)
        seen.append(try await archive.revision(slug: check.slug) ?? -1)
        _ = try await archive.publish(report("NATO was founded in 1949.", verdict: .false), claimEmbedding: [])
        seen.append(try await archive.revision(slug: check.slug) ?? -1)
        XCTAssertEqual(seen, [1, 2, 3, 4, 5])
        do { let actual = try await archive.revision(slug: "never-published"); XCTAssertEqual(actual, 0) }
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [ArchiveRecord] = []

    func add(_ record: ArchiveRecord) { lock.withLock { records.append(record) } }
    var all: [ArchiveRecord] { lock.withLock { records } }
}
