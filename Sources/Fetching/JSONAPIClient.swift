import AsyncHTTPClient
import FactCheckCore
import Foundation
import NIOCore

/// GET requests to an API the operator configured (a MediaWiki, a SearxNG, a search API) and their JSON answers,
/// within a timeout and a size cap. The endpoint is the operator's choice and may be a private address (a self-hosted
/// SearxNG); pages found through it are fetched with `SafeFetcher`, which refuses such addresses. With a cache, an
/// answer younger than `cacheLifetime` is reused (keyed by a hash of the request, so API keys in a query are not
/// stored); only answers that decode are kept.
public struct JSONAPIClient: Sendable {
    public struct Configuration: Sendable {
        public var timeout: Duration
        public var maxBytes: Int
        public var userAgent: String
        public var cache: (any FetchCache)?
        public var cacheLifetime: Duration

        public init(timeout: Duration = .seconds(6), maxBytes: Int = 8 << 20, userAgent: String = "FactCheck/1.0 (+https://github.com/factcheck; searching evidence for a fact check)",
                    cache: (any FetchCache)? = nil, cacheLifetime: Duration = .seconds(3600)) {
            self.timeout = timeout
            self.maxBytes = maxBytes
            self.userAgent = userAgent
            self.cache = cache
            self.cacheLifetime = cacheLifetime
        }
    }

    public let configuration: Configuration

    public init(configuration: Configuration = Configuration()) { self.configuration = configuration }

    /// `endpoint` with `query` appended (percent-encoded), fetched and decoded as `T`.
    public func get<T: Decodable>(_ endpoint: URL, query: [(String, String)], headers: [(String, String)] = [], as type: T.Type) async throws -> T {
        guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false) else { throw ProviderError.malformed("endpoint \(endpoint)") }
        components.queryItems = (components.queryItems ?? []) + query.map { URLQueryItem(name: $0.0, value: $0.1) }
        // URLComponents leaves "+" as is, which a server reads as a space.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let url = components.url else { throw ProviderError.malformed("query for \(endpoint)") }
        let cacheKey = "api:" + FileDigest.sha256Hex(of: Data(url.absoluteString.utf8))
        if let cached = try? await configuration.cache?.response(for: cacheKey),
           Date().timeIntervalSince(cached.fetched) < configuration.cacheLifetime / .seconds(1),
           let answer = try? JSONDecoder().decode(T.self, from: cached.body) {
            return answer
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let body: [UInt8]
        do {
            let response = try await HTTPClient.shared.execute(request, deadline: .now() + TimeAmount(configuration.timeout))
            guard (200 ..< 300).contains(Int(response.status.code)) else { throw ProviderError.httpStatus(Int(response.status.code)) }
            var read: [UInt8] = []
            for try await chunk in response.body {
                read += chunk.readableBytesView
                guard read.count <= configuration.maxBytes else { throw ProviderError.tooLarge(configuration.maxBytes) }
            }
            body = read
        } catch let error as ProviderError {
            throw error
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw ProviderError.timedOut
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw ProviderError.unreachable(String(describing: error))
        }
        do {
            let answer = try JSONDecoder().decode(T.self, from: Data(body))
            let fresh = CachedResponse(url: endpoint.absoluteString, body: Data(body), contentType: "application/json", fetched: Date())
            try? await configuration.cache?.store(fresh, for: cacheKey)
            return answer
        } catch {
            throw ProviderError.malformed(Self.describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case let .keyNotFound(key, context)?: "no \(key.stringValue) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?: "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case let .dataCorrupted(context)?: context.debugDescription
        default: String(describing: error)
        }
    }
}
