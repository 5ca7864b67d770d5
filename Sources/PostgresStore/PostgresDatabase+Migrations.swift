import FactCheckCore
import PostgresNIO

/// One named step of the schema; steps run in order, each once, each in its own transaction.
struct PostgresMigration: Sendable {
    let name: String
    let statements: [String]
}

extension PostgresDatabase {
    /// Applies the migrations this database has not had yet. Safe from several instances at once: an advisory lock
    /// lets one apply them while the others wait, then find nothing left to do.
    public func migrate() async throws {
        try await withConnection { connection in
            try await connection.execute("SELECT pg_advisory_lock(\(Self.migrationLock))", logger: self.logger)
            do {
                try await connection.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                    """, logger: self.logger)
                let applied = try await Self.appliedMigrations(connection, logger: self.logger)
                for migration in Self.migrations where !applied.contains(migration.name) {
                    try await connection.withTransaction(logger: self.logger) { connection in
                        for statement in migration.statements {
                            try await connection.execute(PostgresQuery(unsafeSQL: statement), logger: self.logger)
                        }
                        try await connection.execute("INSERT INTO schema_migration (name) VALUES (\(migration.name))", logger: self.logger)
                    }
                    self.logger.info("applied migration \(migration.name)")
                }
            } catch {
                try? await connection.execute("SELECT pg_advisory_unlock(\(Self.migrationLock))", logger: self.logger)
                throw error
            }
            try await connection.execute("SELECT pg_advisory_unlock(\(Self.migrationLock))", logger: self.logger)
        }
    }

    /// Migrations this program knows that the database has not had; a migration the database has that this program
    /// does not know (a newer version wrote it) is an error.
    public func pendingMigrations() async throws -> [String] {
        let applied = try await withConnection { connection in
            let exists = try await connection.query("SELECT to_regclass('schema_migration') IS NOT NULL", logger: self.logger)
                .collect().first?.decode(Bool.self) ?? false
            return exists ? try await Self.appliedMigrations(connection, logger: self.logger) : []
        }
        let known = Set(Self.migrations.map(\.name))
        let unknown = applied.subtracting(known)
        guard unknown.isEmpty else { throw PostgresStoreError.unknownMigrations(unknown.sorted()) }
        return Self.migrations.map(\.name).filter { !applied.contains($0) }
    }

    private static func appliedMigrations(_ connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        var names = Set<String>()
        for try await name in try await connection.query("SELECT name FROM schema_migration", logger: logger).decode(String.self) {
            names.insert(name)
        }
        return names
    }

    /// The advisory lock key held while migrating ("FCmigr" as a number).
    static let migrationLock: Int64 = 0x4643_6D69_6772

    static let migrations: [PostgresMigration] = [
        PostgresMigration(name: "v1-published-checks", statements: [
            """
            CREATE TABLE published_check (
                seq BIGSERIAL PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                slug TEXT NOT NULL,
                version INTEGER NOT NULL,
                match_key TEXT NOT NULL,
                verdict TEXT NOT NULL,
                claim TEXT NOT NULL,
                summary TEXT NOT NULL,
                report TEXT NOT NULL,
                embedding REAL[],
                published_at TIMESTAMPTZ NOT NULL,
                is_latest BOOLEAN NOT NULL,
                search TSVECTOR GENERATED ALWAYS AS
                    (setweight(to_tsvector('english', claim), 'A') || setweight(to_tsvector('english', summary), 'B')) STORED,
                UNIQUE (slug, version)
            )
            """,
            "CREATE UNIQUE INDEX published_check_latest_match ON published_check (match_key) WHERE is_latest",
            "CREATE INDEX published_check_latest ON published_check (seq) WHERE is_latest",
            "CREATE INDEX published_check_search ON published_check USING GIN (search)",
            """
            CREATE TABLE comment (
                id BIGSERIAL PRIMARY KEY,
                slug TEXT NOT NULL,
                name TEXT NOT NULL,
                text TEXT NOT NULL,
                posted_at TIMESTAMPTZ NOT NULL,
                reports INTEGER NOT NULL DEFAULT 0,
                hidden BOOLEAN NOT NULL DEFAULT FALSE
            )
            """,
            "CREATE INDEX comment_slug ON comment (slug, id)",
            """
            CREATE TABLE published_article (
                seq BIGSERIAL PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                slug TEXT NOT NULL UNIQUE,
                title TEXT,
                rating TEXT NOT NULL,
                report TEXT NOT NULL,
                published_at TIMESTAMPTZ NOT NULL
            )
            """,
        ]),
        PostgresMigration(name: "v2-check-jobs", statements: [
            """
            CREATE TABLE check_job (
                id TEXT PRIMARY KEY,
                match_key TEXT NOT NULL,
                claim_id UUID NOT NULL,
                request TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'published', 'failed')),
                stage TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                worker TEXT,
                lease_until TIMESTAMPTZ,
                check_id TEXT,
                message TEXT,
                created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
            )
            """,
            "CREATE UNIQUE INDEX check_job_unfinished_claim ON check_job (match_key) WHERE state IN ('queued', 'running')",
            "CREATE INDEX check_job_unfinished ON check_job (created_at) WHERE state IN ('queued', 'running')",
            "CREATE INDEX check_job_finished ON check_job (updated_at) WHERE state IN ('published', 'failed')",
        ]),
        PostgresMigration(name: "v3-shared-state", statements: [
            "CREATE TABLE rate_window (key TEXT PRIMARY KEY, window_start TIMESTAMPTZ NOT NULL, events INTEGER NOT NULL)",
            "CREATE INDEX rate_window_start ON rate_window (window_start)",
            "CREATE TABLE server_secret (id INTEGER PRIMARY KEY CHECK (id = 1), secret TEXT NOT NULL)",
            "CREATE TABLE page_revision (slug TEXT PRIMARY KEY, revision BIGINT NOT NULL)",
            """
            CREATE TABLE fetch_cache (
                key TEXT PRIMARY KEY,
                url TEXT NOT NULL,
                body BYTEA NOT NULL,
                content_type TEXT NOT NULL,
                etag TEXT,
                last_modified TEXT,
                fetched TIMESTAMPTZ NOT NULL
            )
            """,
        ]),
        PostgresMigration(name: "v4-article-jobs", statements: [
            "ALTER TABLE check_job ADD COLUMN kind TEXT NOT NULL DEFAULT 'claim' CHECK (kind IN ('claim', 'article'))",
            "ALTER TABLE check_job ADD COLUMN checked JSONB NOT NULL DEFAULT '[]'",
            "ALTER TABLE check_job DROP COLUMN claim_id",
            "ALTER TABLE check_job RENAME COLUMN check_id TO published_id",
            "DROP INDEX check_job_unfinished",
            "CREATE INDEX check_job_unfinished ON check_job (kind, created_at) WHERE state IN ('queued', 'running')",
        ]),
    ]
}
