import Hummingbird
import Synchronization

/// The router, recording each route's path and method as it is added, so that a known address asked with a method
/// it does not answer gets 405 with `Allow` rather than 404. Groups made from it record their full paths.
final class RouteTable: RouterMethods {
    typealias Context = AppRequestContext
    let router: Router<Context>
    let methods = RouteMethods()

    init(router: Router<Context>) { self.router = router }

    @discardableResult func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
        where Responder.Context == Context {
        router.on(path, method: method, responder: responder)
        methods.add(path.description, method: method)
        return self
    }

    @discardableResult func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self {
        router.add(middleware: middleware)
        return self
    }
}

/// The methods each route pattern answers (a `{name}` capture matches any one segment); HEAD wherever GET is.
final class RouteMethods: Sendable {
    private let routes = Mutex<[(segments: [Substring], methods: Set<HTTPRequest.Method>)]>([])

    func add(_ pattern: String, method: HTTPRequest.Method) {
        let segments = pattern.split(separator: "/")
        routes.withLock { routes in
            if let index = routes.firstIndex(where: { $0.segments == segments }) {
                routes[index].methods.insert(method)
            } else {
                routes.append((segments, [method]))
            }
        }
    }

    /// The methods answered at `path`, sorted, or nil when no route matches it.
    func allowed(at path: String) -> [String]? {
        let parts = path.split(separator: "/")
        let methods = routes.withLock { routes in
            routes.filter { route in
                route.segments.count == parts.count && zip(route.segments, parts).allSatisfy { $0.first == "{" && $0.last == "}" || $0 == $1 }
            }.reduce(into: Set<HTTPRequest.Method>()) { $0.formUnion($1.methods) }
        }
        guard !methods.isEmpty else { return nil }
        return (methods.contains(.get) ? methods.union([.head]) : methods).map(\.rawValue).sorted()
    }
}
