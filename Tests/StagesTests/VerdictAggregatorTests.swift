import FactCheckCore
import Foundation
import Stages
import XCTest

final class VerdictAggregatorTests: XCTestCase {
    private let claim = Claim(text: "NATO has 30 member states.", normalized: "NATO has 30 member states")

    private func evidence(_ text: String, supports: Double, refutes: Double, similarity: Double? = 0.8, credibility: Double = 0.8,
                          published: Date? = nil, id: String = UUID().uuidString) -> Evidence {
        let source = Source(id: SourceID("s-\(id)"), url: "https://example.org/\(id)", title: "T", domain: "example.org", published: published)
        return Evidence(
            retrieved: RetrievedPassage(passage: Passage(id: PassageID("p-\(id)"), sourceID: source.id, index: 0, text: text), source: source,
                                        relevance: 0.03, similarity: similarity),
            credibility: Credibility(type: .newspaper, score: credibility, reason: "test"),
            stance: StanceProbabilities(supports: supports, refutes: refutes, notEnoughInfo: max(0, 1 - supports - refutes))
        )
    }

    private let aggregator = WeightedVerdictAggregator()

    func testStrongCredibleSupportIsTrue() {
        let decision = aggregator.decide(claim, evidence: [evidence("NATO has 30 members.", supports: 0.97, refutes: 0.01, credibility: 0.9, id: "a")])
        XCTAssertEqual(decision.verdict, .true)
        XCTAssertEqual(decision.keyEvidence, [PassageID("p-a")])
        XCTAssertGreaterThan(decision.confidence, 0.7)
    }

    func testStrongRefutationIsFalse() {
        XCTAssertEqual(aggregator.decide(claim, evidence: [evidence("NATO has 32 members.", supports: 0.01, refutes: 0.97, credibility: 0.9)]).verdict, .false)
    }

    func testOffTopicOrWeakEvidenceIsUnverifiable() {
        let offTopic = aggregator.decide(claim, evidence: [evidence("Tea is a drink.", supports: 0.9, refutes: 0, similarity: 0.1)])
        XCTAssertEqual(offTopic.verdict, .unverifiable, "a confident stance on an off-topic passage must not decide")
        XCTAssertEqual(aggregator.decide(claim, evidence: []).verdict, .unverifiable)
        XCTAssertEqual(aggregator.decide(claim, evidence: [evidence("NATO is an alliance.", supports: 0.2, refutes: 0.2)]).verdict, .unverifiable)
    }

    func testLowCredibilityWeakensTheVerdict() {
        let blog = aggregator.decide(claim, evidence: [evidence("NATO has 30 members.", supports: 0.95, refutes: 0.02, credibility: 0.35)])
        XCTAssertEqual(blog.verdict, .unverifiable)
        let middling = aggregator.decide(claim, evidence: [evidence("NATO has 30 members.", supports: 0.95, refutes: 0.02, credibility: 0.6)])
        XCTAssertEqual(middling.verdict, .mostlyTrue)
    }

    func testIndependentSourcesCorroborateButOneSourceCountsOnce() {
        let twoSources = aggregator.decide(claim, evidence: [
            evidence("NATO has 30 members.", supports: 0.75, refutes: 0.01, credibility: 0.7, id: "a"),
            evidence("The alliance's 30 members met.", supports: 0.75, refutes: 0.01, credibility: 0.7, id: "b"),
        ])
        XCTAssertEqual(twoSources.verdict, .true)
        XCTAssertEqual(Set(twoSources.keyEvidence), [PassageID("p-a"), PassageID("p-b")])
        let one = evidence("NATO has 30 members.", supports: 0.75, refutes: 0.01, credibility: 0.7, id: "c")
        var samePassageAgain = one
        samePassageAgain.retrieved.passage = Passage(id: PassageID("p-d"), sourceID: one.source.id, index: 1, text: "Its 30 members met.")
        XCTAssertEqual(aggregator.decide(claim, evidence: [one, samePassageAgain]).verdict, .mostlyTrue)
    }

    func testConflictingEvidenceIsMisleadingOrOutdated() {
        let same = aggregator.decide(claim, evidence: [
            evidence("A says 30.", supports: 0.9, refutes: 0.05, id: "s"), evidence("B says 32.", supports: 0.05, refutes: 0.9, id: "r"),
        ])
        XCTAssertEqual(same.verdict, .misleading)
        let dated = aggregator.decide(claim, evidence: [
            evidence("In 2020 NATO had 30 members.", supports: 0.9, refutes: 0.05, id: "old"),
            evidence("Since 2024 NATO has 32 members.", supports: 0.05, refutes: 0.9, id: "new"),
        ])
        XCTAssertEqual(dated.verdict, .outdated)
        XCTAssertEqual(dated.keyEvidence.first, PassageID("p-new"), "the newer, contradicting evidence leads")
        let event = Claim(text: "NATO was founded in 1949.", normalized: "NATO was founded in 1949.")
        let pastEvent = aggregator.decide(event, evidence: [
            evidence("NATO was founded in 1949.", supports: 0.9, refutes: 0.05, id: "old"),
            evidence("During the Cold War (1947–1991) Europe was divided.", supports: 0.05, refutes: 0.9, id: "new"),
        ])
        XCTAssertEqual(pastEvent.verdict, .misleading, "a past event cannot become outdated")
    }

    func testOnlyTimeVaryingClaimsCanBecomeOutdated() {
        for claim in ["NATO has 30 member states.", "Joe Biden is the president of the United States.", "Tokyo is the largest city in the world.",
                      "The population of France is 60 million."] {
            XCTAssertTrue(WeightedVerdictAggregator.canBecomeOutdated(claim), claim)
        }
        for claim in ["NATO was founded in 1949.", "Japan is a member of NATO.", "Water boils at 100 degrees Celsius at sea level.",
                      "The Berlin Wall fell in 1989."] {
            XCTAssertFalse(WeightedVerdictAggregator.canBecomeOutdated(claim), claim)
        }
    }

    func testBenchmarkLabels() {
        XCTAssertEqual(Verdict.outdated.benchmarkLabel, "REFUTED")
        XCTAssertEqual(Verdict.misleading.benchmarkLabel, "CONFLICTING")
        XCTAssertEqual(Verdict.mostlyTrue.benchmarkLabel, "SUPPORTED")
        XCTAssertEqual(Verdict.unverifiable.benchmarkLabel, "NOT_ENOUGH_INFO")
    }
}
