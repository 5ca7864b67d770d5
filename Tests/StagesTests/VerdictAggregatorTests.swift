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

    func testPassagesReadAsNotAddressingTheClaimCannotAddUpToARefutation() {
        // Three credible sources each leaning 45% "refutes" but read as "not enough info": before, their refuting mass added
        // up (noisy-OR) to Mostly False while the report counted none of them as contradicting the claim.
        let unclear = ["a", "b", "c"].map { evidence("Japan's first constitution dates from 1890.", supports: 0.07, refutes: 0.44, credibility: 0.9, id: $0) }
        XCTAssertEqual(aggregator.decide(claim, evidence: unclear).verdict, .unverifiable)
        let oneClear = unclear + [evidence("NATO has 32 members.", supports: 0.02, refutes: 0.9, credibility: 0.9, id: "d")]
        XCTAssertEqual(aggregator.decide(claim, evidence: oneClear).verdict, .false)
        // Weak support may still add up: several credible sources leaning towards the claim support it.
        let leaning = ["e", "f", "g"].map { evidence("NATO's 30 members met.", supports: 0.45, refutes: 0.05, credibility: 0.9, id: $0) }
        XCTAssertEqual(aggregator.decide(claim, evidence: leaning).verdict, .true)
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
                      "The population of France is 60 million.", "NATO consists of 30 member countries."] {
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

    func testCalibrationFitsAccuracyPerFamilyAndRawConfidence() throws {
        // Unverifiable at raw 0.8–0.9: right 1 time in 4; True at raw 0.3 and 0.8: right 10% and 90% of the time.
        var samples: [VerdictCalibration.Sample] = []
        for index in 0 ..< 40 { samples.append(.init(verdict: .unverifiable, confidence: 0.8 + Double(index) / 400, correct: index % 4 == 0)) }
        for index in 0 ..< 40 { samples.append(.init(verdict: .true, confidence: 0.3, correct: index % 10 == 0)) }
        for index in 0 ..< 40 { samples.append(.init(verdict: .mostlyTrue, confidence: 0.8, correct: index % 10 != 0)) }
        let calibration = VerdictCalibration.fit(samples, binsPerFamily: 2, minimumPerBin: 20, fittedOn: "test")
        XCTAssertEqual(calibration.bins["NOT_ENOUGH_INFO"]?.count, 2)
        XCTAssertEqual(calibration.confidence(0.95, for: .unverifiable), 6.0 / 22.0, accuracy: 1e-9, "(5 right + 1) / (20 + 2)")
        XCTAssertEqual(calibration.confidence(0.3, for: .true), 5.0 / 42.0, accuracy: 1e-9, "True and Mostly True are one family")
        XCTAssertEqual(calibration.confidence(0.8, for: .mostlyTrue), 37.0 / 42.0, accuracy: 1e-9)
        XCTAssertEqual(calibration.confidence(0.7, for: .false), 0.7, "a family without samples keeps its raw confidence")

        let data = try JSONEncoder().encode(calibration)
        XCTAssertEqual(try JSONDecoder().decode(VerdictCalibration.self, from: data), calibration)
        XCTAssertNoThrow(try VerdictCalibration.bundled())

        let calibrated = CalibratedVerdictAggregator(base: aggregator, calibration: calibration)
        let weak = [evidence("NATO is an alliance.", supports: 0.1, refutes: 0.1)]
        XCTAssertEqual(aggregator.decide(claim, evidence: weak).verdict, .unverifiable)
        XCTAssertEqual(aggregator.decide(claim, evidence: weak).confidence, 1, accuracy: 1e-9)
        XCTAssertEqual(calibrated.decide(claim, evidence: weak).verdict, .unverifiable)
        XCTAssertEqual(calibrated.decide(claim, evidence: weak).confidence, 6.0 / 22.0, accuracy: 1e-9)
    }
}
