import Hummingbird
import Logging
import NIOCore

/// Per-request state: Hummingbird's core storage, the client address and the request id.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's address, or nil in in-process tests.
    public let remoteAddress: SocketAddress?
    /// Set by `RequestLogMiddleware`; echoed in `X-Request-Id` and in API errors.
    public var requestID = ""
    /// Raised by the app's own body limit, which is applied per route.
    public var maxUploadSize: Int { 1024 * 1024 }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
