import FactCheckCore
import Foundation
import GRDB

/// Published fact checks, article checks and comments in the project's SQLite database (tables `published_check`,
/// `published_article`, `comment`).
/// Every write is one transaction, so concurrent publishing and commenting lose nothing.
public final class SQLiteFactCheckArchive: FactCheckArchive {
    public let path: String
    let database: StoreDatabase

    /// Opens (creating or migrating) the database at `path`.
    public init(path: String) throws {
        self.path = path
        database = try StoreDatabase(path: path)
    }

    public func publish(_ report: Report, claimEmbedding: [Float]) throws -> PublishedCheck {
        let matchKey = ClaimKey.matchKey(report.normalizedClaim)
        let json = try ArchiveCoding.encoder.encode(report)
        return try database.write { db in
            let previous = try Row.fetchOne(db, sql: "SELECT slug, version FROM published_check WHERE matchKey = ? AND isLatest = 1 LIMIT 1",
                                            arguments: [matchKey])
            let slug: String
            let version: Int
            if let previous {
                slug = previous["slug"]
                version = previous["version"] as Int + 1
                try db.execute(sql: "UPDATE published_check SET isLatest = 0 WHERE slug = ?", arguments: [slug])
            } else {
                slug = try Self.unusedSlug(ClaimKey.slug(report.normalizedClaim), db)
                version = 1
            }
            let check = PublishedCheck(id: UUID().uuidString.lowercased(), slug: slug, version: version, report: report, publishedAt: Date())
            try db.execute(
                sql: """
                INSERT INTO published_check (id, slug, version, matchKey, verdict, claim, summary, report, embedding, publishedAt, isLatest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """,
                arguments: [check.id, slug, version, matchKey, report.verdict.rawValue, report.claim, report.summary,
                            String(decoding: json, as: UTF8.self), claimEmbedding.isEmpty ? nil : VectorCoding.encode(claimEmbedding),
                            check.publishedAt.timeIntervalSince1970]
            )
            return check
        }
    }

    public func check(id: String) throws -> PublishedCheck? {
        try database.read { db in try Self.checks(db, where: "id = ?", [id]).first }
    }

    public func check(slug: String, version: Int?) throws -> PublishedCheck? {
        try database.read { db in
            if let version { return try Self.checks(db, where: "slug = ? AND version = ?", [slug, version]).first }
            return try Self.checks(db, where: "slug = ? AND isLatest = 1", [slug]).first
        }
    }

    public func versions(slug: String) throws -> [PublishedCheck] {
        try database.read { db in try Self.checks(db, where: "slug = ? ORDER BY version DESC", [slug]) }
    }

    public func list(_ page: PageRequest, verdict: Verdict?) throws -> ResultPage<PublishedCheck> {
        let filter = verdict == nil ? "isLatest = 1" : "isLatest = 1 AND verdict = ?"
        let arguments: [(any DatabaseValueConvertible)?] = verdict.map { [$0.rawValue] } ?? []
        return try database.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM published_check WHERE \(filter)", arguments: StatementArguments(arguments)) ?? 0
            let checks = try Self.checks(db, where: "\(filter) ORDER BY rowid DESC LIMIT ? OFFSET ?", arguments + [page.perPage, page.offset])
            return ResultPage(items: checks, request: page, total: total)
        }
    }

    public func search(_ query: String, limit: Int) throws -> [PublishedCheck] {
        let terms = FTSQuery.terms(of: query)
        guard !terms.isEmpty else { return [] }
        return try database.read { db in
            let ids = try String.fetchAll(db, sql: """
                SELECT p.id FROM published_check_fts f JOIN published_check p ON p.rowid = f.rowid
                WHERE published_check_fts MATCH ? AND p.isLatest = 1 ORDER BY bm25(published_check_fts, 2.0, 1.0) LIMIT ?
                """, arguments: [terms.joined(separator: " OR "), limit])
            let byID = Dictionary(uniqueKeysWithValues: try Self.checks(db, where: "id IN (\(ids.map { _ in "?" }.joined(separator: ",")))", ids).map { ($0.id, $0) })
            return ids.compactMap { byID[$0] }
        }
    }

    public func check(matchKey: String) throws -> PublishedCheck? {
        try database.read { db in try Self.checks(db, where: "matchKey = ? AND isLatest = 1", [matchKey]).first }
    }

    public func nearest(to embedding: [Float]) throws -> (check: PublishedCheck, similarity: Float)? {
        guard !embedding.isEmpty else { return nil }
        return try database.read { db in
            var best: (id: String, similarity: Float)?
            let rows = try Row.fetchCursor(db, sql: "SELECT id, embedding FROM published_check WHERE isLatest = 1 AND embedding IS NOT NULL")
            while let row = try rows.next() {
                let vector = VectorCoding.decode(row["embedding"])
                guard vector.count == embedding.count else { continue }
                let similarity = zip(vector, embedding).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                if similarity > best?.similarity ?? -.infinity { best = (row["id"], similarity) }
            }
            guard let best, let check = try Self.checks(db, where: "id = ?", [best.id]).first else { return nil }
            return (check, best.similarity)
        }
    }

    public func addComment(slug: String, name: String, text: String, at date: Date) throws -> Comment {
        try database.write { db in
            try db.execute(sql: "INSERT INTO comment (slug, name, text, postedAt) VALUES (?, ?, ?, ?)",
                           arguments: [slug, name, text, date.timeIntervalSince1970])
            return Comment(id: db.lastInsertedRowID, slug: slug, name: name, text: text, postedAt: date)
        }
    }

    public func comments(slug: String, includeHidden: Bool, page: PageRequest, order: CommentOrder) throws -> ResultPage<Comment> {
        let filter = "slug = ?" + (includeHidden ? "" : " AND hidden = 0")
        return try database.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM comment WHERE \(filter)", arguments: [slug]) ?? 0
            let comments = try Row.fetchAll(
                db, sql: "SELECT * FROM comment WHERE \(filter) ORDER BY id \(order == .oldestFirst ? "ASC" : "DESC") LIMIT ? OFFSET ?",
                arguments: [slug, page.perPage, page.offset]
            ).map(Self.comment)
            return ResultPage(items: comments, request: page, total: total)
        }
    }

    public func reportComment(id: Int64, hideAfter: Int) throws -> Comment? {
        try database.write { db in
            try db.execute(sql: "UPDATE comment SET reports = reports + 1, hidden = CASE WHEN reports + 1 >= ? THEN 1 ELSE hidden END WHERE id = ?",
                           arguments: [hideAfter, id])
            return try Row.fetchOne(db, sql: "SELECT * FROM comment WHERE id = ?", arguments: [id]).map(Self.comment)
        }
    }

    public func deleteComment(id: Int64) throws -> Comment? {
        try database.write { db in
            let comment = try Row.fetchOne(db, sql: "SELECT * FROM comment WHERE id = ?", arguments: [id]).map(Self.comment)
            try db.execute(sql: "DELETE FROM comment WHERE id = ?", arguments: [id])
            return comment
        }
    }

    public func publishArticle(_ report: ArticleReport) throws -> PublishedArticle {
        let json = String(decoding: try ArchiveCoding.encoder.encode(report), as: UTF8.self)
        return try database.write { db in
            let slug = try ClaimKey.uniqueSlug(ClaimKey.slug(report.article.title ?? "article")) {
                try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM published_article WHERE slug = ?)", arguments: [$0]) ?? false
            }
            let article = PublishedArticle(id: UUID().uuidString.lowercased(), slug: slug, report: report, publishedAt: Date())
            try db.execute(sql: "INSERT INTO published_article (id, slug, title, rating, report, publishedAt) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [article.id, slug, report.article.title, report.rating, json, article.publishedAt.timeIntervalSince1970])
            return article
        }
    }

    public func article(idOrSlug: String) throws -> PublishedArticle? {
        try database.read { db in try Self.articles(db, where: "id = ? OR slug = ?", [idOrSlug, idOrSlug]).first }
    }

    public func articles(_ page: PageRequest) throws -> ResultPage<PublishedArticle> {
        try database.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM published_article") ?? 0
            return ResultPage(items: try Self.articles(db, where: "1 ORDER BY rowid DESC LIMIT ? OFFSET ?", [page.perPage, page.offset]),
                              request: page, total: total)
        }
    }

    /// nil: the embedded default is one process, which invalidates its own page cache.
    public func revision(slug: String) -> Int64? { nil }

    /// Reads the database, and its migrations must all be applied (another process may have replaced the file).
    public func checkReady() throws {
        try database.checkCurrent()
    }

    static func articles(_ db: Database, where clause: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> [PublishedArticle] {
        try Row.fetchAll(db, sql: "SELECT id, slug, report, publishedAt FROM published_article WHERE \(clause)", arguments: StatementArguments(arguments)).map { row in
            PublishedArticle(id: row["id"], slug: row["slug"], report: try ArchiveCoding.decoder.decode(ArticleReport.self, from: Data((row["report"] as String).utf8)),
                             publishedAt: Date(timeIntervalSince1970: row["publishedAt"]))
        }
    }

    private static func checks(_ db: Database, where clause: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> [PublishedCheck] {
        try Row.fetchAll(db, sql: "SELECT id, slug, version, report, publishedAt FROM published_check WHERE \(clause)",
                                arguments: StatementArguments(arguments)).map { row in
            PublishedCheck(id: row["id"], slug: row["slug"], version: row["version"],
                           report: try ArchiveCoding.decoder.decode(Report.self, from: Data((row["report"] as String).utf8)),
                           publishedAt: Date(timeIntervalSince1970: row["publishedAt"]))
        }
    }

    static func comment(_ row: Row) -> Comment {
        Comment(id: row["id"], slug: row["slug"], name: row["name"], text: row["text"],
                postedAt: Date(timeIntervalSince1970: row["postedAt"]), reports: row["reports"], hidden: row["hidden"])
    }

    private static func unusedSlug(_ base: String, _ db: Database) throws -> String {
        try ClaimKey.uniqueSlug(base) { try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM published_check WHERE slug = ?)", arguments: [$0]) ?? false }
    }
}
