import FactCheckCore
import Foundation
import PostgresNIO

/// The fetch cache in the shared database (table `fetch_cache`): a page or provider answer fetched by one worker is
/// reused by every other while it is fresh.
public final class PostgresFetchCache: FetchCache {
    let database: PostgresDatabase

    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func response(for key: String) async throws -> CachedResponse? {
        let row = try await database.rows("SELECT url, body, content_type, etag, last_modified, fetched FROM fetch_cache WHERE key = \(key)").first
        guard let (url, body, contentType, etag, lastModified, fetched) = try row?.decode((String, Data, String, String?, String?, Date).self) else {
            return nil
        }
        return CachedResponse(url: url, body: body, contentType: contentType, etag: etag, lastModified: lastModified, fetched: fetched)
    }

    public func store(_ response: CachedResponse, for key: String) async throws {
        try await database.execute("""
            INSERT INTO fetch_cache (key, url, body, content_type, etag, last_modified, fetched)
            VALUES (\(key), \(response.url), \(response.body), \(response.contentType), \(response.etag), \(response.lastModified), \(response.fetched))
            ON CONFLICT (key) DO UPDATE SET url = excluded.url, body = excluded.body, content_type = excluded.content_type,
                etag = excluded.etag, last_modified = excluded.last_modified, fetched = excluded.fetched
            """)
    }
}
