import English
import FactCheckCore
import FactCheckWebTesting
import Foundation
@testable import LLM
import XCTest

/// The LLM's other uses against the local OpenAI-format server (Support/openai_server.py, model "assistant"), each
/// beside a stand-in for the stage it falls back on: prose through the faithfulness filter, rewording, search
/// phrasings and article claims, each keeping only what the input or the evidence carries.
final class LLMStagesTests: XCTestCase {
    private var server: ScriptServer!

    override func setUpWithError() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/openai_server.py")
        server = try ScriptServer(script: script, arguments: [])
    }

    override func tearDown() { server = nil }

    private func client(_ model: String = "assistant") -> OpenAIChatClient {
        OpenAIChatClient(configuration: LLMConfiguration(baseURL: URL(string: server.url("/v1"))!, model: model,
                                                         requestTimeout: .seconds(5), retryDelay: .milliseconds(10)))
    }

    private func sentBodies() throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(string: server.url("/requests"))!)
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []).compactMap { $0["body"] as? [String: Any] }
    }

    /// A verifier stand-in: a passage supports a statement when it holds every word of three letters or more.
    private struct WordVerifier: StanceClassifier {
        func stances(of passages: [String], toward statement: String) async throws -> [StanceProbabilities] {
            let words = statement.lowercased().split { !$0.isLetter && !$0.isNumber }.filter { $0.count >= 3 }
            return passages.map { passage in
                let lower = passage.lowercased()
                return words.allSatisfy { lower.contains($0) }
                    ? StanceProbabilities(supports: 0.9, refutes: 0.05, notEnoughInfo: 0.05)
                    : StanceProbabilities(supports: 0.05, refutes: 0.05, notEnoughInfo: 0.9)
            }
        }
    }

    /// A base writer stand-in: the template report with two sources.
    private struct FixedWriter: ReportWriter {
        func write(_ claim: Claim, decision: VerdictDecision, evidence: [Evidence], date: Date) async throws -> Report {
            let credibility = Credibility(type: .encyclopedia, score: 0.6, reason: "Anyone can edit it.")
            let sources = [
                Report.CitedSource(n: 1, title: "Paris", url: "https://en.wikipedia.org/wiki/Paris", publisher: "Wikipedia", published: nil,
                                   stance: .supports, passage: "Paris is the capital and largest city of France. It has 2.1 million residents.",
                                   credibility: credibility),
                Report.CitedSource(n: 2, title: "France", url: "https://en.wikipedia.org/wiki/France", publisher: "Wikipedia", published: nil,
                                   stance: .supports, passage: "France is a country in Western Europe. Its capital is Paris.", credibility: credibility),
            ]
            return Report(claim: claim.text, normalizedClaim: claim.normalized, date: date, verdict: decision.verdict, confidence: decision.confidence,
                          summary: "Template summary.", whatWeKnow: [Report.Fact(text: "Template fact.", citations: [1])],
                          analysis: [Report.SourceAnalysis(source: 1, text: "Template analysis one."), Report.SourceAnalysis(source: 2, text: "Template analysis two.")],
                          conclusion: "Template conclusion.", sources: sources, timingsMs: [:])
        }
    }

    private static let claim = Claim(text: "Paris is the capital of France.", normalized: "Paris is the capital of France.")
    private static let decision = VerdictDecision(verdict: .true, confidence: 0.9, keyEvidence: [], rationale: "")

    func testProseKeepsOnlySentencesTheirCitedSourceSupports() async throws {
        let budget = LLMBudget()
        let writer = LLMReportWriter(client: client(), base: FixedWriter(), verifier: WordVerifier())
        let report = try await LLMBudget.$current.withValue(budget) {
            try await writer.write(Self.claim, decision: Self.decision, evidence: [], date: Date())
        }
        XCTAssertEqual(report.whatWeKnow, [Report.Fact(text: "Paris is the capital and largest city of France.", citations: [1]),
                                           Report.Fact(text: "France is a country in Western Europe.", citations: [2])],
                       "the planted sentence, the one citing a source that does not exist and the uncited one are dropped")
        XCTAssertEqual(report.summary, "Paris is the capital and largest city of France [1].")
        XCTAssertEqual(report.conclusion, "The sources agree.", "an uncited sentence with a number no source title carries is dropped")
        XCTAssertEqual(report.analysis.map(\.text), Array(repeating: "This source is a reference work, so it can be trusted for this.", count: 2))
        XCTAssertEqual(report.verdict, .true)
        let activity = try XCTUnwrap(budget.activity)
        XCTAssertEqual(activity.requests, 2, "a draft with dropped sentences is asked for once more")
        XCTAssertEqual(activity.sentencesWritten, 22)
        XCTAssertEqual(activity.sentencesDropped, 10)
        let second = try XCTUnwrap(try sentBodies().last?["messages"] as? [[String: String]]).last?["content"] ?? ""
        XCTAssertTrue(second.contains("committee on Mars in 1802"), "the second request says which sentences were dropped")
    }

    func testProseFromAServerThatIsDownLeavesTheTemplateWithANote() async throws {
        let budget = LLMBudget()
        let writer = LLMReportWriter(client: client("down"), base: FixedWriter(), verifier: WordVerifier())
        let report = try await LLMBudget.$current.withValue(budget) {
            try await writer.write(Self.claim, decision: Self.decision, evidence: [], date: Date())
        }
        let template = try await FixedWriter().write(Self.claim, decision: Self.decision, evidence: [], date: report.date)
        XCTAssertEqual(report, template)
        XCTAssertEqual(budget.recordedNotes.count, 1)
        XCTAssertTrue(budget.recordedNotes[0].contains("could not write this report's prose (the LLM server answered HTTP 503"), budget.recordedNotes[0])
    }

    func testFilterReadsCitationsAndRefusesAnotherVerdict() async throws {
        let (statement, cited) = FaithfulnessFilter.citations(in: "Paris is the capital [2, 1] of France [1; 3].")
        XCTAssertEqual(statement, "Paris is the capital of France.")
        XCTAssertEqual(cited, [2, 1, 3])
        let report = try await FixedWriter().write(Self.claim, decision: Self.decision, evidence: [], date: Date())
        let filter = FaithfulnessFilter(verifier: WordVerifier(), threshold: 0.5, claim: Self.claim, verdict: .mostlyTrue, sources: report.sources)
        let outcome = try await filter.filter("The claim is Mostly True. The claim is False. Paris is the capital [1].", requiresCitation: false)
        XCTAssertEqual(outcome.text, "The claim is Mostly True. Paris is the capital [1].")
        XCTAssertEqual(outcome.dropped, ["The claim is False."])
    }

    /// A base normaliser stand-in: the text as it is.
    private struct Verbatim: ClaimNormalizer {
        func normalize(_ text: String) async throws -> Claim { Claim(text: text, normalized: text) }
    }

    func testRewordingIsKeptOnlyWhenItAddsNothing() async throws {
        let normalizer = LLMClaimNormalizer(client: client(), base: Verbatim())
        let budget = LLMBudget()
        try await LLMBudget.$current.withValue(budget) {
            let question = try await normalizer.normalize("Is Paris the capital of France?")
            XCTAssertEqual(question.normalized, "Paris the capital of France.")
            let hijacked = try await normalizer.normalize("Is Japan in NATO?")
            XCTAssertEqual(hijacked.normalized, "Is Japan in NATO?", "a rewording that brings Korea is set aside")
            let plain = try await normalizer.normalize("Paris is the capital of France")
            XCTAssertEqual(plain.normalized, "Paris is the capital of France")
        }
        XCTAssertEqual(budget.spent.requests, 2, "a plain statement is not sent to the model")
        XCTAssertEqual(budget.recordedNotes.count, 1)
        XCTAssertTrue(budget.recordedNotes[0].contains("it adds Korea, which the input does not say"), budget.recordedNotes[0])
    }

    /// A base query writer stand-in: the claim alone.
    private struct ClaimOnly: SearchQueryWriter {
        func searches(for claim: Claim) async throws -> [String] { [claim.normalized] }
    }

    func testSearchPhrasingsBringNoNewNames() async throws {
        let queries = try await LLMSearchQueryWriter(client: client(), base: ClaimOnly()).searches(for: Self.claim)
        XCTAssertEqual(queries, ["Paris is the capital of France.", "Paris is the capital of France facts"])
        let down = try await LLMSearchQueryWriter(client: client("down"), base: ClaimOnly()).searches(for: Self.claim)
        XCTAssertEqual(down, ["Paris is the capital of France."])
    }

    /// A base extractor stand-in: the first sentence, scored 0.8.
    private struct FirstSentence: ClaimExtractor {
        func claims(in article: Article, limit: Int) async throws -> [ExtractedClaim] {
            guard let range = SentenceSplitter.ranges(in: article.text).first else { return [] }
            return [ExtractedClaim(text: String(article.text[range]), sentence: String(article.text[range]), span: TextSpan(range, in: article.text), checkWorthiness: 0.8)]
        }
    }

    func testArticleClaimsAreFoundInTheArticle() async throws {
        let text = "Japan had 125 million people in 2023.  Cats are nice.\n\nNATO had 30 members in 2021."
        let claims = try await LLMClaimExtractor(client: client(), base: FirstSentence()).claims(in: Article(text: text, title: "Japan"), limit: 5)
        XCTAssertEqual(claims.map(\.text), ["Japan had 125 million people in 2023.", "NATO had 30 members in 2021."],
                       "the invented claim, whose sentence is in no article, is dropped")
        XCTAssertEqual(claims.map { claim in claim.span.range(in: text).map { String(text[$0]) } }, claims.map(\.sentence))
        XCTAssertEqual(claims.map(\.checkWorthiness), [0.8, 0.5])
        let articles = try sentBodies().compactMap { ($0["messages"] as? [[String: String]])?.last?["content"] }
        XCTAssertEqual(articles.map { $0.components(separatedBy: "<article>\n").last ?? "" },
                       ["Japan had 125 million people in 2023.\n</article>", "NATO had 30 members in 2021.\n</article>"],
                       "each paragraph goes alone, without its sentences of fewer than four words")
        let fallback = try await LLMClaimExtractor(client: client("down"), base: FirstSentence()).claims(in: Article(text: text), limit: 5)
        XCTAssertEqual(fallback.map(\.text), ["Japan had 125 million people in 2023."])
    }
}
