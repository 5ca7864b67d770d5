import Foundation

/// What one check may spend on the LLM: tokens and time. Every request is admitted against it first and its usage
/// recorded after; once spent, requests fail at once with `LLMError.budgetExhausted` (the check goes on without the LLM).
public final class LLMBudget: @unchecked Sendable {
    public let maxTokens: Int
    public let deadline: ContinuousClock.Instant
    private let lock = NSLock()
    private var used = TokenUsage()
    private var requests = 0

    public init(maxTokens: Int = 8_000, time: Duration = .seconds(60)) {
        self.maxTokens = maxTokens
        deadline = .now + time
    }

    /// Throws when the tokens or the time are spent; otherwise the time left.
    func admit() throws -> Duration {
        let left = ContinuousClock.now.duration(to: deadline)
        return try lock.withLock {
            guard used.total < maxTokens else { throw LLMError.budgetExhausted("\(used.total) of \(maxTokens) tokens used") }
            guard left > .zero else { throw LLMError.budgetExhausted("its time is up") }
            requests += 1
            return left
        }
    }

    func record(_ usage: TokenUsage) { lock.withLock { used = used + usage } }

    /// Tokens used so far, and the requests made.
    public var spent: (usage: TokenUsage, requests: Int) { lock.withLock { (used, requests) } }
}
