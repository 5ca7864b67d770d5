import AsyncHTTPClient
import FactCheckCore
import Foundation
import NIOCore

extension OpenAIChatClient {
    /// What a server does, as `factcheck llm test` reports it.
    public struct Probe: Sendable {
        /// The models the server lists (`GET <base>/models`), nil when it lists none.
        public var models: [String]?
        public var chat: Result<ChatCompletion, LLMError>
        public var chatSeconds: Double
        /// Whether a structured answer came back valid, and whether the server took `response_format` for it.
        public var structured: Result<Bool, LLMError>?
        public var streaming: Result<Int, LLMError>?
    }

    /// Asks the server for its models, a short answer, a structured answer and a streamed answer. Stops after the
    /// short answer when that fails.
    public func probe() async -> Probe {
        let models = await listModels()
        let started = ContinuousClock.now
        let chat: Result<ChatCompletion, LLMError>
        do {
            chat = .success(try await complete(ChatRequest(messages: [ChatMessage(.user, "Reply with the word: ready")], maxTokens: 8),
                                               budget: LLMBudget()))
        } catch {
            chat = .failure(error as? LLMError ?? .unreachable("\(error)"))
        }
        var probe = Probe(models: models, chat: chat, chatSeconds: Double(started.duration(to: .now) / .milliseconds(1)) / 1000)
        guard case .success = chat else { return probe }

        struct Capital: Decodable { let country: String; let capital: String }
        let schema = JSONSchema(name: "capital", json: """
            {"type": "object", "properties": {"country": {"type": "string"}, "capital": {"type": "string"}},
             "required": ["country", "capital"], "additionalProperties": false}
            """)
        let question = ChatRequest(messages: [ChatMessage(.user, "What is the capital of France? Give the country and its capital.")],
                                   maxTokens: 64, schema: schema)
        do {
            _ = try await completeJSON(question, as: Capital.self, budget: LLMBudget())
            probe.structured = .success(schemaSupport.isSupported)
        } catch {
            probe.structured = .failure(error as? LLMError ?? .malformed("\(error)"))
        }
        do {
            var pieces = 0
            for try await _ in stream(ChatRequest(messages: [ChatMessage(.user, "Count from one to five in words.")], maxTokens: 24), budget: LLMBudget()) {
                pieces += 1
            }
            probe.streaming = .success(pieces)
        } catch {
            probe.streaming = .failure(error as? LLMError ?? .malformed("\(error)"))
        }
        return probe
    }

    /// `GET <base>/models`: the ids listed, or nil.
    private func listModels() async -> [String]? {
        var request = HTTPClientRequest(url: configuration.endpoint("models"))
        authorize(&request)
        let body = try? await withClient { http in
            let response = try await http.execute(request, deadline: .now() + .seconds(10))
            return response.status.code == 200 ? try await response.body.collect(upTo: 1 << 20) : nil
        }
        guard let body = body ?? nil, let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
              let data = object["data"] as? [[String: Any]] else { return nil }
        return data.compactMap { $0["id"] as? String }
    }
}
