import English
import FactCheckCore
import Foundation

/// Awkward inputs rewritten by the LLM into one checkable statement: a question, a headline, a quote with its
/// attribution, when the base normaliser's rules leave it awkward. Everything else, and every input the model cannot
/// help with, is the base normaliser's. The rewrite is
/// kept only when it is one statement that brings no number or name the input lacks and shares words with it;
/// otherwise the base's claim stands and the check's budget gets a note.
public struct LLMClaimNormalizer: ClaimNormalizer {
    public let client: OpenAIChatClient
    public let base: any ClaimNormalizer

    public init(client: OpenAIChatClient, base: any ClaimNormalizer) {
        self.client = client
        self.base = base
    }

    public func normalize(_ text: String) async throws -> Claim {
        var claim = try await base.normalize(text)
        guard Self.isAwkward(claim.normalized) else { return claim }
        let budget = LLMBudget.current ?? LLMBudget(maxTokens: 1_000, time: .seconds(30))
        do {
            let request = ChatRequest(messages: Self.prompt(text), maxTokens: 96, schema: CheckableClaim.schema)
            let rewritten = try await client.completeJSON(request, as: CheckableClaim.self, budget: budget).claim
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if let problem = Self.problem(with: rewritten, for: text) {
                budget.note("The LLM (\(client.configuration.model)) rewrote the claim as “\(rewritten.prefix(200))”, which was set aside "
                    + "(\(problem)); the claim checked is FactCheck's own rewording.")
            } else {
                claim.normalized = rewritten
            }
        } catch let error where !(error is CancellationError) {
            budget.note(FallbackNote.couldNot("reword the claim", model: client.configuration.model, error: error,
                                              instead: "the claim checked is FactCheck's own rewording"))
        }
        return claim
    }

    /// A question, a quotation, a headline-like "X: Y", an attribution ("…, sources say", "according to …"), or a
    /// long text.
    static func isAwkward(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasSuffix("?") || trimmed.contains(where: { "\"“”‘’«»".contains($0) }) || trimmed.contains(": ")
            || trimmed.range(of: #",\s*[^,]{1,40}\s(says?|said|claims?|claimed|reports?|reported)\.?$"#, options: [.regularExpression, .caseInsensitive]) != nil
            || trimmed.range(of: "according to", options: .caseInsensitive) != nil
            || trimmed.split(whereSeparator: \.isWhitespace).count > 30
    }

    /// Why a rewrite cannot stand, or nil.
    static func problem(with rewritten: String, for text: String) -> String? {
        let grounding = Grounding([text])
        if rewritten.isEmpty { return "it is empty" }
        if rewritten.hasSuffix("?") { return "it is a question" }
        if rewritten.unicodeScalars.count > 2 * text.unicodeScalars.count + 40 { return "it is much longer than the input" }
        if SentenceSplitter.sentences(in: rewritten).count > 1 { return "it is more than one sentence" }
        let unknown = grounding.unknownFacts(in: rewritten)
        if !unknown.isEmpty { return "it adds \(unknown.prefix(3).joined(separator: ", ")), which the input does not say" }
        if !grounding.overlaps(rewritten) { return "it shares no words with the input" }
        return nil
    }

    static func prompt(_ text: String) -> [ChatMessage] {
        let system = """
            Rewrite what the user typed as one short declarative statement that a fact-checker can test: turn a \
            question into the statement it asks about, a headline into a full sentence, and a quote with its \
            attribution into what the quote claims. Keep every name and number as given; add nothing.
            """ + " " + PromptData.rule
        return [ChatMessage(.system, system), ChatMessage(.user, PromptData.block("claim", text))]
    }
}

/// The model's rewording of an input.
struct CheckableClaim: Decodable {
    var claim: String

    static let schema = JSONSchema(name: "checkable_claim", json: """
        {"type": "object", "additionalProperties": false, "required": ["claim"], "properties": {"claim": {"type": "string"}}}
        """)
}
