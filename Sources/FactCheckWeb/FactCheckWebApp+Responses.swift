import FactCheckCore
import Foundation
import Hummingbird
import NIOCore

extension FactCheckWebApp {
    static let csrfCookie = "fc_csrf"
    static let csrfPlaceholder = "CSRFTOKENPLACEHOLDER"

    func html(_ body: String, status: HTTPResponse.Status = .ok, csrf: CSRFToken) -> Response {
        html(RenderedPage(body, placeholder: Self.csrfPlaceholder), status: status, csrf: csrf)
    }

    /// An HTML response with the reader's CSRF token in its forms (and the cookie set when the token is new).
    func html(_ page: RenderedPage, status: HTTPResponse.Status = .ok, csrf: CSRFToken) -> Response {
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: page.body(token: csrf.formValue)))
        if csrf.isNew {
            response.setCookie(Cookie(name: Self.csrfCookie, value: csrf.session, maxAge: 365 * 24 * 3600, path: "/",
                                      secure: configuration.publicURL.hasPrefix("https://"), httpOnly: true, sameSite: .strict))
        }
        return response
    }

    func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    func json(_ object: Any, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The reader's CSRF token (from the session cookie), or a new session to set.
    func csrfToken(_ request: Request) -> CSRFToken {
        csrf.token(cookie: request.cookies[Self.csrfCookie]?.value)
    }

    /// Rejects a form whose `csrf` field is not this server's token for the reader's session cookie.
    func verifyCSRF(_ request: Request, form: FormFields) throws {
        guard csrf.verify(cookie: request.cookies[Self.csrfCookie]?.value, field: form["csrf"]) else {
            throw WebError.forbidden("This form has expired or was sent from another site. Reload the page and try again.")
        }
    }

    /// One server-sent event: its name and its JSON data.
    static func serverSentEvent(_ name: String, _ payload: [String: Any]) -> ByteBuffer {
        let data = (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return ByteBuffer(string: "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n")
    }

    /// The body of a form post, within the configured size limit.
    func form(_ request: Request, limit: Int? = nil) async throws -> FormFields {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            throw WebError.unsupportedMediaType("application/x-www-form-urlencoded")
        }
        return FormFields(try await body(request, limit: limit))
    }

    /// The body as UTF-8 text, at most `limit` bytes (`maxRequestBodyBytes` unless given).
    func body(_ request: Request, limit: Int? = nil) async throws -> String {
        var request = request
        let limit = limit ?? configuration.maxRequestBodyBytes
        let buffer: ByteBuffer
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw WebError.tooLarge(limit: limit)
        }
        do { buffer = try await request.collectBody(upTo: limit) } catch is NIOTooManyBytesError {
            throw WebError.tooLarge(limit: limit)
        }
        guard let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes), !text.utf8.contains(0) else {
            throw WebError.badRequest("The request body is not UTF-8 text.")
        }
        return text
    }

    /// Who is asking, for rate limits: the peer address (or the first X-Forwarded-For hop behind a trusted proxy).
    func client(_ request: Request, context: AppRequestContext) -> String {
        if configuration.trustForwardedFor, let forwarded = request.headers[.xForwardedFor]?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return context.remoteAddress?.ipAddress ?? "local"
    }

    func meta(title: String, description: String, path: String, section: String = "", jsonLD: String? = nil, ogType: String = "website") -> PageMeta {
        PageMeta(title: title, description: description, canonicalURL: configuration.publicURL + path, ogType: ogType, jsonLD: jsonLD,
                 csrfToken: Self.csrfPlaceholder, isHome: section == "home", isList: section == "list", isArticles: section == "articles")
    }

    /// An error as an HTML page (for browsers) or the API's JSON shape.
    func errorResponse(_ error: WebError, request: Request, requestID: String) -> Response {
        let headers = error.headers
        if request.uri.path.hasPrefix("/api/") || request.headers[.accept]?.contains("application/json") == true {
            let body: [String: Any] = ["error": ["code": error.code, "message": error.message, "request_id": requestID]]
            return (try? json(body, status: error.status, headers: headers)) ?? Response(status: error.status)
        }
        let view = ErrorView(meta: meta(title: "\(error.status.code) — \(error.status.reasonPhrase)", description: error.message, path: request.uri.path),
                             status: error.status.code, message: error.message, requestID: requestID)
        var response = html(pages.render(view, template: "error"), status: error.status, csrf: csrfToken(request))
        for field in headers { response.headers.append(field) }
        return response
    }
}
