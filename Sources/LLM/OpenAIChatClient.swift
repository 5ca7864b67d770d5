import AsyncHTTPClient
import FactCheckCore
import Foundation
import NIOCore
import NIOHTTP1

/// A client of the OpenAI chat-completions API (`POST <base>/chat/completions`): whole answers, streamed answers
/// (server-sent events) and structured answers (see `OpenAIChatClient+JSON`). Retries a 429, a 5xx or a refused
/// connection with exponential back-off, honouring `Retry-After`; every request is admitted against the check's budget.
public final class OpenAIChatClient: Sendable {
    public let configuration: LLMConfiguration
    /// Whether the server rejected `response_format`: then structured answers are asked for in the prompt alone.
    let schemaSupport = SchemaSupport()

    public init(configuration: LLMConfiguration) {
        self.configuration = configuration
    }

    /// The whole answer to `request`.
    public func complete(_ request: ChatRequest, budget: LLMBudget) async throws -> ChatCompletion {
        try await withRetries {
            let timeout = try admit(budget)
            let body = try await send(try body(for: request, stream: false), timeout: timeout)
            let completion = try Self.decodeCompletion(body)
            budget.record(completion.usage, model: configuration.model)
            return completion
        }
    }

    /// The answer to `request` piece by piece as the model writes it (for prose shown while it is written). Retries
    /// only before the first piece arrives.
    public func stream(_ request: ChatRequest, budget: LLMBudget) -> AsyncThrowingStream<String, Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var usage = TokenUsage()
                    var pieces = 0
                    try await withRetries {
                        let timeout = try admit(budget)
                        try await withClient { http in
                            let response = try await open(try body(for: request, stream: true), timeout: timeout, http: http)
                            do {
                                try await Self.events(of: response, limit: configuration.maxResponseBytes) { data in
                                    guard let chunk = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else {
                                        throw LLMError.malformed("a streamed event is not JSON")
                                    }
                                    if let counted = Self.usage(chunk["usage"]) { usage = counted }
                                    let choice = (chunk["choices"] as? [[String: Any]])?.first
                                    if let piece = (choice?["delta"] as? [String: Any])?["content"] as? String, !piece.isEmpty {
                                        pieces += 1
                                        continuation.yield(piece)
                                    }
                                }
                            } catch let error as LLMError where pieces > 0 && error.isRetryable {
                                // Pieces already went to the reader: the answer is not asked for again.
                                throw LLMError.malformed("the streamed answer broke off (\(error))")
                            }
                        }
                    }
                    // Servers that do not count streamed tokens: count each piece as one.
                    budget.record(usage.total > 0 ? usage : TokenUsage(completion: pieces), model: configuration.model)
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: Self.translate(error))
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// The time one request may take, once `budget` admits it.
    private func admit(_ budget: LLMBudget) throws -> Duration {
        if let refusal = budget.admit() { throw LLMError.budgetExhausted(refusal) }
        return min(configuration.requestTimeout, budget.timeLeft)
    }

    /// The request body: the model, the messages, the answer's length and randomness, and when asked the schema as
    /// `response_format` (unless the server refused it before).
    func body(for request: ChatRequest, stream: Bool, withSchema: Bool = true) throws -> Data {
        var object: [String: Any] = [
            "model": configuration.model,
            "messages": request.messages.map { ["role": $0.role.rawValue, "content": $0.content] },
            "max_tokens": request.maxTokens,
            "temperature": request.temperature,
            "stream": stream,
        ]
        if stream { object["stream_options"] = ["include_usage": true] }
        if let schema = request.schema, withSchema, schemaSupport.isSupported {
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(schema.json.utf8)) else {
                throw LLMError.malformed("the schema \(schema.name) is not JSON")
            }
            object["response_format"] = ["type": "json_schema", "json_schema": ["name": schema.name, "strict": true, "schema": parsed]]
        }
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// Sends a request body and returns the whole answer's body, or throws the server's error.
    func send(_ body: Data, timeout: Duration) async throws -> Data {
        try await withClient { http in
            let response = try await open(body, timeout: timeout, http: http)
            var read = Data()
            do {
                for try await chunk in response.body {
                    read.append(contentsOf: chunk.readableBytesView)
                    guard read.count <= configuration.maxResponseBytes else { throw LLMError.malformed("the answer is over \(configuration.maxResponseBytes) bytes") }
                }
            } catch {
                throw Self.translate(error)
            }
            return read
        }
    }

    /// Runs `body` with an HTTP client of its own, shut down afterwards. A connection that cannot be made fails after
    /// `connectTimeout` (the client does not try again by itself: `withRetries` does).
    func withClient<T>(_ body: (HTTPClient) async throws -> T) async throws -> T {
        var settings = HTTPClient.Configuration(timeout: .init(connect: TimeAmount(configuration.connectTimeout)))
        settings.connectionPool.retryConnectionEstablishment = false
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
        do {
            let result = try await body(http)
            try? await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    /// Opens `POST <base>/chat/completions` and checks the status; a 4xx or 5xx is thrown with the server's message.
    private func open(_ body: Data, timeout: Duration, http: HTTPClient) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: configuration.endpoint("chat/completions"))
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json, text/event-stream")
        authorize(&request)
        request.body = .bytes(ByteBuffer(bytes: body))
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, deadline: .now() + TimeAmount(timeout))
        } catch {
            throw Self.translate(error)
        }
        guard (200 ..< 300).contains(Int(response.status.code)) else {
            let status = Int(response.status.code)
            let text = (try? await response.body.collect(upTo: 64 << 10)).map { String(buffer: $0) } ?? ""
            let message = Self.errorMessage(text)
            let retryAfter = response.headers.first(name: "Retry-After").flatMap(Double.init)
            if status == 400 || status == 413, Self.isContextOverflow(message) { throw LLMError.contextExceeded(message) }
            throw RetryableStatus(error: .httpStatus(status, message), retryAfter: retryAfter)
        }
        return response
    }

    /// Adds the API key, when there is one, as a bearer token.
    func authorize(_ request: inout HTTPClientRequest) {
        if let key = configuration.apiKey, !key.isEmpty { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
    }

    /// Runs `body`, trying again after a retryable failure (at most `maxRetries` more times).
    func withRetries<T>(_ body: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch let failure as RetryableStatus {
                guard failure.error.isRetryable, attempt < configuration.maxRetries else { throw failure.error }
                try await pause(attempt: attempt, retryAfter: failure.retryAfter)
            } catch let error as LLMError {
                guard error.isRetryable, attempt < configuration.maxRetries else { throw error }
                try await pause(attempt: attempt, retryAfter: nil)
            }
            attempt += 1
        }
    }

    private func pause(attempt: Int, retryAfter: Double?) async throws {
        let backOff = configuration.retryDelay * (1 << min(attempt, 6))
        try await Task.sleep(for: retryAfter.map { .milliseconds(Int(min($0, 10) * 1000)) } ?? backOff)
    }

    /// The answer's text, usage and finish reason.
    static func decodeCompletion(_ body: Data) throws -> ChatCompletion {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw LLMError.malformed("the answer is not a JSON object")
        }
        guard let choice = (object["choices"] as? [[String: Any]])?.first, let message = choice["message"] as? [String: Any] else {
            throw LLMError.malformed("the answer has no choices[0].message")
        }
        let text = message["content"] as? String ?? ""
        return ChatCompletion(text: text, usage: usage(object["usage"]) ?? TokenUsage(), finishReason: choice["finish_reason"] as? String)
    }

    private static func usage(_ value: Any?) -> TokenUsage? {
        guard let usage = value as? [String: Any] else { return nil }
        return TokenUsage(prompt: usage["prompt_tokens"] as? Int ?? 0, completion: usage["completion_tokens"] as? Int ?? 0)
    }

    /// Calls `each` with the data of every server-sent event until `[DONE]` or the end of the body.
    private static func events(of response: HTTPClientResponse, limit: Int, _ each: (String) throws -> Void) async throws {
        var pending = Data()
        var total = 0
        for try await chunk in response.body {
            total += chunk.readableBytes
            guard total <= limit else { throw LLMError.malformed("the answer is over \(limit) bytes") }
            pending.append(contentsOf: chunk.readableBytesView)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex ..< newline], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                pending.removeSubrange(pending.startIndex ... newline)
                guard line.hasPrefix("data:") else { continue }
                let data = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
                if data == "[DONE]" { return }
                try each(data)
            }
        }
    }

    /// The message of an OpenAI-style error body (`{"error": {"message": …}}`), or the start of the body.
    private static func errorMessage(_ text: String) -> String {
        if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String { return String(message.prefix(300)) }
            if let message = object["error"] as? String { return String(message.prefix(300)) }
        }
        return String(text.prefix(200))
    }

    private static func isContextOverflow(_ message: String) -> Bool {
        let lower = message.lowercased()
        return lower.contains("context") && (lower.contains("exceed") || lower.contains("length") || lower.contains("too long"))
    }

    /// HTTP client errors as `LLMError`s.
    private static func translate(_ error: Error) -> Error {
        switch error {
        case is LLMError, is CancellationError: return error
        case let status as RetryableStatus: return status.error
        case let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout: return LLMError.timedOut
        case let error as HTTPClientError where error == .connectTimeout: return LLMError.unreachable("connection timed out")
        default: return LLMError.unreachable(String(describing: error))
        }
    }
}

/// A failed status with the pause the server asked for.
struct RetryableStatus: Error {
    let error: LLMError
    let retryAfter: Double?
}

/// Whether the server takes `response_format` with a JSON schema; false once it has refused it.
final class SchemaSupport: @unchecked Sendable {
    private let lock = NSLock()
    private var refused = false

    var isSupported: Bool { lock.withLock { !refused } }
    func markRefused() { lock.withLock { refused = true } }
}
