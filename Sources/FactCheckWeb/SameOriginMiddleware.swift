import Foundation
import Hummingbird

/// Refuses a state-changing request (any method but GET, HEAD and OPTIONS) that a browser marks as sent from another
/// site: `Sec-Fetch-Site` other than `same-origin` or `none`, or an `Origin` that is neither the public URL's origin
/// nor the address the request was sent to. Clients that are not browsers send neither header and pass.
struct SameOriginMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// `scheme://host[:port]` of the public URL, lower-cased.
    let publicOrigin: String

    init(publicURL: String) {
        publicOrigin = Self.origin(of: publicURL) ?? publicURL.lowercased()
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        if let site = request.headers[.secFetchSite]?.lowercased(), site != "same-origin", site != "none" {
            throw WebError.forbidden("This request was sent from another site (Sec-Fetch-Site: \(site)).")
        }
        if let origin = request.headers[.origin], !isOwn(origin: origin, request: request) {
            throw WebError.forbidden("This request was sent from another site (Origin: \(origin.prefix(100))).")
        }
        return try await next(request, context)
    }

    private func isOwn(origin: String, request: Request) -> Bool {
        guard let normalized = Self.origin(of: origin) else { return false }
        if normalized == publicOrigin { return true }
        guard let authority = request.head.authority?.lowercased() else { return false }
        return normalized == "http://" + authority || normalized == "https://" + authority
    }

    /// `scheme://host[:port]` of an http(s) URL, lower-cased, with the default port left out; nil for anything else
    /// (including the opaque origin `null`).
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = components.host?.lowercased(), !host.isEmpty else { return nil }
        let port = components.port.flatMap { (scheme == "http" && $0 == 80) || (scheme == "https" && $0 == 443) ? nil : $0 }
        return "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }
}
