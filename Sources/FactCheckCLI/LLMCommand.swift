import ArgumentParser
import Foundation
import LLM

struct LLMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llm",
        abstract: "The optional LLM (any OpenAI-compatible chat-completions server).",
        subcommands: [Test.self]
    )

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say whether the LLM server answers, and which features it supports.",
            discussion: "Asks for the server's models, a short answer, a structured (JSON schema) answer and a streamed answer. Exits 1 when the server gives no answer."
        )
        @OptionGroup var llm: LLMOptions

        func validate() throws {
            guard llm.configuration != nil else { throw ValidationError("Give the server: --llm-url URL (or $FACTCHECK_LLM_URL).") }
        }

        func run() async throws {
            guard let configuration = llm.configuration else { throw ExitCode.validationFailure }
            print("LLM server \(configuration.baseURL.absoluteString), model \(configuration.model)"
                + (configuration.apiKey == nil ? "" : " (API key from $FACTCHECK_LLM_API_KEY)"))
            let probe = await OpenAIChatClient(configuration: configuration).probe()
            print("  models listed: " + (probe.models.map { $0.isEmpty ? "none" : $0.joined(separator: ", ") } ?? "not answered"))
            switch probe.chat {
            case let .success(answer):
                print(String(format: "  chat completion: yes (%.1f s, %d prompt and %d completion tokens)", probe.chatSeconds,
                             answer.usage.prompt, answer.usage.completion))
            case let .failure(error):
                print("  chat completion: no: \(error)")
                throw ExitCode.failure
            }
            switch probe.structured {
            case .success(true): print("  structured output: yes (JSON schema in response_format)")
            case .success(false): print("  structured output: yes (schema in the prompt; the server refused response_format)")
            case let .failure(error): print("  structured output: no: \(error)")
            case nil: break
            }
            switch probe.streaming {
            case let .success(pieces): print("  streaming: yes (\(pieces) pieces)")
            case let .failure(error): print("  streaming: no: \(error)")
            case nil: break
            }
        }
    }
}
