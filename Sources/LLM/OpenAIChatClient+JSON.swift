import FactCheckCore
import Foundation

extension OpenAIChatClient {
    /// An answer to `request` (which must carry a schema) decoded as `T`. The schema goes to the server as
    /// `response_format`; a server that refuses that gets the schema in the prompt instead (and is not sent it again).
    /// An answer that does not decode is sent back once with the reason, asking for a corrected answer.
    public func completeJSON<T: Decodable>(_ request: ChatRequest, as type: T.Type, budget: LLMBudget) async throws -> T {
        guard let schema = request.schema else { throw LLMError.malformed("a structured answer needs a schema") }
        var request = request
        if !schemaSupport.isSupported { request.messages = Self.askingForSchema(request.messages, schema) }
        var completion: ChatCompletion
        do {
            completion = try await complete(request, budget: budget)
        } catch let error as LLMError where error.isBadRequest && schemaSupport.isSupported {
            schemaSupport.markRefused()
            request.messages = Self.askingForSchema(request.messages, schema)
            completion = try await complete(request, budget: budget)
        }
        do {
            return try Self.decode(completion.text, as: type)
        } catch let first {
            request.messages += [ChatMessage(.assistant, completion.text),
                                 ChatMessage(.user, "That answer cannot be used: \(first). Reply again with only the JSON value, following the schema.")]
            let repaired = try await complete(request, budget: budget)
            do {
                return try Self.decode(repaired.text, as: type)
            } catch {
                let reason = (error as? LLMError)?.malformedReason ?? "\(error)"
                throw LLMError.malformed("\(reason), also after one request to correct it")
            }
        }
    }

    /// The JSON value in `text` (fences and words around it ignored) decoded as `T`.
    static func decode<T: Decodable>(_ text: String, as type: T.Type) throws -> T {
        guard let start = text.firstIndex(where: { $0 == "{" || $0 == "[" }),
              let end = text.lastIndex(where: { $0 == "}" || $0 == "]" }), start < end else {
            throw LLMError.malformed("no JSON value in the answer")
        }
        do {
            return try JSONDecoder().decode(type, from: Data(text[start ... end].utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw LLMError.malformed("the key \"\(key.stringValue)\" is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw LLMError.malformed("the value at \(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type")
        } catch {
            throw LLMError.malformed("the JSON is not valid")
        }
    }

    /// The messages with the schema added to the instructions.
    private static func askingForSchema(_ messages: [ChatMessage], _ schema: JSONSchema) -> [ChatMessage] {
        let instruction = "Answer with only one JSON value that follows this JSON schema, and nothing else:\n\(schema.json)"
        var messages = messages
        if let system = messages.firstIndex(where: { $0.role == .system }) {
            messages[system].content += "\n\n" + instruction
        } else {
            messages.insert(ChatMessage(.system, instruction), at: 0)
        }
        return messages
    }
}
