import FactCheckCore
import Foundation

/// Search phrasings from the base writer, then up to `extra` more from the LLM (the kind a person would type into a
/// search engine to settle the claim). A phrasing is kept only when it is short, shares words with the claim and
/// brings no number or name the claim lacks; a model that fails leaves the base phrasings alone.
public struct LLMSearchQueryWriter: SearchQueryWriter {
    public let client: OpenAIChatClient
    public let base: any SearchQueryWriter
    public let extra: Int

    public init(client: OpenAIChatClient, base: any SearchQueryWriter, extra: Int = 2) {
        self.client = client
        self.base = base
        self.extra = extra
    }

    public func searches(for claim: Claim) async throws -> [String] {
        var searches = try await base.searches(for: claim)
        let budget = LLMBudget.current ?? LLMBudget(maxTokens: 1_000, time: .seconds(30))
        do {
            let request = ChatRequest(messages: Self.prompt(claim.normalized, count: extra), maxTokens: 40 * extra + 40, schema: SearchQueries.schema)
            let written = try await client.completeJSON(request, as: SearchQueries.self, budget: budget).queries
            let grounding = Grounding([claim.text, claim.normalized])
            var added = 0
            for query in written.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where added < extra {
                let words = query.split(whereSeparator: \.isWhitespace).count
                guard (1 ... 12).contains(words), grounding.isGrounded(query), grounding.overlaps(query),
                      !searches.contains(where: { $0.caseInsensitiveCompare(query) == .orderedSame }) else { continue }
                searches.append(query)
                added += 1
            }
        } catch let error where !(error is CancellationError) {
            budget.note(FallbackNote.couldNot("write search queries", model: client.configuration.model, error: error,
                                              instead: "the searches are FactCheck's own"))
        }
        return searches
    }

    static func prompt(_ claim: String, count: Int) -> [ChatMessage] {
        let system = """
            Write \(count) short web search queries (at most twelve words each) that would find sources confirming or \
            refuting the claim. Use the claim's own names and numbers; add none.
            """ + " " + PromptData.rule
        return [ChatMessage(.system, system), ChatMessage(.user, PromptData.block("claim", claim))]
    }
}

/// The model's search phrasings.
struct SearchQueries: Decodable {
    var queries: [String]

    static let schema = JSONSchema(name: "search_queries", json: """
        {"type": "object", "additionalProperties": false, "required": ["queries"],
         "properties": {"queries": {"type": "array", "items": {"type": "string"}}}}
        """)
}
