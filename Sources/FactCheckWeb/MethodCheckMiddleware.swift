import Hummingbird

/// Answers 405 with `Allow` when the address exists but not for the request's method.
struct MethodCheckMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let routes: RouteMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let allowed = routes.allowed(at: request.uri.path), !allowed.contains(request.method.rawValue) {
            throw WebError.methodNotAllowed(allowed: allowed)
        }
        return try await next(request, context)
    }
}
