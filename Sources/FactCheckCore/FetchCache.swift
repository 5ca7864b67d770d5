import Foundation

/// A response kept for reuse: a fetched page or an evidence provider's answer, with what revalidates it.
public struct CachedResponse: Sendable, Equatable {
    /// The address the body came from (after redirects, for a page).
    public var url: String
    public var body: Data
    public var contentType: String
    public var etag: String?
    public var lastModified: String?
    public var fetched: Date

    public init(url: String, body: Data, contentType: String, etag: String? = nil, lastModified: String? = nil, fetched: Date) {
        self.url = url
        self.body = body
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.fetched = fetched
    }
}

/// Where fetched pages and provider answers are kept between checks, so that a claim checked again, or asked by many
/// people, is not fetched again while the copy is fresh, and is revalidated (ETag, Last-Modified) once it is not.
public protocol FetchCache: Sendable {
    func response(for key: String) async throws -> CachedResponse?
    func store(_ response: CachedResponse, for key: String) async throws
}

/// A fetch cache in memory, for tests and for runs without a data home.
public actor InMemoryFetchCache: FetchCache {
    private var entries: [String: CachedResponse] = [:]

    public init() {}

    public func response(for key: String) -> CachedResponse? { entries[key] }

    public func store(_ response: CachedResponse, for key: String) { entries[key] = response }
}
