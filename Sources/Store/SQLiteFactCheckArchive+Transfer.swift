import FactCheckCore
import Foundation
import GRDB

extension SQLiteFactCheckArchive: ArchiveTransfer {
    public func exportRecords(_ each: @Sendable (ArchiveRecord) async throws -> Void) async throws {
        var after: Int64 = 0
        while true {  // a page at a time, so a large archive is never read whole
            let rows = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT rowid, id, slug, version, report, publishedAt, embedding FROM published_check WHERE rowid > ? ORDER BY rowid LIMIT 500",
                                 arguments: [after])
            }
            guard let last = rows.last else { break }
            after = last["rowid"]
            for row in rows {
                let check = PublishedCheck(id: row["id"], slug: row["slug"], version: row["version"],
                                           report: try ArchiveCoding.decoder.decode(Report.self, from: Data((row["report"] as String).utf8)),
                                           publishedAt: Date(timeIntervalSince1970: row["publishedAt"]))
                try await each(.check(check, embedding: (row["embedding"] as Data?).map(VectorCoding.decode) ?? []))
            }
        }
        after = 0
        while true {
            let comments = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM comment WHERE id > ? ORDER BY id LIMIT 500", arguments: [after]).map(Self.comment)
            }
            guard let last = comments.last else { break }
            after = last.id
            for comment in comments { try await each(.comment(comment)) }
        }
        for article in try database.read({ db in try Self.articles(db, where: "1 ORDER BY rowid", []) }) {
            try await each(.article(article))
        }
    }

    public func importRecord(_ record: ArchiveRecord) throws -> Bool {
        try database.write { db in
            switch record {
            case let .check(check, embedding):
                let report = check.report
                try db.execute(sql: """
                    INSERT OR IGNORE INTO published_check (id, slug, version, matchKey, verdict, claim, summary, report, embedding, publishedAt, isLatest)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                    """, arguments: [check.id, check.slug, check.version, ClaimKey.matchKey(report.normalizedClaim), report.verdict.rawValue,
                                     report.claim, report.summary, String(decoding: try ArchiveCoding.encoder.encode(report), as: UTF8.self),
                                     embedding.isEmpty ? nil : VectorCoding.encode(embedding), check.publishedAt.timeIntervalSince1970])
                guard db.changesCount > 0 else { return false }
                try db.execute(sql: """
                    UPDATE published_check SET isLatest = (version = (SELECT MAX(version) FROM published_check p WHERE p.slug = published_check.slug))
                    WHERE slug = ?
                    """, arguments: [check.slug])
            case let .comment(comment):
                try db.execute(sql: "INSERT OR IGNORE INTO comment (id, slug, name, text, postedAt, reports, hidden) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               arguments: [comment.id, comment.slug, comment.name, comment.text, comment.postedAt.timeIntervalSince1970,
                                           comment.reports, comment.hidden])
            case let .article(article):
                try db.execute(sql: "INSERT OR IGNORE INTO published_article (id, slug, title, rating, report, publishedAt) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [article.id, article.slug, article.report.article.title, article.report.rating,
                                           String(decoding: try ArchiveCoding.encoder.encode(article.report), as: UTF8.self),
                                           article.publishedAt.timeIntervalSince1970])
            }
            return db.changesCount > 0
        }
    }
}
