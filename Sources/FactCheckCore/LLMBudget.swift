import Foundation

/// What one check may spend on the optional LLM (tokens and time) and what it spent. The pipeline opens one per check
/// as `LLMBudget.current`, so every LLM-backed stage of that check draws on it; its tally goes into the report.
/// Every request is admitted against it first and its usage recorded after; once spent, requests fail at once with
/// `LLMError.budgetExhausted` (the check goes on without the LLM).
public final class LLMBudget: @unchecked Sendable {
    /// The budget of the check running in this task, if any.
    @TaskLocal public static var current: LLMBudget?

    public let maxTokens: Int
    public let deadline: ContinuousClock.Instant
    private let lock = NSLock()
    private var used = TokenUsage()
    private var requests = 0
    private var model: String?
    private var sentences = (written: 0, dropped: 0)
    private var notes: [String] = []

    /// - Parameter record: what the LLM did for this check before it started (the web app rewords a claim when it is
    ///   submitted, and the check may run in another process): its tally and notes count here as well.
    public init(maxTokens: Int = 8_000, time: Duration = .seconds(60), continuing record: Record? = nil) {
        self.maxTokens = maxTokens
        deadline = .now + time
        if let activity = record?.activity {
            used = TokenUsage(prompt: activity.promptTokens, completion: activity.completionTokens)
            requests = activity.requests
            model = activity.model
            sentences = (activity.sentencesWritten, activity.sentencesDropped)
        }
        notes = record?.notes ?? []
    }

    /// What a budget recorded, to carry into the check's own budget.
    public struct Record: Sendable, Codable, Equatable {
        public var activity: LLMActivity?
        public var notes: [String]

        public init(activity: LLMActivity?, notes: [String]) {
            self.activity = activity
            self.notes = notes
        }
    }

    /// What this budget recorded, or nil when the LLM was neither asked nor noted anything.
    public var record: Record? {
        let record = Record(activity: activity, notes: recordedNotes)
        return record.activity == nil && record.notes.isEmpty ? nil : record
    }

    /// The reason a request may not start now (tokens or time spent), or nil; counts the request when admitted.
    public func admit() -> String? {
        let left = ContinuousClock.now.duration(to: deadline)
        return lock.withLock {
            guard used.total < maxTokens else { return "\(used.total) of \(maxTokens) tokens used" }
            guard left > .zero else { return "its time is up" }
            requests += 1
            return nil
        }
    }

    /// The time left before the deadline.
    public var timeLeft: Duration { ContinuousClock.now.duration(to: deadline) }

    public func record(_ usage: TokenUsage, model: String? = nil) {
        lock.withLock {
            used = used + usage
            if let model { self.model = model }
        }
    }

    /// Counts generated sentences that cite a source, and those the faithfulness filter dropped.
    public func recordSentences(written: Int, dropped: Int) {
        lock.withLock { sentences = (sentences.written + written, sentences.dropped + dropped) }
    }

    /// Adds a note for the report's reader (an LLM use that could not help, and what was done instead).
    public func note(_ text: String) { lock.withLock { notes.append(text) } }

    /// Tokens used so far, and the requests made.
    public var spent: (usage: TokenUsage, requests: Int) { lock.withLock { (used, requests) } }

    /// The notes added so far.
    public var recordedNotes: [String] { lock.withLock { notes } }

    /// What the LLM did for the check, or nil when it was never asked.
    public var activity: LLMActivity? {
        lock.withLock {
            guard requests > 0 else { return nil }
            return LLMActivity(model: model ?? "", requests: requests, promptTokens: used.prompt, completionTokens: used.completion,
                               sentencesWritten: sentences.written, sentencesDropped: sentences.dropped)
        }
    }
}
