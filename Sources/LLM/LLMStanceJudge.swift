import FactCheckCore
import Foundation

/// The LLM as a judge of evidence, beside the NLI verifier: given the claim and the passages (numbered, each inside
/// delimiters as data, never as instructions), the model says per passage whether it supports or refutes the claim or
/// says nothing about it, quoting the words it rests on. A judgement counts only when its quote occurs in its passage
/// (an invented or empty quote discards it); a kept judgement is blended with the verifier's probabilities. When the
/// model is unreachable, slow, over budget or answers nonsense, the verifier's stances stand alone.
public struct LLMStanceJudge: StanceClassifier {
    public struct Configuration: Sendable {
        /// The judge's share of a blended stance (the verifier has the rest).
        public var judgeWeight: Double
        /// What one claim's judgement may spend.
        public var maxTokens: Int
        public var time: Duration

        public init(judgeWeight: Double = 0.5, maxTokens: Int = 4_000, time: Duration = .seconds(30)) {
            self.judgeWeight = judgeWeight
            self.maxTokens = maxTokens
            self.time = time
        }
    }

    public let client: OpenAIChatClient
    public let verifier: any StanceClassifier
    public let configuration: Configuration

    public init(client: OpenAIChatClient, verifier: any StanceClassifier, configuration: Configuration = Configuration()) {
        self.client = client
        self.verifier = verifier
        self.configuration = configuration
    }

    public func stances(of passages: [String], toward statement: String) async throws -> [StanceProbabilities] {
        try await assess(passages, toward: statement).stances
    }

    public func stances(of evidence: [RetrievedPassage], toward claim: Claim) async throws -> [StanceProbabilities] {
        try await assess(evidence, toward: claim).stances
    }

    public func assess(_ evidence: [RetrievedPassage], toward claim: Claim) async throws -> StanceAssessment {
        try await assess(evidence.map(\.passage.text), toward: claim.normalized) { try await verifier.stances(of: evidence, toward: claim) }
    }

    /// The stances of `passages` toward `statement`, blended, with a note when the judge could not help.
    public func assess(_ passages: [String], toward statement: String) async throws -> StanceAssessment {
        try await assess(passages, toward: statement) { try await verifier.stances(of: passages, toward: statement) }
    }

    /// The blended stances; when the judge could not help, the verifier's (`verify`) alone with a note saying why. The
    /// verifier and the model work at the same time.
    private func assess(_ passages: [String], toward statement: String,
                        verify: () async throws -> [StanceProbabilities]) async throws -> StanceAssessment {
        guard !passages.isEmpty else { return StanceAssessment(stances: try await verify()) }
        async let judged: Result<EvidenceJudgement, any Error> = {
            do { return .success(try await judge(statement, passages: passages)) } catch { return .failure(error) }
        }()
        let verified = try await verify()
        let model = client.configuration.model
        switch await judged {
        case let .success(judgement) where !judgement.passages.isEmpty:
            return StanceAssessment(stances: Self.blend(verified, with: judgement, weight: configuration.judgeWeight))
        case .success:
            return StanceAssessment(stances: verified, note: "The LLM judge (\(model)) was asked to weigh the evidence, but none of its judgements "
                + "quoted the passages they were about, so they were set aside; the stances are the NLI verifier's alone.")
        case let .failure(error):
            return StanceAssessment(stances: verified, note: FallbackNote.couldNot("weigh the evidence", model: model, error: error,
                                                                                   instead: "the stances are the NLI verifier's alone"))
        }
    }

    /// The model's judgement of `passages` toward `claim`, with only the passage judgements whose quote checks out.
    public func judge(_ claim: String, passages: [String]) async throws -> EvidenceJudgement {
        let request = ChatRequest(messages: Self.prompt(claim, passages: passages), maxTokens: 120 + 80 * passages.count,
                                  schema: EvidenceJudgement.schema)
        var judgement = try await client.completeJSON(request, as: EvidenceJudgement.self,
                                                      budget: LLMBudget.current ?? LLMBudget(maxTokens: configuration.maxTokens, time: configuration.time))
        judgement.passages = judgement.passages.filter { item in
            guard (1 ... passages.count).contains(item.n), Stance(label: item.stance) != nil else { return false }
            return Stance(label: item.stance) == .notEnoughInfo || Self.quote(item.quote, occursIn: passages[item.n - 1])
        }
        return judgement
    }

    /// The verifier's probabilities, each blended with the judge's stance for its passage where there is one; the
    /// judge's share is `weight` (0…1).
    public static func blend(_ verified: [StanceProbabilities], with judgement: EvidenceJudgement, weight: Double) -> [StanceProbabilities] {
        var judged: [Int: Stance] = [:]
        for item in judgement.passages { judged[item.n - 1] = Stance(label: item.stance) }
        let weight = min(max(weight, 0), 1)
        return verified.enumerated().map { index, probabilities in
            guard let stance = judged[index] else { return probabilities }
            func mix(_ value: Double, _ which: Stance) -> Double { (1 - weight) * value + weight * (stance == which ? 0.9 : 0.05) }
            return StanceProbabilities(supports: mix(probabilities.supports, .supports), refutes: mix(probabilities.refutes, .refutes),
                                       notEnoughInfo: mix(probabilities.notEnoughInfo, .notEnoughInfo))
        }
    }

    /// The instructions, then the claim and the passages as delimited data. A delimiter inside a passage is defused, so
    /// that a passage cannot close its own block and speak as the instructions.
    static func prompt(_ claim: String, passages: [String]) -> [ChatMessage] {
        let system = """
            You are a careful fact-checker. You get a claim and numbered passages from sources. For each passage, say \
            whether it supports the claim, refutes it, or says nothing that settles it (not_enough_info), and copy the \
            exact words of the passage that show it (empty for not_enough_info). A passage about a different subject \
            is not_enough_info. Then give the overall label.
            """ + " " + PromptData.rule
        let blocks = passages.enumerated().map { index, text in PromptData.block("passage", text, attributes: "n=\"\(index + 1)\"") }
        return [ChatMessage(.system, system), ChatMessage(.user, ([PromptData.block("claim", claim)] + blocks).joined(separator: "\n\n"))]
    }

    /// Whether `quote` (at least three words) occurs in `passage`, ignoring case, spacing and quote-mark style.
    static func quote(_ quote: String, occursIn passage: String) -> Bool {
        func normalized(_ text: String) -> String {
            text.lowercased().replacingOccurrences(of: "[“”„\"]", with: "\"", options: .regularExpression)
                .replacingOccurrences(of: "[‘’']", with: "'", options: .regularExpression)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let needle = normalized(quote).trimmingCharacters(in: CharacterSet(charactersIn: " .,;:\"'"))
        guard needle.split(separator: " ").count >= 3 else { return false }
        return normalized(PromptData.defused(passage)).contains(needle) || normalized(passage).contains(needle)
    }
}
