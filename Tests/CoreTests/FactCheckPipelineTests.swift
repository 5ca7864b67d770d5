import FactCheckCore
import Foundation
import XCTest

/// The pipeline carries the claim through its stages once: normalised once, embedded once, each passage's stance read
/// once and handed, with its credibility, to the verdict and the writer.
final class FactCheckPipelineTests: XCTestCase {
    /// Counts its calls and what it was given.
    private final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String: Int] = [:]
        var embeddingSeen: [Float]?
        func count(_ key: String, by amount: Int = 1) { lock.withLock { values[key, default: 0] += amount } }
        subscript(key: String) -> Int { lock.withLock { values[key, default: 0] } }
    }

    private struct Normalizer: ClaimNormalizer {
        let calls: Calls
        func normalize(_ text: String) async throws -> Claim {
            calls.count("normalize")
            return Claim(text: text, normalized: text.replacingOccurrences(of: "?", with: ""))
        }
    }

    private struct Retriever: EvidenceRetriever {
        let calls: Calls
        func retrieve(for claim: Claim, embedding: [Float]?, limit: Int) async throws -> EvidenceSearch {
            calls.count("retrieve")
            calls.embeddingSeen = embedding
            if embedding == nil { ModelCalls.current?.embedded(1) }
            let source = Source(id: SourceID("s"), url: "https://example.org", title: "NATO", domain: "example.org")
            let passages = (0 ..< 3).map { index in
                RetrievedPassage(passage: Passage(id: PassageID("s#\(index)"), sourceID: source.id, index: index, text: "NATO text \(index)."),
                                 source: source, relevance: 1 / Double(index + 1))
            }
            return EvidenceSearch(passages: Array(passages.prefix(limit)))
        }
    }

    private struct Stance: StanceClassifier {
        let calls: Calls
        func stances(of passages: [String], toward statement: String) async throws -> [StanceProbabilities] {
            calls.count("stance")
            calls.count("pairs", by: passages.count)
            ModelCalls.current?.verified(passages.count)
            return passages.map { _ in StanceProbabilities(supports: 0.8, refutes: 0.1, notEnoughInfo: 0.1) }
        }
    }

    private struct Scorer: CredibilityScorer {
        let calls: Calls
        func credibility(of source: Source) -> Credibility {
            calls.count("credibility")
            return Credibility(type: .encyclopedia, score: 0.7, reason: "test")
        }
    }

    private struct Aggregator: VerdictAggregator {
        func decide(_ claim: Claim, evidence: [Evidence]) -> VerdictDecision {
            VerdictDecision(verdict: evidence.allSatisfy { $0.stance.supports > 0.5 } ? .true : .false, confidence: 0.9,
                            keyEvidence: evidence.map(\.passage.id), rationale: "all support")
        }
    }

    /// Writes from the evidence it is given and never asks a model.
    private struct Writer: ReportWriter {
        let calls: Calls
        func write(_ claim: Claim, decision: VerdictDecision, evidence: [Evidence], date: Date) async throws -> Report {
            calls.count("write")
            return Report(claim: claim.text, normalizedClaim: claim.normalized, date: date, verdict: decision.verdict,
                          confidence: decision.confidence, summary: "\(evidence.count) passages", whatWeKnow: [], analysis: [],
                          conclusion: decision.rationale, sources: [], timingsMs: [:])
        }
    }

    private func pipeline(_ calls: Calls, passages: Int = 8) -> FactCheckPipeline {
        FactCheckPipeline(normalizer: Normalizer(calls: calls), retriever: Retriever(calls: calls), credibility: Scorer(calls: calls),
                          stance: Stance(calls: calls), aggregator: Aggregator(), writer: Writer(calls: calls),
                          configuration: .init(passagesToVerify: passages))
    }

    func testEachStageRunsOnceAndTheTraceCountsTheModelCalls() async throws {
        let calls = Calls()
        let (report, trace) = try await pipeline(calls).check("Is NATO a military alliance?")
        XCTAssertEqual(report.normalizedClaim, "Is NATO a military alliance")
        XCTAssertEqual(report.verdict, .true)
        XCTAssertEqual(report.summary, "3 passages")
        for stage in ["normalize", "retrieve", "stance", "write"] { XCTAssertEqual(calls[stage], 1, stage) }
        XCTAssertEqual(calls["credibility"], 3, "once per passage")
        XCTAssertEqual(trace.steps.map(\.stage), PipelineStage.allCases)
        XCTAssertEqual(trace.modelCalls, ModelCalls.Tally(verifierPairs: 3, embeddedTexts: 1))
        XCTAssertEqual(Set(report.timingsMs.keys), Set(PipelineStage.allCases.map(\.rawValue)))
    }

    func testAClaimNormalisedAndEmbeddedBeforeIsNeitherAgain() async throws {
        let calls = Calls()
        let claim = Claim(text: "NATO is a military alliance", normalized: "NATO is a military alliance")
        let (_, trace) = try await pipeline(calls, passages: 2).check(claim, embedding: [0.6, 0.8])
        XCTAssertEqual(calls["normalize"], 0)
        XCTAssertEqual(calls.embeddingSeen, [0.6, 0.8])
        XCTAssertEqual(trace.modelCalls, ModelCalls.Tally(verifierPairs: 2, embeddedTexts: 0))
    }

    /// What the LLM did while the claim was prepared (elsewhere, perhaps in another process) is counted in the
    /// check's tally and its notes reach the report.
    func testTheLLMsWorkBeforeTheCheckIsCarriedIntoItsReport() async throws {
        let before = LLMBudget(maxTokens: 1_000)
        before.record(TokenUsage(prompt: 120, completion: 30), model: "tiny")
        _ = before.admit()
        before.note("The LLM (tiny) rewrote the claim.")
        let record = try XCTUnwrap(before.record)
        let decoded = try JSONDecoder().decode(LLMBudget.Record.self, from: JSONEncoder().encode(record))
        let claim = Claim(text: "NATO is a military alliance", normalized: "NATO is a military alliance")
        let (report, _) = try await pipeline(Calls()).check(claim, embedding: [1], llm: decoded)
        XCTAssertEqual(report.llm, LLMActivity(model: "tiny", requests: 1, promptTokens: 120, completionTokens: 30, sentencesWritten: 0, sentencesDropped: 0))
        XCTAssertEqual(report.notes, ["The LLM (tiny) rewrote the claim."])
        XCTAssertNil(LLMBudget().record, "a budget the LLM never touched records nothing")
    }

    /// A check cancelled while a stage runs stops before the next one.
    func testACancelledCheckStopsBeforeTheNextStage() async throws {
        let calls = Calls()
        let cancelling = FactCheckPipeline(normalizer: Normalizer(calls: calls), retriever: Retriever(calls: calls), credibility: Scorer(calls: calls),
                                           stance: CancellingStance(), aggregator: Aggregator(), writer: Writer(calls: calls))
        do {
            _ = try await Task { try await cancelling.check("NATO is a military alliance") }.value
            XCTFail("a cancelled check finished")
        } catch is CancellationError {}
        XCTAssertEqual(calls["retrieve"], 1)
        XCTAssertEqual(calls["write"], 0)
    }

    /// Cancels the check that asks it, as a user leaving the page does.
    private struct CancellingStance: StanceClassifier {
        func stances(of passages: [String], toward statement: String) async throws -> [StanceProbabilities] {
            withUnsafeCurrentTask { $0?.cancel() }
            return passages.map { _ in StanceProbabilities(supports: 0.1, refutes: 0.1, notEnoughInfo: 0.8) }
        }
    }
}
