import ArgumentParser
import Foundation
import LLM

/// Where the optional LLM is: any OpenAI-compatible chat-completions server. The API key is read from
/// `$FACTCHECK_LLM_API_KEY` only, so that it never shows in a process list.
struct LLMOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The API's base URL, e.g. http://127.0.0.1:8080/v1 (or $FACTCHECK_LLM_URL).", valueName: "url"))
    var llmURL: String?
    @Option(help: ArgumentHelp("The model to ask (or $FACTCHECK_LLM_MODEL).", valueName: "name"))
    var llmModel: String?
    @Option(help: "Seconds one LLM request may take.") var llmTimeout = 60
    @Option(help: ArgumentHelp("""
        What the LLM does, comma-separated (or $FACTCHECK_LLM_USES; all when not given): normalize (rewords questions, \
        headlines and quotes), queries (search phrasings for online providers), judge (weighs the evidence beside the \
        verifier), prose (writes the report, every cited sentence verified), extract (finds an article's claims).
        """, valueName: "uses"))
    var llmUses: String?
    @Option(help: "Tokens the LLM may spend on one claim's check.") var llmCheckTokens = 12_000
    @Option(help: "Seconds the LLM may spend on one claim's check.") var llmCheckSeconds = 120

    /// What the LLM is used for.
    enum Use: String, CaseIterable {
        case normalize, queries, judge, prose, extract
    }

    /// The uses chosen (all of them when none are named).
    var uses: Set<Use> {
        guard let list = llmUses ?? ProcessInfo.processInfo.environment["FACTCHECK_LLM_USES"], !list.isEmpty else { return Set(Use.allCases) }
        return Set(Self.names(in: list).compactMap(Use.init(rawValue:)))
    }

    private static func names(in list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func validate() throws {
        if let list = llmUses {
            for name in Self.names(in: list) where Use(rawValue: name) == nil {
                throw ValidationError("--llm-uses: unknown use '\(name)'; known: \(Use.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }
        if let url = url { guard url.scheme == "http" || url.scheme == "https", url.host != nil else { throw ValidationError("--llm-url must be an http(s) URL.") } }
        guard llmTimeout > 0 else { throw ValidationError("--llm-timeout must be positive.") }
        guard llmCheckTokens > 0, llmCheckSeconds > 0 else { throw ValidationError("--llm-check-tokens and --llm-check-seconds must be positive.") }
    }

    private var url: URL? {
        (llmURL ?? ProcessInfo.processInfo.environment["FACTCHECK_LLM_URL"]).flatMap { $0.isEmpty ? nil : URL(string: $0) }
    }

    /// The client for the uses chosen, or nil when no LLM is configured or `use` is not chosen. Every use of one
    /// server and model shares a client, so what it learns of the server (structured output refused) holds for all.
    func client(for use: Use) -> OpenAIChatClient? {
        guard uses.contains(use), let configuration else { return nil }
        return Self.clients.client(for: configuration)
    }

    private static let clients = SharedClients()

    /// The clients of this process, one per server, model and key.
    private final class SharedClients: @unchecked Sendable {
        private let lock = NSLock()
        private var clients: [String: OpenAIChatClient] = [:]

        func client(for configuration: LLMConfiguration) -> OpenAIChatClient {
            let key = [configuration.baseURL.absoluteString, configuration.model, configuration.apiKey ?? "", "\(configuration.requestTimeout)"]
                .joined(separator: "\u{1F}")
            return lock.withLock {
                if let client = clients[key] { return client }
                let client = OpenAIChatClient(configuration: configuration)
                clients[key] = client
                return client
            }
        }
    }

    /// The configuration, or nil when no LLM is configured.
    var configuration: LLMConfiguration? {
        guard let url else { return nil }
        let environment = ProcessInfo.processInfo.environment
        return LLMConfiguration(baseURL: url, model: llmModel ?? environment["FACTCHECK_LLM_MODEL"] ?? "default",
                                apiKey: environment["FACTCHECK_LLM_API_KEY"], requestTimeout: .seconds(llmTimeout))
    }
}
