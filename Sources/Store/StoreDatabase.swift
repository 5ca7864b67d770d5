import FactCheckCore
import Foundation
import GRDB

/// The project's SQLite database, opened with its schema brought up to date. The knowledge base and the archive of
/// published checks live in one file; a database written by an older version is migrated in place. Reads and writes
/// report failures as `StoreError`s naming the file.
struct StoreDatabase: Sendable {
    let path: String
    private let pool: DatabasePool

    init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError.database(path, error)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw StoreError.database(path, error) }
    }

    /// Runs `body` in one transaction; a full disk or read-only file is a `StorageFailure`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw StorageFailure.full
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw StorageFailure.readOnly
        } catch {
            throw StoreError.database(path, error)
        }
    }

    /// Throws when the file cannot be read or lacks a migration this program applies.
    func checkCurrent() throws {
        let current = try read { db in try Self.migrator.hasCompletedMigrations(db) }
        guard current else { throw StoreError.database(path, DatabaseError(message: "migrations are not current")) }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-knowledge-base") { db in
            try db.execute(sql: """
                CREATE TABLE source (
                    id TEXT PRIMARY KEY,
                    url TEXT NOT NULL,
                    title TEXT NOT NULL,
                    publisher TEXT,
                    domain TEXT NOT NULL,
                    published REAL,
                    retrieved REAL,
                    license TEXT,
                    contentHash TEXT NOT NULL UNIQUE,
                    ingestedAt REAL NOT NULL
                );
                CREATE TABLE passage (
                    rowid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    sourceId TEXT NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    text TEXT NOT NULL,
                    embedding BLOB
                );
                CREATE INDEX passage_source ON passage(sourceId);
                CREATE VIRTUAL TABLE passage_fts USING fts5(
                    title, text, content='passage', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER passage_ai AFTER INSERT ON passage BEGIN
                    INSERT INTO passage_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
                END;
                CREATE TRIGGER passage_ad AFTER DELETE ON passage BEGIN
                    INSERT INTO passage_fts(passage_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
                END;
                """)
        }
        migrator.registerMigration("v2-published-checks") { db in
            try db.execute(sql: """
                CREATE TABLE published_check (
                    rowid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    slug TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    matchKey TEXT NOT NULL,
                    verdict TEXT NOT NULL,
                    claim TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    report TEXT NOT NULL,
                    embedding BLOB,
                    publishedAt REAL NOT NULL,
                    isLatest INTEGER NOT NULL,
                    UNIQUE (slug, version)
                );
                CREATE INDEX published_check_latest ON published_check(isLatest, rowid);
                CREATE INDEX published_check_match ON published_check(matchKey, isLatest);
                CREATE VIRTUAL TABLE published_check_fts USING fts5(
                    claim, summary, content='published_check', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER published_check_ai AFTER INSERT ON published_check BEGIN
                    INSERT INTO published_check_fts(rowid, claim, summary) VALUES (new.rowid, new.claim, new.summary);
                END;
                CREATE TABLE comment (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    slug TEXT NOT NULL,
                    name TEXT NOT NULL,
                    text TEXT NOT NULL,
                    postedAt REAL NOT NULL,
                    reports INTEGER NOT NULL DEFAULT 0,
                    hidden INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX comment_slug ON comment(slug, id);
                """)
        }
        migrator.registerMigration("v3-published-articles") { db in
            try db.execute(sql: """
                CREATE TABLE published_article (
                    rowid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    slug TEXT NOT NULL UNIQUE,
                    title TEXT,
                    rating TEXT NOT NULL,
                    report TEXT NOT NULL,
                    publishedAt REAL NOT NULL
                );
                """)
        }
        migrator.registerMigration("v4-fetch-cache") { db in
            try db.execute(sql: """
                CREATE TABLE fetch_cache (
                    key TEXT PRIMARY KEY,
                    url TEXT NOT NULL,
                    body BLOB NOT NULL,
                    contentType TEXT NOT NULL,
                    etag TEXT,
                    lastModified TEXT,
                    fetched REAL NOT NULL
                );
                """)
        }
        // Counts every change to the passages (by any writer), so that a file derived from them knows it is stale.
        migrator.registerMigration("v5-knowledge-base-generation") { db in
            try db.execute(sql: """
                CREATE TABLE knowledge_base_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
                INSERT INTO knowledge_base_generation VALUES (1, 0);
                CREATE TRIGGER passage_inserted AFTER INSERT ON passage BEGIN UPDATE knowledge_base_generation SET value = value + 1; END;
                CREATE TRIGGER passage_deleted AFTER DELETE ON passage BEGIN UPDATE knowledge_base_generation SET value = value + 1; END;
                CREATE TRIGGER passage_embedding_updated AFTER UPDATE OF embedding ON passage
                    BEGIN UPDATE knowledge_base_generation SET value = value + 1; END;
                """)
        }
        return migrator
    }
}
