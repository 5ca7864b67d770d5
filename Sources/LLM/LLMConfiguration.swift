import Foundation

/// Where the optional LLM is and how it is called: any server speaking the OpenAI chat-completions API (llama.cpp's
/// server, Ollama, vLLM, LM Studio, a hosted API). The API key is sent as a bearer token and never shown.
public struct LLMConfiguration: Sendable {
    /// The API's base, ending before `/chat/completions` (for example `http://127.0.0.1:8080/v1`).
    public var baseURL: URL
    public var model: String
    public var apiKey: String?
    /// The most one request may take (a streamed answer included), and its connection.
    public var requestTimeout: Duration
    public var connectTimeout: Duration
    /// Further tries after a 429, a 5xx or a refused connection, with exponential back-off (and `Retry-After`).
    public var maxRetries: Int
    public var retryDelay: Duration
    /// Largest answer accepted, in bytes.
    public var maxResponseBytes: Int

    public init(baseURL: URL, model: String, apiKey: String? = nil, requestTimeout: Duration = .seconds(60), connectTimeout: Duration = .seconds(5), maxRetries: Int = 2,
                retryDelay: Duration = .milliseconds(500), maxResponseBytes: Int = 4 << 20) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.maxRetries = maxRetries
        self.retryDelay = retryDelay
        self.maxResponseBytes = maxResponseBytes
    }

    /// The endpoint `path` (such as `chat/completions`) under the base URL.
    func endpoint(_ path: String) -> String {
        baseURL.absoluteString.hasSuffix("/") ? baseURL.absoluteString + path : baseURL.absoluteString + "/" + path
    }
}
