/// What the optional LLM did for one check: the model, its requests and tokens, and how many of the sentences it
/// wrote with a citation the faithfulness filter dropped. Absent from reports written without an LLM.
public struct LLMActivity: Sendable, Codable, Equatable {
    public var model: String
    public var requests: Int
    public var promptTokens: Int
    public var completionTokens: Int
    /// Sentences the model wrote for the report that cite a source, before the faithfulness filter.
    public var sentencesWritten: Int
    /// Of those, the ones the filter dropped (the cited passage does not support them).
    public var sentencesDropped: Int

    public init(model: String, requests: Int, promptTokens: Int, completionTokens: Int, sentencesWritten: Int, sentencesDropped: Int) {
        self.model = model
        self.requests = requests
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.sentencesWritten = sentencesWritten
        self.sentencesDropped = sentencesDropped
    }

    /// One sentence for the report's reader.
    public var summary: String {
        var line = "An LLM (\(model)) helped with this check: \(requests) request\(requests == 1 ? "" : "s"), \(promptTokens + completionTokens) tokens."
        if sentencesWritten > 0 {
            line += " Every sentence it wrote was checked against the passage it cites; \(sentencesDropped) of \(sentencesWritten) were dropped."
        }
        return line
    }

    enum CodingKeys: String, CodingKey {
        case model, requests
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case sentencesWritten = "sentences_written"
        case sentencesDropped = "sentences_dropped"
    }
}
