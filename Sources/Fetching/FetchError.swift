/// Why a page could not be fetched, in words a user can act on.
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Equatable {
        case invalidURL(String)
        case unresolvable(String)
        case refusedAddress(String)
        case tooManyRedirects(Int)
        case redirectLoop(String)
        case unsupportedContentType(String)
        case tooLarge(Int)
        case httpStatus(Int)
        case timedOut(String)
        case unreachable(String)
        case undecodable
        case disallowedByRobots(String)
    }

    private let kind: Kind

    public static func invalidURL(_ reason: String) -> FetchError { FetchError(kind: .invalidURL(reason)) }
    static func unresolvable(_ host: String) -> FetchError { FetchError(kind: .unresolvable(host)) }
    static func refusedAddress(_ reason: String) -> FetchError { FetchError(kind: .refusedAddress(reason)) }
    static func tooManyRedirects(_ limit: Int) -> FetchError { FetchError(kind: .tooManyRedirects(limit)) }
    static func redirectLoop(_ url: String) -> FetchError { FetchError(kind: .redirectLoop(url)) }
    static func unsupportedContentType(_ type: String) -> FetchError { FetchError(kind: .unsupportedContentType(type)) }
    static func tooLarge(_ limit: Int) -> FetchError { FetchError(kind: .tooLarge(limit)) }
    static func httpStatus(_ status: Int) -> FetchError { FetchError(kind: .httpStatus(status)) }
    static func timedOut(_ url: String) -> FetchError { FetchError(kind: .timedOut(url)) }
    static func unreachable(_ reason: String) -> FetchError { FetchError(kind: .unreachable(reason)) }
    static let undecodable = FetchError(kind: .undecodable)
    static func disallowedByRobots(_ url: String) -> FetchError { FetchError(kind: .disallowedByRobots(url)) }

    /// The address was refused by the address policy (a private, loopback, link-local or metadata address).
    public var isRefusedAddress: Bool { if case .refusedAddress = kind { true } else { false } }
    /// The server did not answer before the deadline.
    public var isTimeout: Bool { if case .timedOut = kind { true } else { false } }
    /// The server answered with a type that is not HTML or text.
    public var isUnsupportedContentType: Bool { if case .unsupportedContentType = kind { true } else { false } }

    public var description: String {
        switch kind {
        case let .invalidURL(reason): "Not a URL that can be fetched: \(reason)."
        case let .unresolvable(host): "The host \(host) could not be found."
        case let .refusedAddress(reason): "Refused: \(reason); FactCheck fetches only public web addresses."
        case let .tooManyRedirects(limit): "The page redirected more than \(limit) times."
        case let .redirectLoop(url): "The page redirects in a loop (back to \(url))."
        case let .unsupportedContentType(type): "Unsupported content type \(type): FactCheck reads HTML and plain-text pages."
        case let .tooLarge(limit): "The page is larger than \(limit / 1_048_576) MiB."
        case let .httpStatus(status): "The server answered HTTP \(status)."
        case let .timedOut(url): "The server at \(url) did not answer in time."
        case let .unreachable(reason): "The page could not be fetched: \(reason)."
        case .undecodable: "The page's text is not in a character set FactCheck can read."
        case let .disallowedByRobots(url): "The site's robots.txt asks crawlers such as FactCheck not to fetch \(url)."
        }
    }
}
