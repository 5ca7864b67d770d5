/// Why an evidence provider's API gave no usable answer; logged for the operator, never shown to readers.
public struct ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Equatable {
        case httpStatus(Int)
        case malformed(String)
        case apiError(String)
        case timedOut
        case unreachable(String)
        case tooLarge(Int)
    }

    private let kind: Kind

    static func httpStatus(_ status: Int) -> ProviderError { ProviderError(kind: .httpStatus(status)) }
    public static func malformed(_ reason: String) -> ProviderError { ProviderError(kind: .malformed(reason)) }
    public static func apiError(_ message: String) -> ProviderError { ProviderError(kind: .apiError(message)) }
    static let timedOut = ProviderError(kind: .timedOut)
    static func unreachable(_ reason: String) -> ProviderError { ProviderError(kind: .unreachable(reason)) }
    static func tooLarge(_ limit: Int) -> ProviderError { ProviderError(kind: .tooLarge(limit)) }

    /// The API asked to slow down (HTTP 429) or failed on its side (5xx).
    public var isRetryable: Bool {
        if case let .httpStatus(status) = kind { status == 429 || status >= 500 } else { false }
    }

    public var description: String {
        switch kind {
        case let .httpStatus(status): "HTTP \(status)"
        case let .malformed(reason): "malformed answer: \(reason)"
        case let .apiError(message): "API error: \(message)"
        case .timedOut: "no answer in time"
        case let .unreachable(reason): "unreachable: \(reason)"
        case let .tooLarge(limit): "answer larger than \(limit) bytes"
        }
    }
}
