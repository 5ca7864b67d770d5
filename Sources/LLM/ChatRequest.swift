/// What to ask the model: the messages, how long and how random an answer, and optionally the JSON schema the answer
/// must follow.
public struct ChatRequest: Sendable {
    public var messages: [ChatMessage]
    public var maxTokens: Int
    public var temperature: Double
    public var schema: JSONSchema?

    public init(messages: [ChatMessage], maxTokens: Int = 512, temperature: Double = 0, schema: JSONSchema? = nil) {
        self.messages = messages
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.schema = schema
    }
}

/// A JSON schema for structured output, as JSON text, with the name the API asks for.
public struct JSONSchema: Sendable {
    public var name: String
    public var json: String

    public init(name: String, json: String) {
        self.name = name
        self.json = json
    }
}
