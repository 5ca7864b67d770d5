/// Tokens read and written by an LLM, as its server counted them.
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
