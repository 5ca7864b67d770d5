import FactCheckCore
import Hummingbird

/// An error shown to a user: an HTTP status, a stable machine-readable code and a message safe to display.
/// Pages show it as an error page, the API as `{"error": {"code", "message", "request_id"}}`.
public struct WebError: Error, Sendable, CustomStringConvertible {
    private enum Kind: Sendable {
        case badRequest(String)
        case notFound(String)
        case forbidden(String)
        case unauthorized(String)
        case methodNotAllowed(allowed: [String])
        case tooLarge(Int)
        case tooLong(String)
        case unprocessable(String)
        case rateLimited(retryAfter: Int)
        case busy(retryAfter: Int)
        case storageUnavailable(StorageFailure)
        case unsupportedMediaType(String)
        case checkFailed(String)
        case internalError(reference: String)
    }

    private let kind: Kind

    static func badRequest(_ message: String) -> Self { .init(kind: .badRequest(message)) }
    static func notFound(_ what: String) -> Self { .init(kind: .notFound(what)) }
    static func forbidden(_ message: String) -> Self { .init(kind: .forbidden(message)) }
    static func unauthorized(_ message: String) -> Self { .init(kind: .unauthorized(message)) }
    static func methodNotAllowed(allowed: [String]) -> Self { .init(kind: .methodNotAllowed(allowed: allowed)) }
    static func tooLarge(limit: Int) -> Self { .init(kind: .tooLarge(limit)) }
    /// A text over its length limit, with the message that says which.
    static func tooLarge(message: String) -> Self { .init(kind: .tooLong(message)) }
    /// A well-formed request that cannot be carried out: a URL that cannot be fetched or read.
    static func unprocessable(_ message: String) -> Self { .init(kind: .unprocessable(message)) }
    static func rateLimited(retryAfter: Int) -> Self { .init(kind: .rateLimited(retryAfter: retryAfter)) }
    static func busy(retryAfter: Int) -> Self { .init(kind: .busy(retryAfter: retryAfter)) }
    static func storageUnavailable(_ failure: StorageFailure) -> Self { .init(kind: .storageUnavailable(failure)) }
    static func unsupportedMediaType(_ expected: String) -> Self { .init(kind: .unsupportedMediaType(expected)) }
    static func checkFailed(_ message: String) -> Self { .init(kind: .checkFailed(message)) }
    static func internalError(reference: String) -> Self { .init(kind: .internalError(reference: reference)) }

    public var status: HTTPResponse.Status {
        switch kind {
        case .badRequest: .badRequest
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .unauthorized: .unauthorized
        case .methodNotAllowed: .methodNotAllowed
        case .tooLarge, .tooLong: .contentTooLarge
        case .unprocessable: .unprocessableContent
        case .rateLimited: .tooManyRequests
        case .busy, .storageUnavailable: .serviceUnavailable
        case .unsupportedMediaType: .unsupportedMediaType
        case .checkFailed, .internalError: .internalServerError
        }
    }

    /// Stable code for API clients.
    public var code: String {
        switch kind {
        case .badRequest: "bad_request"
        case .notFound: "not_found"
        case .forbidden: "forbidden"
        case .unauthorized: "unauthorized"
        case .methodNotAllowed: "method_not_allowed"
        case .tooLarge, .tooLong: "payload_too_large"
        case .unprocessable: "unprocessable"
        case .rateLimited: "rate_limited"
        case .busy: "busy"
        case .storageUnavailable: "storage_unavailable"
        case .unsupportedMediaType: "unsupported_media_type"
        case .checkFailed: "check_failed"
        case .internalError: "internal_error"
        }
    }

    public var message: String {
        switch kind {
        case let .badRequest(message), let .forbidden(message), let .unauthorized(message), let .tooLong(message), let .unprocessable(message): message
        case let .notFound(what): "\(what) was not found."
        case let .methodNotAllowed(allowed): "This address answers only " + allowed.joined(separator: ", ") + "."
        case let .tooLarge(limit): "The request is larger than \(limit / 1024) KB."
        case let .rateLimited(seconds): "Too many requests from your address; try again in \(seconds) seconds."
        case let .busy(seconds): "FactCheck is busy with other checks; try again in \(seconds) seconds."
        case .storageUnavailable(.unavailable): "The database cannot be reached right now; nothing was lost. Please try again in a few seconds."
        case let .storageUnavailable(failure): "Nothing was saved: \(failure). Please try again later."
        case let .unsupportedMediaType(expected): "Send the body as \(expected)."
        case let .checkFailed(message): "The fact check could not be completed: \(message)"
        case let .internalError(reference): "Something went wrong on our side (reference \(reference)). Please try again later."
        }
    }

    /// Seconds to put in `Retry-After`, when the client should retry.
    public var retryAfter: Int? {
        switch kind {
        case let .rateLimited(seconds), let .busy(seconds): seconds
        case let .storageUnavailable(failure): failure.retryAfter
        default: nil
        }
    }

    /// Headers the error response carries: `Retry-After`, or `Allow` for a method the address does not answer.
    public var headers: HTTPFields {
        var headers: HTTPFields = [:]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if case let .methodNotAllowed(allowed) = kind { headers[.allow] = allowed.joined(separator: ", ") }
        if case .unauthorized = kind { headers[.wwwAuthenticate] = "Bearer" }
        return headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }
}
