import FactCheckCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives each request an id (logged, and returned in `X-Request-Id`), turns errors into error pages or the API's
/// JSON error (never a stack trace), logs one line per request and records request metrics.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let app: FactCheckWebApp

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.requestID = UInt64.random(in: .min ... .max).paddedHex
        context.logger[metadataKey: "request_id"] = .string(context.requestID)
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = app.errorResponse(webError(error, context: context), request: request, requestID: context.requestID)
        }
        response.headers[.xRequestID] = context.requestID
        let duration = start.duration(to: .now)
        app.metrics.requestFinished(method: request.method.rawValue, status: response.status.code, duration: duration)
        let microseconds = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        context.logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(microseconds / 1000).\(microseconds % 1000 / 100) ms")
        return response
    }

    private func webError(_ error: any Error, context: Context) -> WebError {
        switch error {
        case let error as WebError:
            return error
        case let failure as StorageFailure:
            context.logger.error("storage: \(failure)")
            return .storageUnavailable(failure)
        case let error as HTTPError:
            switch error.status {
            case .notFound: return .notFound("This page")
            case .contentTooLarge: return .tooLarge(limit: app.configuration.maxRequestBodyBytes)
            case .methodNotAllowed: return .badRequest("This address does not accept that method.")
            default: return error.status.code < 500 ? .badRequest(error.status.reasonPhrase) : internalError(error, context: context)
            }
        default:
            return internalError(error, context: context)
        }
    }

    private func internalError(_ error: any Error, context: Context) -> WebError {
        context.logger.error("internal error: \(String(reflecting: error))")
        return .internalError(reference: context.requestID)
    }
}
