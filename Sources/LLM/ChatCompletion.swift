import FactCheckCore

/// The model's answer and what it cost.
public struct ChatCompletion: Sendable, Equatable {
    public var text: String
    public var usage: TokenUsage
    /// Why the model stopped: `stop`, `length` (cut at `maxTokens`), …
    public var finishReason: String?

    public init(text: String, usage: TokenUsage, finishReason: String?) {
        self.text = text
        self.usage = usage
        self.finishReason = finishReason
    }
}
