/// Why the LLM gave no usable answer. Callers fall back to the path without an LLM; the description is for the
/// operator's log and the report's note (it never contains the API key).
public struct LLMError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Equatable {
        case unreachable(String)
        case timedOut
        case httpStatus(Int, String)
        case contextExceeded(String)
        case malformed(String)
        case budgetExhausted(String)
    }

    private let kind: Kind

    static func unreachable(_ reason: String) -> Self { .init(kind: .unreachable(reason)) }
    static let timedOut = Self(kind: .timedOut)
    static func httpStatus(_ status: Int, _ message: String) -> Self { .init(kind: .httpStatus(status, message)) }
    static func contextExceeded(_ message: String) -> Self { .init(kind: .contextExceeded(message)) }
    static func malformed(_ reason: String) -> Self { .init(kind: .malformed(reason)) }
    static func budgetExhausted(_ what: String) -> Self { .init(kind: .budgetExhausted(what)) }

    /// Worth trying again after a pause: the server was busy (429), failed on its side (5xx) or refused the connection.
    var isRetryable: Bool {
        switch kind {
        case let .httpStatus(status, _): status == 429 || status >= 500
        case .unreachable: true
        default: false
        }
    }

    /// What could not be read in a malformed answer, without the description's opening words.
    var malformedReason: String? {
        if case let .malformed(reason) = kind { reason } else { nil }
    }

    /// The server answered 400 to what it was asked (such as a `response_format` it does not know).
    var isBadRequest: Bool {
        if case .httpStatus(400, _) = kind { true } else { false }
    }

    public var description: String {
        switch kind {
        case let .unreachable(reason): "the LLM server cannot be reached (\(reason))"
        case .timedOut: "the LLM server did not answer in time"
        case let .httpStatus(status, message): "the LLM server answered HTTP \(status)" + (message.isEmpty ? "" : ": \(message)")
        case let .contextExceeded(message): "the prompt does not fit the model's context (\(message))"
        case let .malformed(reason): "the LLM's answer could not be read: \(reason)"
        case let .budgetExhausted(what): "this check's LLM budget is spent (\(what))"
        }
    }
}
