import FactCheckCore
import Foundation
import PostgresNIO

extension PostgresFactCheckArchive: ArchiveTransfer {
    public func exportRecords(_ each: @Sendable (ArchiveRecord) async throws -> Void) async throws {
        var after: Int64 = 0
        while true {  // a page at a time, so a large archive is never read whole
            let rows = try await database.rows("""
                SELECT seq, id, slug, version, report, published_at, embedding FROM published_check WHERE seq > \(after) ORDER BY seq LIMIT 500
                """)
            guard !rows.isEmpty else { break }
            for row in rows {
                let (seq, id, slug, version, json, publishedAt, embedding) = try row.decode((Int64, String, String, Int, String, Date, [Float]?).self)
                after = seq
                let check = PublishedCheck(id: id, slug: slug, version: version, report: try ArchiveCoding.decoder.decode(Report.self, from: Data(json.utf8)),
                                           publishedAt: publishedAt)
                try await each(.check(check, embedding: embedding ?? []))
            }
        }
        after = 0
        while true {
            let comments = try await database.rows("SELECT \(unescaped: Self.commentColumns) FROM comment WHERE id > \(after) ORDER BY id LIMIT 500")
                .map(Self.comment)
            guard let last = comments.last else { break }
            after = last.id
            for comment in comments { try await each(.comment(comment)) }
        }
        for article in try await articles("SELECT id, slug, report, published_at FROM published_article ORDER BY seq") {
            try await each(.article(article))
        }
    }

    public func importRecord(_ record: ArchiveRecord) async throws -> Bool {
        let logger = database.logger
        switch record {
        case let .check(check, embedding):
            let report = check.report
            let json = String(decoding: try ArchiveCoding.encoder.encode(report), as: UTF8.self)
            let stored: [Float]? = embedding.isEmpty ? nil : embedding
            return try await database.transaction { connection in
                let inserted = try await connection.query("""
                    INSERT INTO published_check (id, slug, version, match_key, verdict, claim, summary, report, embedding, published_at, is_latest)
                    VALUES (\(check.id), \(check.slug), \(check.version), \(ClaimKey.matchKey(report.normalizedClaim)), \(report.verdict.rawValue),
                            \(report.claim), \(report.summary), \(json), \(stored), \(check.publishedAt), FALSE)
                    ON CONFLICT DO NOTHING RETURNING id
                    """, logger: logger).collect()
                guard !inserted.isEmpty else { return false }
                try await connection.execute("""
                    UPDATE published_check SET is_latest = (version = (SELECT MAX(version) FROM published_check p WHERE p.slug = \(check.slug)))
                    WHERE slug = \(check.slug)
                    """, logger: logger)
                try await Self.bumpRevision(of: check.slug, connection, logger: logger)
                return true
            }
        case let .comment(comment):
            return try await database.transaction { connection in
                let inserted = try await connection.query("""
                    INSERT INTO comment (id, slug, name, text, posted_at, reports, hidden)
                    VALUES (\(comment.id), \(comment.slug), \(comment.name), \(comment.text), \(comment.postedAt), \(comment.reports), \(comment.hidden))
                    ON CONFLICT DO NOTHING RETURNING id
                    """, logger: logger).collect()
                guard !inserted.isEmpty else { return false }
                // New comments continue after the highest id imported.
                try await connection.execute("SELECT setval(pg_get_serial_sequence('comment', 'id'), (SELECT MAX(id) FROM comment))", logger: logger)
                try await Self.bumpRevision(of: comment.slug, connection, logger: logger)
                return true
            }
        case let .article(article):
            let json = String(decoding: try ArchiveCoding.encoder.encode(article.report), as: UTF8.self)
            return try await !database.rows("""
                INSERT INTO published_article (id, slug, title, rating, report, published_at)
                VALUES (\(article.id), \(article.slug), \(article.report.article.title), \(article.report.rating), \(json), \(article.publishedAt))
                ON CONFLICT DO NOTHING RETURNING id
                """).isEmpty
        }
    }
}
