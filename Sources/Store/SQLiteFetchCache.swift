import FactCheckCore
import Foundation
import GRDB

/// The fetch cache in the project's SQLite database (table `fetch_cache`), shared by every process on the data home.
public final class SQLiteFetchCache: FetchCache {
    private let database: StoreDatabase

    public init(path: String) throws { database = try StoreDatabase(path: path) }

    public func response(for key: String) throws -> CachedResponse? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT url, body, contentType, etag, lastModified, fetched FROM fetch_cache WHERE key = ?", arguments: [key])
                .map { row in
                    CachedResponse(url: row["url"], body: row["body"], contentType: row["contentType"], etag: row["etag"],
                                   lastModified: row["lastModified"], fetched: Date(timeIntervalSince1970: row["fetched"]))
                }
        }
    }

    public func store(_ response: CachedResponse, for key: String) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO fetch_cache (key, url, body, contentType, etag, lastModified, fetched) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET url = excluded.url, body = excluded.body, contentType = excluded.contentType,
                    etag = excluded.etag, lastModified = excluded.lastModified, fetched = excluded.fetched
                """, arguments: [key, response.url, response.body, response.contentType, response.etag, response.lastModified,
                                 response.fetched.timeIntervalSince1970])
        }
    }
}
