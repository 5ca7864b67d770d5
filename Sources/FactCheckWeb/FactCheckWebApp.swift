import FactCheckCore
import Foundation
import Hummingbird
import Logging

/// The FactCheck web site and JSON API on Hummingbird: pages rendered from Mustache templates, a check queue with
/// live progress, article checks claim by claim, comments, feeds and metrics. It sees the pipeline and storage only through core protocols.
public struct FactCheckWebApp: Sendable {
    let service: CheckService
    let articles: ArticleService
    let pages: PageRenderer
    let limiter: RateLimiter
    let cache: any PageCache
    let csrf: CSRFProtection
    let staticFiles: [StaticFile]
    var configuration: WebConfiguration { service.configuration }
    var metrics: WebMetrics { service.metrics }
    var archive: any FactCheckArchive { service.archive }

    /// - Parameter rateLimits: where rate-limit counters live (in memory for one instance; the shared database for several).
    /// - Parameter pageCache: where rendered pages are kept (each instance its own by default; pages of a check whose
    ///   revision changed in the archive are not served from it).
    public init(service: CheckService, articles: ArticleService, rateLimits: any RateLimitStore = InMemoryRateLimitStore(),
                pageCache: any PageCache = InMemoryPageCache()) async throws {
        self.service = service
        self.articles = articles
        cache = pageCache
        limiter = RateLimiter(store: rateLimits)
        pages = try await PageRenderer()
        csrf = CSRFProtection(secret: service.configuration.csrfSecret)
        staticFiles = try Self.loadStaticFiles()
    }

    /// Every route, behind the logging, error, security-header, method and same-origin middleware. HEAD is answered
    /// wherever GET is; another method on a known address gets 405 with `Allow`.
    public func router() -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
        let routes = RouteTable(router: router)
        routes.add(middleware: RequestLogMiddleware(app: self))
        routes.add(middleware: SecurityHeadersMiddleware())
        routes.add(middleware: MethodCheckMiddleware(routes: routes.methods))
        routes.add(middleware: SameOriginMiddleware(publicURL: configuration.publicURL))
        addPageRoutes(to: routes)
        addArticleRoutes(to: routes)
        addCommentRoutes(to: routes)
        addFeedRoutes(to: routes)
        addAPIRoutes(to: routes)
        addStaticRoutes(to: routes)
        return router
    }

    /// The server: HTTP/1.1 with an idle timeout, on `host`:`port`, with `workers` check workers in this process (0:
    /// submissions only, for web instances beside `factcheck worker` processes).
    public func application(host: String, port: Int, workers: Int? = nil, logger: Logger,
                            onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(host, port: port), serverName: "FactCheck"),
            services: workers == 0 ? [] : [CheckWorkers(articles: articles, count: workers)],
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }
}
