import AsyncHTTPClient
import FactCheckCore
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches web pages on a user's behalf without letting the user reach what the server can: every host is resolved
/// here and each of its addresses checked by the `AddressPolicy` before connecting, and the connection is pinned to
/// the checked address (no second lookup to rebind); redirects are followed by hand, each one checked again, at
/// most `maxRedirects`; connect and total deadlines; a body-size cap; HTML and text only; gzip and deflate bodies
/// decoded within a ratio limit. Politely: each host's robots.txt is honoured (read once an hour), and a host gets at
/// most `hostConcurrency` requests at once, started at least `hostInterval` apart, across every fetch of this fetcher.
public struct SafeFetcher: Sendable {
    public struct Configuration: Sendable {
        public var connectTimeout: Duration
        public var totalTimeout: Duration
        public var maxBytes: Int
        public var maxRedirects: Int
        public var userAgent: String
        public var policy: AddressPolicy
        public var honoursRobots: Bool
        public var hostConcurrency: Int
        public var hostInterval: Duration
        /// Where fetched pages are kept (nil: nowhere); a copy younger than `cacheLifetime` is used without asking the
        /// site, an older one is revalidated with its ETag or Last-Modified.
        public var cache: (any FetchCache)?
        public var cacheLifetime: Duration

        public init(connectTimeout: Duration = .seconds(5), totalTimeout: Duration = .seconds(15), maxBytes: Int = 5 << 20, maxRedirects: Int = 5,
                    userAgent: String = "FactCheck/1.0 (+https://github.com/factcheck; fact-checking a page a user submitted)",
                    policy: AddressPolicy = AddressPolicy(), honoursRobots: Bool = true, hostConcurrency: Int = 2,
                    hostInterval: Duration = .milliseconds(250), cache: (any FetchCache)? = nil, cacheLifetime: Duration = .seconds(86_400)) {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.maxBytes = maxBytes
            self.maxRedirects = maxRedirects
            self.userAgent = userAgent
            self.policy = policy
            self.honoursRobots = honoursRobots
            self.hostConcurrency = hostConcurrency
            self.hostInterval = hostInterval
            self.cache = cache
            self.cacheLifetime = cacheLifetime
        }
    }

    /// The product token robots.txt groups are matched against.
    public static let robotsAgent = "FactCheck"

    public static let acceptedTypes: Set<String> = ["text/html", "application/xhtml+xml", "text/plain", "text/markdown"]

    public let configuration: Configuration
    private let gate: HostGate

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        gate = HostGate(concurrency: configuration.hostConcurrency, interval: configuration.hostInterval, robotsLifetime: .seconds(3600))
    }

    public func fetch(_ address: String) async throws -> FetchedPage {
        let deadline = ContinuousClock.now + configuration.totalTimeout
        var url = try Self.checkedURL(address)
        let cacheKey = "page:" + url.absoluteString
        let cached = try? await configuration.cache?.response(for: cacheKey)
        if let cached, Date().timeIntervalSince(cached.fetched) < configuration.cacheLifetime / .seconds(1) {
            return try Self.page(url: cached.url, redirects: [], contentType: cached.contentType, body: [UInt8](cached.body), fetched: cached.fetched)
        }
        var visited: [String] = [url.absoluteString]
        while true {
            if configuration.honoursRobots { try await checkRobots(url, until: deadline) }
            // Only the first request can be answered "not modified": later ones go to addresses the copy did not come from.
            let (status, headers, body) = try await fetchOnce(url, until: deadline, revalidating: visited.count == 1 ? cached : nil)
            if status == 304, let cached {
                var refreshed = cached
                refreshed.fetched = Date()
                try? await configuration.cache?.store(refreshed, for: cacheKey)
                return try Self.page(url: cached.url, redirects: [], contentType: cached.contentType, body: [UInt8](cached.body), fetched: refreshed.fetched)
            }
            if (300 ..< 400).contains(status), let location = headers.first(name: "location") {
                guard visited.count <= configuration.maxRedirects else { throw FetchError.tooManyRedirects(configuration.maxRedirects) }
                guard let next = URL(string: location, relativeTo: url)?.absoluteURL else { throw FetchError.invalidURL("a redirect to \(location)") }
                url = try Self.checkedURL(next.absoluteString)
                guard !visited.contains(url.absoluteString) else { throw FetchError.redirectLoop(url.absoluteString) }
                visited.append(url.absoluteString)
                continue
            }
            guard (200 ..< 300).contains(status) else { throw FetchError.httpStatus(status) }
            let contentType = headers.first(name: "content-type") ?? ""
            let page = try Self.page(url: url.absoluteString, redirects: visited, contentType: contentType, body: body, fetched: Date())
            let fresh = CachedResponse(url: page.url, body: Data(body), contentType: contentType, etag: headers.first(name: "etag"),
                                       lastModified: headers.first(name: "last-modified"), fetched: page.fetched)
            try? await configuration.cache?.store(fresh, for: cacheKey)
            return page
        }
    }

    /// A page from a body of an accepted type, decoded by its declared or sniffed charset.
    private static func page(url: String, redirects: [String], contentType header: String, body: [UInt8], fetched: Date) throws -> FetchedPage {
        let (type, charset) = contentType(header)
        guard let text = TextDecoding.decode(body, declaredCharset: charset, isHTML: type != "text/plain" && type != "text/markdown") else {
            throw FetchError.undecodable
        }
        return FetchedPage(url: url, redirects: redirects, contentType: type, text: text, fetched: fetched)
    }

    /// Throws when the host's robots.txt disallows `url` for FactCheck. A robots.txt that is missing (4xx) or not text
    /// allows everything; one the server fails to give (5xx, no answer) allows nothing, as RFC 9309 asks.
    private func checkRobots(_ url: URL, until deadline: ContinuousClock.Instant) async throws {
        guard let host = url.host, var robotsURL = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return }
        let key = "\(url.scheme ?? "")://\(host):\(url.port ?? -1)"
        let rules: RobotsRules
        if let known = await gate.robots(key) {
            rules = known
        } else {
            robotsURL.path = "/robots.txt"
            robotsURL.query = nil
            robotsURL.fragment = nil
            do {
                let (status, _, body) = try await fetchOnce(robotsURL.url!, until: deadline)
                switch status {
                case 200 ..< 300: rules = RobotsRules(String(decoding: body, as: UTF8.self), agent: Self.robotsAgent)
                case 500...: rules = .disallowAll
                default: rules = .allowAll
                }
                await gate.remember(rules, for: key)
            } catch let error as FetchError where error.isRefusedAddress || error.isTimeout {
                throw error
            } catch let error as FetchError where error.isUnsupportedContentType {
                rules = .allowAll
                await gate.remember(rules, for: key)
            } catch {
                rules = .disallowAll
            }
        }
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = (components?.percentEncodedPath ?? "/") + (components?.percentEncodedQuery.map { "?" + $0 } ?? "")
        guard rules.allows(path) else { throw FetchError.disallowedByRobots(url.absoluteString) }
    }

    /// One request within the host's politeness limits.
    private func fetchOnce(_ url: URL, until deadline: ContinuousClock.Instant, revalidating cached: CachedResponse? = nil) async throws
        -> (Int, HTTPHeaders, [UInt8]) {
        let hostKey = "\(url.host ?? ""):\(url.port ?? -1)"
        try await gate.enter(hostKey)
        do {
            let answer = try await request(url, until: deadline, revalidating: cached)
            await gate.leave(hostKey)
            return answer
        } catch {
            await gate.leave(hostKey)
            throw error
        }
    }

    /// One request to a checked address, without following redirects, conditional on `cached`'s validators when given;
    /// the body is read only for accepted types.
    private func request(_ url: URL, until deadline: ContinuousClock.Instant, revalidating cached: CachedResponse?) async throws
        -> (Int, HTTPHeaders, [UInt8]) {
        guard let host = url.host else { throw FetchError.invalidURL("no host") }
        if let refusal = configuration.policy.refusal(forName: host) { throw FetchError.refusedAddress(refusal) }
        let addresses = try await Self.resolve(host, until: deadline)
        guard let pinned = addresses.first else { throw FetchError.unresolvable(host) }
        for address in addresses {
            if let refusal = configuration.policy.refusal(for: address, host: host) { throw FetchError.refusedAddress(refusal) }
        }
        var clientConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: TimeAmount(configuration.connectTimeout)),
            decompression: .enabled(limit: .ratio(25))
        )
        clientConfiguration.dnsOverride = [host: pinned.description]
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        do {
            var request = HTTPClientRequest(url: url.absoluteString)
            request.headers.add(name: "User-Agent", value: configuration.userAgent)
            request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,text/plain;q=0.9")
            request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
            if let etag = cached?.etag { request.headers.add(name: "If-None-Match", value: etag) }
            if let lastModified = cached?.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { throw FetchError.timedOut(url.absoluteString) }
            let response = try await client.execute(request, deadline: .now() + TimeAmount(remaining))
            let status = Int(response.status.code)
            var body: [UInt8] = []
            if (200 ..< 300).contains(status) {
                let (type, _) = Self.contentType(response.headers.first(name: "content-type"))
                guard Self.acceptedTypes.contains(type) else { throw FetchError.unsupportedContentType(type.isEmpty ? "(none)" : type) }
                if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > configuration.maxBytes {
                    throw FetchError.tooLarge(configuration.maxBytes)
                }
                for try await chunk in response.body {
                    body += chunk.readableBytesView
                    guard body.count <= configuration.maxBytes else { throw FetchError.tooLarge(configuration.maxBytes) }
                }
            }
            try await client.shutdown()
            return (status, response.headers, body)
        } catch {
            try? await client.shutdown()
            throw Self.describe(error, url: url)
        }
    }

    /// The host's addresses, or a timeout when the resolver does not answer before `deadline`.
    private static func resolve(_ host: String, until deadline: ContinuousClock.Instant) async throws -> [ResolvedAddress] {
        try await withThrowingTaskGroup(of: [ResolvedAddress]?.self) { group in
            group.addTask { try await ResolvedAddress.resolve(host) }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            guard let addresses = try await group.next() ?? nil else { throw FetchError.timedOut(host) }
            return addresses
        }
    }

    /// An http(s) URL with a host and no credentials, or an error saying what is wrong with it.
    static func checkedURL(_ address: String) throws -> URL {
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 2048, let url = URL(string: trimmed), let scheme = url.scheme?.lowercased() else {
            throw FetchError.invalidURL("'\(trimmed.prefix(80))' is not a URL")
        }
        guard scheme == "http" || scheme == "https" else { throw FetchError.invalidURL("only http and https addresses are fetched, not \(scheme):") }
        guard let host = url.host, !host.isEmpty else { throw FetchError.invalidURL("the address has no host") }
        guard url.user == nil, url.password == nil else { throw FetchError.invalidURL("addresses with a user name or password are not fetched") }
        return url
    }

    /// The media type, lower-case, and the charset parameter of a Content-Type header.
    static func contentType(_ header: String?) -> (type: String, charset: String?) {
        let parts = (header ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let type = parts.first?.lowercased() ?? ""
        let charset = parts.dropFirst().first { $0.lowercased().hasPrefix("charset=") }
            .map { String($0.dropFirst("charset=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")).lowercased() }
        return (type, charset)
    }

    private static func describe(_ error: Error, url: URL) -> Error {
        if error is FetchError { return error }
        if let client = error as? HTTPClientError {
            if client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout { return FetchError.timedOut(url.host ?? url.absoluteString) }
            return FetchError.unreachable(String(describing: client))
        }
        return FetchError.unreachable(String(describing: error))
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        self = .nanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }
}
