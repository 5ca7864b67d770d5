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

/// Tokens read and written, as the server counted them.
public struct TokenUsage: Sendable, Equatable {
    public var prompt: Int
    public var completion: Int

    public init(prompt: Int = 0, completion: Int = 0) {
        self.prompt = prompt
        self.completion = completion
    }

    public var total: Int { prompt + completion }

    public static func + (left: TokenUsage, right: TokenUsage) -> TokenUsage {
        TokenUsage(prompt: left.prompt + right.prompt, completion: left.completion + right.completion)
    }
}
