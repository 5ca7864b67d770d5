import English
import FactCheckCore
import Foundation

/// Claims found by the LLM: the article goes to the model a paragraph at a time (a long one in stretches), as
/// delimited data, so that text in one paragraph (an injected instruction, say) cannot steer what is found in
/// another; sentences of fewer than four words (titles, furniture) are not sent. The model names
/// each check-worthy sentence as written and the atomic claims it makes, each rewritten to stand alone. A claim is kept
/// only when its sentence is found in the article (its span comes from there, never from the model), it brings no
/// number or name the article lacks, and it shares words with its sentence. Claims are ranked by the base extractor's
/// check-worthiness of their sentence; when the model yields no claim that holds, the base extractor's claims stand.
public struct LLMClaimExtractor: ClaimExtractor {
    public let client: OpenAIChatClient
    public let base: any ClaimExtractor
    /// The longest stretch of the article sent in one request, in characters (small models have small contexts).
    public let stretchLength: Int

    public init(client: OpenAIChatClient, base: any ClaimExtractor, stretchLength: Int = 3_000) {
        self.client = client
        self.base = base
        self.stretchLength = stretchLength
    }

    public func claims(in article: Article, limit: Int) async throws -> [ExtractedClaim] {
        let ruled = try await base.claims(in: article, limit: max(limit, 50))
        let budget = LLMBudget.current ?? LLMBudget(maxTokens: 24_000, time: .seconds(240))
        let sentences = SentenceSplitter.ranges(in: article.text).map { (range: $0, text: Self.flattened(article.text[$0])) }
        let grounding = Grounding([article.title ?? "", article.text])
        var found: [ExtractedClaim] = []
        for stretch in Self.stretches(of: sentences.map(\.text), paragraphs: Self.paragraphStarts(sentences.map(\.range), in: article.text),
                                      length: stretchLength) {
            let request = ChatRequest(messages: Self.prompt(stretch.text, title: article.title), maxTokens: 700, schema: ArticleClaims.schema)
            let answer: ArticleClaims
            do {
                answer = try await client.completeJSON(request, as: ArticleClaims.self, budget: budget)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                continue  // This stretch keeps no claims of the model's; the others may.
            }
            for item in answer.claims {
                let claim = Self.flattened(item.claim[...])
                guard let index = Self.sentence(matching: item.sentence, in: sentences, within: stretch.indices),
                      (4 ... 60).contains(claim.split(separator: " ").count), !claim.hasSuffix("?"),
                      grounding.isGrounded(claim), Grounding([sentences[index].text]).overlaps(claim),
                      !found.contains(where: { $0.text.caseInsensitiveCompare(claim) == .orderedSame }) else { continue }
                let span = TextSpan(sentences[index].range, in: article.text)
                let worthiness = ruled.filter { $0.span.overlaps(span) }.map(\.checkWorthiness).max() ?? 0.5
                found.append(ExtractedClaim(text: claim, sentence: sentences[index].text, span: span, checkWorthiness: worthiness))
            }
        }
        guard !found.isEmpty else { return Array(ruled.prefix(limit)) }
        let kept = found.enumerated().sorted { ($0.element.checkWorthiness, -$0.offset) > ($1.element.checkWorthiness, -$1.offset) }.prefix(limit)
        return kept.sorted { ($0.element.span, $0.offset) < ($1.element.span, $1.offset) }.map(\.element)
    }

    /// The indices of the sentences that begin a paragraph (after a blank line).
    static func paragraphStarts(_ ranges: [Range<String.Index>], in text: String) -> Set<Int> {
        var starts: Set<Int> = [0]
        for index in ranges.indices.dropFirst() where text[ranges[index - 1].upperBound ..< ranges[index].lowerBound].filter(\.isNewline).count >= 2 {
            starts.insert(index)
        }
        return starts
    }

    /// The sentences of at least four words, a paragraph at a time, a paragraph longer than `length` characters in
    /// stretches of at most that (a longer sentence alone).
    static func stretches(of sentences: [String], paragraphs: Set<Int>, length: Int) -> [(indices: [Int], text: String)] {
        var stretches: [(indices: [Int], text: String)] = []
        var current: [Int] = []
        var size = 0
        func close() {
            if !current.isEmpty { stretches.append((current, current.map { sentences[$0] }.joined(separator: " "))) }
            current = []
            size = 0
        }
        for (index, sentence) in sentences.enumerated() {
            if paragraphs.contains(index) || (size > 0 && size + sentence.count + 1 > length) { close() }
            guard sentence.split(separator: " ").count >= 4 else { continue }
            current.append(index)
            size += sentence.count + 1
        }
        close()
        return stretches
    }

    /// The index of the sentence the model quoted: the same words, or a sentence that holds the quote (or that the
    /// quote holds), ignoring case and spacing.
    static func sentence(matching quote: String, in sentences: [(range: Range<String.Index>, text: String)], within indices: [Int]) -> Int? {
        let needle = flattened(quote[...]).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .\"“”"))
        guard needle.split(separator: " ").count >= 3 else { return nil }
        let candidates = indices.map { ($0, sentences[$0].text.lowercased()) }
        return candidates.first { $0.1.trimmingCharacters(in: CharacterSet(charactersIn: " .\"“”")) == needle }?.0
            ?? candidates.first { $0.1.contains(needle) }?.0
            ?? candidates.first { needle.contains($0.1.trimmingCharacters(in: CharacterSet(charactersIn: " ."))) && $0.1.count >= 20 }?.0
    }

    private static func flattened(_ text: Substring) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func prompt(_ stretch: String, title: String?) -> [ChatMessage] {
        let system = """
            You find the claims a fact-checker would check in an article: statements of fact with numbers, dates, \
            rankings, memberships, or named people, places and organisations doing or being something. Leave out \
            opinions, questions, advice, predictions and promotion. For each, copy the article's sentence exactly as \
            "sentence", and write each separate claim it makes as "claim": one short statement that stands alone \
            (replace "it", "the country" and the like by what they refer to). Add nothing the article does not say.
            """ + " " + PromptData.rule
        var user: [String] = []
        if let title, !title.isEmpty { user.append("Title: " + PromptData.defused(title)) }
        user.append(PromptData.block("article", stretch))
        return [ChatMessage(.system, system), ChatMessage(.user, user.joined(separator: "\n\n"))]
    }
}

/// The claims the model found in a stretch of an article.
struct ArticleClaims: Decodable {
    struct Item: Decodable {
        var sentence: String
        var claim: String
    }

    var claims: [Item]

    static let schema = JSONSchema(name: "article_claims", json: """
        {"type": "object", "additionalProperties": false, "required": ["claims"],
         "properties": {"claims": {"type": "array", "items": {"type": "object", "additionalProperties": false,
           "required": ["sentence", "claim"], "properties": {"sentence": {"type": "string"}, "claim": {"type": "string"}}}}}}
        """)
}
