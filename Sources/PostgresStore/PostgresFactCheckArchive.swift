import FactCheckCore
import Foundation
import PostgresNIO

/// Published fact checks, article checks and comments in the shared PostgreSQL database, for several instances at once.
/// Publishing takes a transaction-scoped advisory lock, so two instances publishing the same claim make two versions of
/// one check, never two checks; every query is parameterised.
public final class PostgresFactCheckArchive: FactCheckArchive {
    let database: PostgresDatabase

    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func publish(_ report: Report, claimEmbedding: [Float]) async throws -> PublishedCheck {
        let matchKey = ClaimKey.matchKey(report.normalizedClaim)
        let json = String(decoding: try ArchiveCoding.encoder.encode(report), as: UTF8.self)
        let embedding: [Float]? = claimEmbedding.isEmpty ? nil : claimEmbedding
        let logger = database.logger
        return try await database.transaction { connection in
            try await connection.execute("SELECT pg_advisory_xact_lock(\(Self.publishLock))", logger: logger)
            let previous = try await connection.query(
                "SELECT slug, version FROM published_check WHERE match_key = \(matchKey) AND is_latest", logger: logger
            ).collect().first?.decode((String, Int).self)
            let slug: String
            let version: Int
            if let previous {
                (slug, version) = (previous.0, previous.1 + 1)
                try await connection.execute("UPDATE published_check SET is_latest = FALSE WHERE slug = \(slug) AND is_latest", logger: logger)
            } else {
                var taken = Set<String>()
                let base = ClaimKey.slug(report.normalizedClaim)
                for try await existing in try await connection.query(
                    "SELECT DISTINCT slug FROM published_check WHERE slug = \(base) OR slug LIKE \(base + "-%")", logger: logger
                ).decode(String.self) { taken.insert(existing) }
                slug = ClaimKey.uniqueSlug(base) { taken.contains($0) }
                version = 1
            }
            let check = PublishedCheck(id: UUID().uuidString.lowercased(), slug: slug, version: version, report: report, publishedAt: Date())
            try await connection.execute("""
                INSERT INTO published_check (id, slug, version, match_key, verdict, claim, summary, report, embedding, published_at, is_latest)
                VALUES (\(check.id), \(slug), \(version), \(matchKey), \(report.verdict.rawValue), \(report.claim), \(report.summary),
                        \(json), \(embedding), \(check.publishedAt), TRUE)
                """, logger: logger)
            try await Self.bumpRevision(of: slug, connection, logger: logger)
            return check
        }
    }

    public func check(id: String) async throws -> PublishedCheck? {
        try await checks("SELECT \(unescaped: Self.checkColumns) FROM published_check WHERE id = \(id)").first
    }

    public func check(slug: String, version: Int?) async throws -> PublishedCheck? {
        if let version {
            return try await checks("SELECT \(unescaped: Self.checkColumns) FROM published_check WHERE slug = \(slug) AND version = \(version)").first
        }
        return try await checks("SELECT \(unescaped: Self.checkColumns) FROM published_check WHERE slug = \(slug) AND is_latest").first
    }

    public func versions(slug: String) async throws -> [PublishedCheck] {
        try await checks("SELECT \(unescaped: Self.checkColumns) FROM published_check WHERE slug = \(slug) ORDER BY version DESC")
    }

    public func list(_ page: PageRequest, verdict: Verdict?) async throws -> ResultPage<PublishedCheck> {
        let verdict = verdict?.rawValue
        let total = try await database.rows(
            "SELECT COUNT(*) FROM published_check WHERE is_latest AND (\(verdict)::TEXT IS NULL OR verdict = \(verdict))"
        ).first?.decode(Int.self) ?? 0
        let items = try await checks("""
            SELECT \(unescaped: Self.checkColumns) FROM published_check WHERE is_latest AND (\(verdict)::TEXT IS NULL OR verdict = \(verdict))
            ORDER BY seq DESC LIMIT \(page.perPage) OFFSET \(page.offset)
            """)
        return ResultPage(items: items, request: page, total: total)
    }

    public func search(_ query: String, limit: Int) async throws -> [PublishedCheck] {
        // Any of the query's words (stemmed, stop words dropped by the dictionary), best ranked first.
        try await checks("""
            SELECT \(unescaped: Self.checkColumns) FROM published_check,
                (SELECT NULLIF(replace(plainto_tsquery('english', \(query))::TEXT, '&', '|'), '')::tsquery AS terms) AS query
            WHERE is_latest AND search @@ terms ORDER BY ts_rank(search, terms) DESC, seq DESC LIMIT \(limit)
            """)
    }

    public func check(matchKey: String) async throws -> PublishedCheck? {
        try await checks("SELECT \(unescaped: Self.checkColumns) FROM published_check WHERE match_key = \(matchKey) AND is_latest").first
    }

    public func nearest(to embedding: [Float]) async throws -> (check: PublishedCheck, similarity: Float)? {
        guard !embedding.isEmpty else { return nil }
        // The dot product of unit vectors, computed in the database so no embedding travels to the instance.
        let rows = try await database.rows("""
            SELECT id, (SELECT SUM(a::FLOAT8 * b::FLOAT8) FROM unnest(embedding, \(embedding)::REAL[]) AS pair(a, b))::REAL AS similarity
            FROM published_check WHERE is_latest AND cardinality(embedding) = \(embedding.count)
            ORDER BY similarity DESC NULLS LAST LIMIT 1
            """)
        guard let (id, similarity) = try rows.first?.decode((String, Float).self), let check = try await check(id: id) else { return nil }
        return (check, similarity)
    }

    public func addComment(slug: String, name: String, text: String, at date: Date) async throws -> Comment {
        let logger = database.logger
        return try await database.transaction { connection in
            let id = try await connection.query(
                "INSERT INTO comment (slug, name, text, posted_at) VALUES (\(slug), \(name), \(text), \(date)) RETURNING id", logger: logger
            ).collect().first?.decode(Int64.self) ?? 0
            try await Self.bumpRevision(of: slug, connection, logger: logger)
            return Comment(id: id, slug: slug, name: name, text: text, postedAt: date)
        }
    }

    public func comments(slug: String, includeHidden: Bool, page: PageRequest, order: CommentOrder) async throws -> ResultPage<Comment> {
        let total = try await database.rows(
            "SELECT COUNT(*) FROM comment WHERE slug = \(slug) AND (\(includeHidden) OR NOT hidden)"
        ).first?.decode(Int.self) ?? 0
        let direction = order == .oldestFirst ? "ASC" : "DESC"
        let comments = try await database.rows("""
            SELECT \(unescaped: Self.commentColumns) FROM comment WHERE slug = \(slug) AND (\(includeHidden) OR NOT hidden)
            ORDER BY id \(unescaped: direction) LIMIT \(page.perPage) OFFSET \(page.offset)
            """).map(Self.comment)
        return ResultPage(items: comments, request: page, total: total)
    }

    public func reportComment(id: Int64, hideAfter: Int) async throws -> Comment? {
        try await changingComment("""
            UPDATE comment SET reports = reports + 1, hidden = hidden OR reports + 1 >= \(hideAfter) WHERE id = \(id)
            RETURNING \(unescaped: Self.commentColumns)
            """)
    }

    public func deleteComment(id: Int64) async throws -> Comment? {
        try await changingComment("DELETE FROM comment WHERE id = \(id) RETURNING \(unescaped: Self.commentColumns)")
    }

    /// Runs `query`, which changes one comment and returns it, and marks its check's pages changed.
    private func changingComment(_ query: PostgresQuery) async throws -> Comment? {
        let logger = database.logger
        return try await database.transaction { connection in
            guard let comment = try await connection.query(query, logger: logger).collect().first.map(Self.comment) else { return nil }
            try await Self.bumpRevision(of: comment.slug, connection, logger: logger)
            return comment
        }
    }

    public func revision(slug: String) async throws -> Int64? {
        try await database.rows("SELECT revision FROM page_revision WHERE slug = \(slug)").first?.decode(Int64.self) ?? 0
    }

    /// Counts one change to the checks or comments under `slug` (see `revision(slug:)`).
    static func bumpRevision(of slug: String, _ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.execute("""
            INSERT INTO page_revision (slug, revision) VALUES (\(slug), 1) ON CONFLICT (slug) DO UPDATE SET revision = page_revision.revision + 1
            """, logger: logger)
    }

    public func publishArticle(_ report: ArticleReport) async throws -> PublishedArticle {
        let json = String(decoding: try ArchiveCoding.encoder.encode(report), as: UTF8.self)
        let logger = database.logger
        return try await database.transaction { connection in
            try await connection.execute("SELECT pg_advisory_xact_lock(\(Self.publishLock))", logger: logger)
            let base = ClaimKey.slug(report.article.title ?? "article")
            var taken = Set<String>()
            for try await existing in try await connection.query(
                "SELECT slug FROM published_article WHERE slug = \(base) OR slug LIKE \(base + "-%")", logger: logger
            ).decode(String.self) { taken.insert(existing) }
            let article = PublishedArticle(id: UUID().uuidString.lowercased(), slug: ClaimKey.uniqueSlug(base) { taken.contains($0) },
                                           report: report, publishedAt: Date())
            try await connection.execute("""
                INSERT INTO published_article (id, slug, title, rating, report, published_at)
                VALUES (\(article.id), \(article.slug), \(report.article.title), \(report.rating), \(json), \(article.publishedAt))
                """, logger: logger)
            return article
        }
    }

    public func article(idOrSlug: String) async throws -> PublishedArticle? {
        try await articles("SELECT id, slug, report, published_at FROM published_article WHERE id = \(idOrSlug) OR slug = \(idOrSlug)").first
    }

    public func articles(_ page: PageRequest) async throws -> ResultPage<PublishedArticle> {
        let total = try await database.rows("SELECT COUNT(*) FROM published_article").first?.decode(Int.self) ?? 0
        let items = try await articles(
            "SELECT id, slug, report, published_at FROM published_article ORDER BY seq DESC LIMIT \(page.perPage) OFFSET \(page.offset)"
        )
        return ResultPage(items: items, request: page, total: total)
    }

    /// The database answers and has every migration this program knows.
    public func checkReady() async throws {
        let pending = try await database.pendingMigrations()
        guard pending.isEmpty else { throw PostgresStoreError.migrationsPending(pending) }
    }

    // MARK: - Rows

    /// The advisory lock key held while publishing ("FCpubl" as a number): slugs and versions are chosen one at a time.
    static let publishLock: Int64 = 0x4643_7075_626C
    private static let checkColumns = "id, slug, version, report, published_at"
    static let commentColumns = "id, slug, name, text, posted_at, reports, hidden"

    private func checks(_ query: PostgresQuery) async throws -> [PublishedCheck] {
        try await database.rows(query).map { row in
            let (id, slug, version, json, publishedAt) = try row.decode((String, String, Int, String, Date).self)
            return PublishedCheck(id: id, slug: slug, version: version, report: try ArchiveCoding.decoder.decode(Report.self, from: Data(json.utf8)),
                                  publishedAt: publishedAt)
        }
    }

    func articles(_ query: PostgresQuery) async throws -> [PublishedArticle] {
        try await database.rows(query).map { row in
            let (id, slug, json, publishedAt) = try row.decode((String, String, String, Date).self)
            return PublishedArticle(id: id, slug: slug, report: try ArchiveCoding.decoder.decode(ArticleReport.self, from: Data(json.utf8)),
                                    publishedAt: publishedAt)
        }
    }

    static func comment(_ row: PostgresRow) throws -> Comment {
        let (id, slug, name, text, postedAt, reports, hidden) = try row.decode((Int64, String, String, String, Date, Int, Bool).self)
        return Comment(id: id, slug: slug, name: name, text: text, postedAt: postedAt, reports: reports, hidden: hidden)
    }
}
