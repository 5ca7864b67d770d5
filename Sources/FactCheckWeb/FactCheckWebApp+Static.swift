import Foundation
import Hummingbird

/// A file served as is, from the bundle.
struct StaticFile: Sendable {
    var path: String
    var contentType: String
    var body: ByteBuffer
}

extension FactCheckWebApp {
    /// The stylesheet, script, icon and OpenAPI document, read from the bundle once; a missing one is an error.
    static func loadStaticFiles() throws -> [StaticFile] {
        let files = [
            ("/static/app.css", "Static/app.css", "text/css; charset=utf-8"),
            ("/static/app.js", "Static/app.js", "text/javascript; charset=utf-8"),
            ("/static/icon.svg", "Static/icon.svg", "image/svg+xml"),
            ("/openapi.json", "openapi.json", "application/json; charset=utf-8"),
        ]
        return try files.map { path, resource, type in
            guard let url = Bundle.module.url(forResource: resource, withExtension: nil), let data = try? Data(contentsOf: url) else {
                throw WebError.internalError(reference: "missing resource \(resource)")
            }
            return StaticFile(path: path, contentType: type, body: ByteBuffer(bytes: data))
        }
    }

    func addStaticRoutes(to router: RouteTable) {
        for file in staticFiles {
            router.get(RouterPath(file.path)) { _, _ in
                Response(status: .ok, headers: [.contentType: file.contentType, .cacheControl: "public, max-age=3600"], body: .init(byteBuffer: file.body))
            }
        }
    }
}
