/// How one evidence provider answered during a check, shown in the report and the progress stream.
public struct ProviderOutcome: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case answered
        /// It answered with an error (unreachable, HTTP error, malformed answer); the check went on without it.
        case failed
        /// It did not answer within its deadline; the check went on without it.
        case timedOut = "timed_out"
    }

    public var provider: String
    public var status: Status
    /// Passages it gave (before fusion).
    public var passages: Int
    public var milliseconds: Double

    public init(provider: String, status: Status, passages: Int, milliseconds: Double) {
        self.provider = provider
        self.status = status
        self.passages = passages
        self.milliseconds = milliseconds
    }
}
