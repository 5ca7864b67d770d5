import FactCheckCore
import Foundation
import Stages
import XCTest

/// Supports a statement when the passage contains every word of it and none of the `vetoed` markers; neutral
/// otherwise. Records every call.
private actor WordClassifier: StanceClassifier {
    let vetoed: [String]
    private(set) var calls: [(passages: [String], statement: String)] = []

    init(vetoed: [String] = []) { self.vetoed = vetoed }

    func stances(of passages: [String], toward statement: String) async throws -> [StanceProbabilities] {
        calls.append((passages, statement))
        let statementWords = Self.words(statement)
        return passages.map { passage in
            let supported = statementWords.isSubset(of: Self.words(passage)) && !vetoed.contains { passage.lowercased().contains($0) }
            return supported ? supports : neutral
        }
    }

    private static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }
}

private let supports = StanceProbabilities(supports: 0.9, refutes: 0.03, notEnoughInfo: 0.07)
private let refutes = StanceProbabilities(supports: 0.03, refutes: 0.92, notEnoughInfo: 0.05)
private let neutral = StanceProbabilities(supports: 0.05, refutes: 0.05, notEnoughInfo: 0.9)

private func day(_ year: Int, _ month: Int, _ day: Int) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: DateComponents(year: year, month: month, day: day))!
}

private func evidence(
    _ id: String, title: String, publisher: String?, domain: String, url: String? = nil, text: String,
    type: SourceType, score: Double, stance: StanceProbabilities, relevance: Double, published: Date? = nil
) -> Evidence {
    let source = Source(id: SourceID(id), url: url ?? "https://\(domain)/\(id)", title: title, publisher: publisher, domain: domain, published: published)
    return Evidence(
        retrieved: RetrievedPassage(passage: Passage(id: PassageID(id), sourceID: source.id, index: 0, text: text), source: source, relevance: relevance),
        credibility: Credibility(type: type, score: score, reason: "Scored for the test"),
        stance: stance
    )
}

private let reportDate = day(2024, 5, 1)

/// "Is Japan a member of NATO?" — False, with an official refutation, a neutral news item and a supporting blog.
private enum Japan {
    static let claim = Claim(text: "Is Japan a member of NATO?", normalized: "Japan is a member of NATO")
    static let nato = evidence(
        "nato-1", title: "NATO member countries", publisher: "NATO", domain: "nato.int",
        text: "NATO has 32 member countries.\n Japan is not a member of NATO, but it is one of its partners across the globe[4].",
        type: .intergovernmental, score: 0.95, stance: refutes, relevance: 0.03, published: day(2024, 3, 7)
    )
    static let reuters = evidence(
        "reuters-1", title: "Japan and NATO deepen ties", publisher: "Reuters", domain: "reuters.com",
        text: "Japan and NATO signed a new partnership programme in July 2023. The agreement covers cyber defence.",
        type: .wireService, score: 0.85, stance: neutral, relevance: 0.05, published: day(2023, 7, 12)
    )
    static let blog = evidence(
        "blog-1", title: "Big news!", publisher: nil, domain: "example-blog.com",
        text: "Japan joined NATO in 2023, insiders say.", type: .blog, score: 0.2, stance: supports, relevance: 0.04
    )
    static let facts = [
        "Japan is not a member of NATO, but it is one of its partners across the globe.",
        "Japan and NATO signed a new partnership programme in July 2023.",
    ]

    static func decision(_ verdict: Verdict = .false) -> VerdictDecision {
        VerdictDecision(verdict: verdict, confidence: 0.9, keyEvidence: [nato.passage.id], rationale: "NATO's own member list does not include Japan.")
    }

    static func write(verdict: Verdict = .false, vetoed: [String] = [], configuration: TemplateReportWriter.Configuration = .init())
        async throws -> (written: WrittenReport, classifier: WordClassifier) {
        let classifier = WordClassifier(vetoed: vetoed)
        let writer = TemplateReportWriter(stanceClassifier: classifier, configuration: configuration)
        let written = try await writer.compose(claim, decision: decision(verdict), evidence: [reuters, nato, blog, nato], date: reportDate)
        return (written, classifier)
    }
}

final class ReportingTests: XCTestCase {
    func testSourcesAreNumberedKeyEvidenceFirstOncePerPassage() async throws {
        let report = try await Japan.write().written.report
        XCTAssertEqual(report.sources.map(\.n), [1, 2, 3])
        XCTAssertEqual(report.sources.map(\.title), ["NATO member countries", "Japan and NATO deepen ties", "Big news!"])
        XCTAssertEqual(report.sources.map(\.stance), [.refutes, .notEnoughInfo, .supports])
        XCTAssertEqual(report.sources[0].passage, "NATO has 32 member countries. Japan is not a member of NATO, but it is one of its partners across the globe[4].")
        XCTAssertEqual(report.analysis.map(\.source), [1, 2, 3])
        XCTAssertEqual(report.date, reportDate)
        XCTAssertTrue(report.timingsMs.isEmpty)

        let capped = try await Japan.write(configuration: .init(maxSources: 2)).written.report
        XCTAssertEqual(capped.sources.map(\.title), ["NATO member countries", "Japan and NATO deepen ties"])
    }

    func testFactsCiteTheSourcesThatStateThem() async throws {
        let (written, classifier) = try await Japan.write()
        let report = written.report
        XCTAssertEqual(report.whatWeKnow, [Report.Fact(text: Japan.facts[0], citations: [1]), Report.Fact(text: Japan.facts[1], citations: [2])])
        XCTAssertEqual(written.droppedCitations, 0)
        // A fact quoted from the passage it cites is not checked again: the stances were read once, before the verdict.
        let calls = await classifier.calls
        XCTAssertTrue(calls.isEmpty, "\(calls)")
        // The supporting blog is neither credible nor on the verdict's side: no fact comes from it.
        XCTAssertFalse(report.whatWeKnow.contains { $0.citations.contains(3) })
    }

    func testBackgroundOnAnotherSubjectIsNotAFact() async throws {
        let report = try await encyclopediaReport(for: "NATO was founded in 1949", from: [
            ("NATO", "NATO was founded in 1949 by twelve countries.", supports),
            ("Council of Europe", "The Council of Europe was founded in 1949.", neutral),
            ("North Atlantic Treaty", "The treaty that founded NATO was signed in Washington in 1949.", neutral),
        ])
        XCTAssertEqual(report.sources.map(\.title), ["NATO", "Council of Europe", "North Atlantic Treaty"], "still listed and analysed")
        XCTAssertEqual(report.whatWeKnow.map(\.text), ["NATO was founded in 1949 by twelve countries.",
                                                       "The treaty that founded NATO was signed in Washington in 1949."])
    }

    func testBackgroundNamingOnlyPartOfTheClaimIsNotAFact() async throws {
        let report = try await encyclopediaReport(for: "Paris is the capital of France", from: [
            ("Paris", "Paris is the capital and largest city of France.", supports),
            ("Toulouse", "Toulouse is a city in Southern France.", neutral),
            ("Marseille", "Marseille is the second city of France, after Paris.", neutral),
        ])
        XCTAssertEqual(report.sources.map(\.title), ["Paris", "Toulouse", "Marseille"], "still listed and analysed")
        XCTAssertEqual(report.whatWeKnow.map(\.text), ["Paris is the capital and largest city of France.",
                                                       "Marseille is the second city of France, after Paris."])
    }

    func testASentenceReferringBackIsNotAFact() async throws {
        let report = try await encyclopediaReport(for: "NATO was founded in 1949", from: [
            ("Harry S. Truman", "He supported the founding of NATO in 1949. As president, Truman backed the founding of NATO in 1949.", supports),
            ("NATO", "This is enshrined in Article 5 of the treaty that founded NATO in 1949.", supports),
        ])
        XCTAssertEqual(report.whatWeKnow.map(\.text), ["As president, Truman backed the founding of NATO in 1949."])
    }

    func testAnExistentialThereStandsAlone() async throws {
        let report = try await encyclopediaReport(for: "NATO has 32 member states", from: [
            ("NATO", "There are 32 member states, and NATO has 32 member states since 2024.", supports),
            ("Brussels", "There NATO has 32 member states represented at its headquarters.", supports),
        ])
        XCTAssertEqual(report.whatWeKnow.map(\.text), ["There are 32 member states, and NATO has 32 member states since 2024."])
    }

    /// The report for a True verdict on `claim` from encyclopedia passages (title, text, stance), in order of
    /// relevance; the supporting ones are its key evidence.
    private func encyclopediaReport(for claim: String, from passages: [(title: String, text: String, stance: StanceProbabilities)])
        async throws -> Report {
        let items = passages.enumerated().map { index, passage in
            evidence("passage-\(index)", title: passage.title, publisher: "Wikipedia", domain: "wikipedia.org", text: passage.text,
                     type: .encyclopedia, score: 0.7, stance: passage.stance, relevance: 0.05 - Double(index) * 0.01)
        }
        let key = items.filter { $0.stance == supports }.map(\.passage.id)
        let decision = VerdictDecision(verdict: .true, confidence: 0.8, keyEvidence: key, rationale: "")
        return try await TemplateReportWriter(stanceClassifier: WordClassifier())
            .write(Claim(text: claim + ".", normalized: claim), decision: decision, evidence: items, date: reportDate)
    }

    func testAFactQuotedFromItsPassageStandsWhateverTheClassifierWouldSay() async throws {
        let (written, classifier) = try await Japan.write(vetoed: ["partnership"], configuration: .init(citationThreshold: 0.95))
        XCTAssertEqual(written.report.whatWeKnow, [Report.Fact(text: Japan.facts[0], citations: [1]), Report.Fact(text: Japan.facts[1], citations: [2])])
        XCTAssertEqual(written.droppedCitations, 0)
        let calls = await classifier.calls
        XCTAssertTrue(calls.isEmpty)
    }

    func testDuplicateFactsAreMergedAndEachCitationIsRechecked() async throws {
        let claim = Claim(text: "NATO has 31 member states", normalized: "NATO has 31 member states")
        let nato = evidence("nato", title: "Members", publisher: "NATO", domain: "nato.int", text: "NATO has 32 member states.",
                            type: .intergovernmental, score: 0.95, stance: refutes, relevance: 0.05)
        let reuters = evidence("reuters", title: "Sweden joins", publisher: "Reuters", domain: "reuters.com", text: "NATO now has 32 member states.",
                               type: .wireService, score: 0.85, stance: refutes, relevance: 0.04)
        let britannica = evidence("britannica", title: "NATO", publisher: "Britannica", domain: "britannica.com",
                                  text: "In 2023 NATO had 31 member states.", type: .encyclopedia, score: 0.7, stance: neutral, relevance: 0.03)
        let decision = VerdictDecision(verdict: .false, confidence: 0.8, keyEvidence: [nato.passage.id], rationale: "NATO lists 32 members.")

        let merged = try await TemplateReportWriter(stanceClassifier: WordClassifier())
            .compose(claim, decision: decision, evidence: [nato, reuters, britannica], date: reportDate)
        XCTAssertEqual(merged.report.whatWeKnow, [
            Report.Fact(text: "NATO has 32 member states.", citations: [1, 2]),
            Report.Fact(text: "In 2023 NATO had 31 member states.", citations: [3]), // different numbers: never merged
        ])
        XCTAssertTrue(merged.report.summary.contains("According to NATO [1] and Reuters [2], NATO has 32 member states."), merged.report.summary)

        let rechecked = try await TemplateReportWriter(stanceClassifier: WordClassifier(vetoed: ["now"]))
            .compose(claim, decision: decision, evidence: [nato, reuters, britannica], date: reportDate)
        XCTAssertEqual(rechecked.report.whatWeKnow.first, Report.Fact(text: "NATO has 32 member states.", citations: [1]))
        XCTAssertEqual(rechecked.droppedCitations, 1)
    }

    func testTwoPassagesOfOneArticleCountAsOneSource() async throws {
        let claim = Claim(text: "NATO was founded in 1949", normalized: "NATO was founded in 1949")
        let first = evidence("nato", title: "NATO", publisher: "Wikipedia", domain: "en.wikipedia.org", text: "NATO was founded in 1949.",
                             type: .encyclopedia, score: 0.7, stance: supports, relevance: 0.05, published: day(2024, 1, 2))
        let source = first.source
        let second = Evidence(
            retrieved: RetrievedPassage(passage: Passage(id: PassageID("nato#1"), sourceID: source.id, index: 1,
                                                         text: "Its headquarters are in Brussels."), source: source, relevance: 0.04),
            credibility: first.credibility, stance: neutral)
        let decision = VerdictDecision(verdict: .true, confidence: 0.8, keyEvidence: [first.passage.id], rationale: "Founded in 1949.")

        let report = try await TemplateReportWriter(stanceClassifier: WordClassifier())
            .write(claim, decision: decision, evidence: [first, second], date: reportDate)
        XCTAssertEqual(report.sources.map(\.n), [1, 2])
        XCTAssertTrue(report.conclusion.contains("Of the 2 passages listed below, from 1 source, 1 supports the claim, 0 contradict it and 1 does not clearly address it."),
                      report.conclusion)
        XCTAssertTrue(report.conclusion.contains("This check rests on 1 source (Encyclopedia anyone can edit)."), report.conclusion)
        XCTAssertTrue(report.conclusion.contains("A single source cannot be cross-checked against others."), report.conclusion)
        XCTAssertTrue(report.conclusion.contains("The sources are dated 2 January 2024."), report.conclusion)
    }

    func testProseMatchesTheVerdict() async throws {
        let report = try await Japan.write().written.report
        XCTAssertTrue(report.summary.hasPrefix("The claim “Japan is a member of NATO” is False. According to NATO [1], Japan is not a member of NATO"), report.summary)
        XCTAssertTrue(report.conclusion.hasPrefix("Verdict: False (confidence 90%). NATO's own member list does not include Japan."), report.conclusion)
        XCTAssertTrue(report.conclusion.contains("The key evidence is NATO [1]."))
        XCTAssertTrue(report.conclusion.contains("Not every source agrees: example-blog.com [3] supports the claim"))
        XCTAssertTrue(report.conclusion.contains("This check rests on 3 sources"))
        XCTAssertTrue(report.analysis[0].text.contains("Type: Intergovernmental organisation (NATO, published 7 March 2024)."), report.analysis[0].text)
        XCTAssertTrue(report.analysis[0].text.contains("It contradicts the claim"))
        XCTAssertTrue(report.analysis[2].text.contains("Credibility: low (0.20)"), report.analysis[2].text)
        XCTAssertTrue(report.analysis[2].text.contains("blogs and commercial sites"))
        XCTAssertTrue(report.analysis[2].text.contains("It supports the claim"))

        for verdict in Verdict.allCases where verdict != .unverifiable {
            let written = try await Japan.write(verdict: verdict).written.report
            XCTAssertTrue(written.summary.hasPrefix("The claim “Japan is a member of NATO” is \(verdict.rawValue)"), "\(verdict): \(written.summary)")
            XCTAssertTrue(written.conclusion.hasPrefix("Verdict: \(verdict.rawValue) "), "\(verdict): \(written.conclusion)")
        }
    }

    func testOutdatedConclusionSaysUntilWhenItWasTrue() async throws {
        let claim = Claim(text: "Pluto is the ninth planet", normalized: "Pluto is the ninth planet")
        let iau = evidence("iau", title: "Pluto and the planets", publisher: "IAU", domain: "iau.org",
                           text: "In 2006 the IAU reclassified Pluto as a dwarf planet.", type: .official, score: 0.95, stance: refutes,
                           relevance: 0.05, published: day(2006, 8, 24))
        let old = evidence("old", title: "The planets", publisher: "Old Encyclopedia", domain: "old.example",
                           text: "Pluto is the ninth planet from the Sun.", type: .encyclopedia, score: 0.6, stance: supports,
                           relevance: 0.04, published: day(1998, 1, 1))
        let decision = VerdictDecision(verdict: .outdated, confidence: 0.7, keyEvidence: [iau.passage.id], rationale: "Pluto was reclassified.")
        let report = try await TemplateReportWriter(stanceClassifier: WordClassifier()).write(claim, decision: decision, evidence: [iau, old], date: reportDate)
        XCTAssertTrue(report.summary.contains("is Outdated"), report.summary)
        XCTAssertTrue(report.summary.contains("According to IAU (24 August 2006) [1], in 2006 the IAU reclassified Pluto as a dwarf planet."), report.summary)
        XCTAssertTrue(report.summary.contains("However, according to Old Encyclopedia (1 January 1998) [2], Pluto is the ninth planet"), report.summary)
        XCTAssertTrue(report.conclusion.contains("It was true until about 24 August 2006: sources up to 1 January 1998 support it"), report.conclusion)
        XCTAssertTrue(report.conclusion.contains("The newest source is from 24 August 2006"), report.conclusion)
    }

    func testUnverifiableReportSaysWhatWasSearchedAndCitesNothingFalse() async throws {
        let claim = Claim(text: "The Eiffel Tower was painted green in 1890", normalized: "The Eiffel Tower was painted green in 1890")
        let encyclopedia = evidence("wiki", title: "Eiffel Tower", publisher: "Wikipedia", domain: "en.wikipedia.org",
                                    text: "The Eiffel Tower was completed in 1889 for the World's Fair. It is repainted every seven years.",
                                    type: .encyclopedia, score: 0.6, stance: neutral, relevance: 0.05)
        let blog = evidence("blog", title: "Paris secrets", publisher: nil, domain: "secrets.example",
                            text: "Legend says the Eiffel Tower was painted green in 1890.", type: .blog, score: 0.2, stance: supports, relevance: 0.04)
        let leaning = evidence("paper", title: "Tower colours", publisher: "Paris Daily", domain: "parisdaily.example",
                               text: "Some historians believe the Eiffel Tower was painted green in 1890.", type: .newspaper, score: 0.8,
                               stance: StanceProbabilities(supports: 0.45, refutes: 0.15, notEnoughInfo: 0.40), relevance: 0.03)
        let decision = VerdictDecision(verdict: .unverifiable, confidence: 0.6, keyEvidence: [], rationale: "No reliable passage addresses the colour in 1890.")
        let report = try await TemplateReportWriter(stanceClassifier: WordClassifier())
            .write(claim, decision: decision, evidence: [encyclopedia, blog, leaning], date: reportDate)

        XCTAssertTrue(report.summary.hasPrefix("We could not verify the claim “The Eiffel Tower was painted green in 1890”."), report.summary)
        XCTAssertTrue(report.summary.contains("searched our offline knowledge base and reviewed 3 passages from 3 sources"), report.summary)
        XCTAssertTrue(report.summary.contains("the evidence is insufficient"))
        XCTAssertTrue(report.conclusion.contains("This does not mean the claim is false"))
        for text in [report.summary, report.conclusion] {
            XCTAssertFalse(text.contains("["), "no citation in an Unverifiable summary or conclusion: \(text)")
            XCTAssertFalse(text.contains("key evidence"))
        }
        XCTAssertEqual(report.whatWeKnow, [Report.Fact(text: "The Eiffel Tower was completed in 1889 for the World's Fair.", citations: [1])])
        XCTAssertEqual(report.sources.map(\.stance), [.notEnoughInfo, .notEnoughInfo, .supports], "0.45 vs 0.40 is not clearly ahead")
    }

    func testOnlineEvidenceIsSaidToBeReadOnTheCheckDate() async throws {
        var wiki = evidence("wiki", title: "Eiffel Tower", publisher: "Wikipedia", domain: "en.wikipedia.org",
                            text: "The Eiffel Tower was completed in 1889 for the World's Fair.", type: .encyclopedia, score: 0.6, stance: neutral,
                            relevance: 0.05, published: day(2024, 4, 20))
        wiki.retrieved.provider = "wikipedia"
        let claim = Claim(text: "The Eiffel Tower was painted green in 1890", normalized: "The Eiffel Tower was painted green in 1890")
        let decision = VerdictDecision(verdict: .unverifiable, confidence: 0.6, keyEvidence: [], rationale: "Nothing addresses the colour.")
        var report = try await TemplateReportWriter(stanceClassifier: WordClassifier()).write(claim, decision: decision, evidence: [wiki], date: reportDate)
        XCTAssertTrue(report.summary.contains("We searched our knowledge base and Wikipedia and reviewed 1 passage"), report.summary)
        XCTAssertTrue(report.conclusion.contains("The online sources (Wikipedia) were read on 1 May 2024; later changes to them are not covered."),
                      report.conclusion)
        XCTAssertFalse(report.conclusion.contains("offline"))
        report.providers = [ProviderOutcome(provider: "local", status: .answered, passages: 8, milliseconds: 40),
                            ProviderOutcome(provider: "wikipedia", status: .answered, passages: 1, milliseconds: 300),
                            ProviderOutcome(provider: "searxng", status: .timedOut, passages: 0, milliseconds: 8000)]
        XCTAssertTrue(MarkdownReportRenderer().render(report).hasSuffix(
            "*Evidence searched: the local knowledge base (8 passages); Wikipedia (1 passage); web search (SearxNG) (no answer in time, left out).*\n"))
    }

    func testMarkdownStructure() async throws {
        let markdown = MarkdownReportRenderer().render(try await Japan.write().written.report)
        let lines = markdown.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "# Fact Check: Is Japan a member of NATO?")
        XCTAssertTrue(lines.contains("*1 May 2024*"))
        XCTAssertTrue(lines.contains("**Verdict: False** (confidence 90%)"))
        let headings = lines.filter { $0.hasPrefix("#") }
        XCTAssertEqual(headings, ["# Fact Check: Is Japan a member of NATO?", "## What We Know", "## Analysis", "## Conclusion", "## Sources"])
        XCTAssertTrue(lines.contains("1. \(Japan.facts[0]) [\\[1\\]](#source-1)"), markdown)
        XCTAssertTrue(lines.contains("2. \(Japan.facts[1]) [\\[2\\]](#source-2)"), markdown)
        XCTAssertTrue(lines.contains { $0.hasPrefix("The claim “Japan is a member of NATO” is False. According to NATO [\\[1\\]](#source-1), ") }, markdown)
        XCTAssertTrue(lines.contains {
            $0 == "1. <a id=\"source-1\"></a>**NATO member countries** · NATO · [https://nato.int/nato-1](<https://nato.int/nato-1>) · 7 March 2024 · Intergovernmental organisation"
        }, markdown)
        XCTAssertTrue(lines.contains("3. <a id=\"source-3\"></a>**Big news\\!** · [https://example-blog.com/blog-1](<https://example-blog.com/blog-1>) · Blog / commercial site"), markdown)
        XCTAssertTrue(lines.contains("   > NATO has 32 member countries. Japan is not a member of NATO, but it is one of its partners across the globe\\[4\\]."), markdown)
        XCTAssertTrue(lines.contains { $0.hasPrefix("**[\\[2\\]](#source-2) Japan and NATO deepen ties**: Type: Wire service") }, markdown)
    }

    func testHostileTextIsEscapedAndInert() async throws {
        let attack = "<script>alert(1)</script> \"quoted\" & more"
        let claim = Claim(text: "Is \(attack)?", normalized: "The tower is \(attack)")
        let hostile = evidence("evil", title: "\(attack) [1]", publisher: "\"Evil\" & <b>Co</b>", domain: "evil.example", url: "javascript:alert(1)",
                               text: "The tower is safe. The page says \(attack) about the tower.", type: .blog, score: 0.6, stance: neutral, relevance: 0.05)
        let sneaky = evidence("sneaky", title: "Fine", publisher: "Fine", domain: "example.org", url: "https://example.org/a\"onmouseover=\"alert(1)",
                              text: "Nothing to see.", type: .newspaper, score: 0.7, stance: neutral, relevance: 0.04)
        let spoofed = evidence("spoof", title: "Spoof", publisher: nil, domain: "spoof.example", url: " JavaScript:alert(2)",
                               text: "Nothing here either.", type: .unknown, score: 0.3, stance: neutral, relevance: 0.03)
        let decision = VerdictDecision(verdict: .unverifiable, confidence: 0.5, keyEvidence: [], rationale: "Nothing decides it.")
        let report = try await TemplateReportWriter(stanceClassifier: WordClassifier())
            .write(claim, decision: decision, evidence: [hostile, sneaky, spoofed], date: reportDate)
        XCTAssertTrue(report.whatWeKnow.contains { $0.text.contains("<script>") }, "the test must push hostile text through every section")

        let markdown = MarkdownReportRenderer().render(report)
        XCTAssertTrue(markdown.contains("# Fact Check: Is \\<script\\>alert(1)\\</script\\> \"quoted\" \\& more?"), markdown)
        XCTAssertFalse(markdown.lowercased().contains("(<javascript"))
        XCTAssertFalse(markdown.lowercased().contains("(javascript:"))
        XCTAssertTrue(markdown.contains("\\<script\\>alert(1)\\</script\\> \"quoted\" \\& more \\[1\\]** ·"), "a [1] in a title is not a citation link")

        let jsonLD = try ClaimReviewRenderer().render(report, url: "https://factcheck.example/checks/1")
        XCTAssertFalse(jsonLD.contains("</script>"))
        XCTAssertFalse(jsonLD.contains("<"))
        XCTAssertFalse(jsonLD.contains("&"))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(jsonLD.utf8)) as? [String: Any])
        XCTAssertEqual(object["claimReviewed"] as? String, claim.text, "escaping is lossless")
    }

    func testClaimReviewRatingPerVerdict() async throws {
        let expected: [Verdict: Int?] = [.true: 5, .mostlyTrue: 4, .misleading: 3, .outdated: 2, .mostlyFalse: 2, .false: 1, .unverifiable: nil]
        XCTAssertEqual(Set(expected.keys), Set(Verdict.allCases))
        let base = try await Japan.write().written.report
        for (verdict, rating) in expected {
            var report = base
            report.verdict = verdict
            let json = try ClaimReviewRenderer().render(report, url: "https://factcheck.example/checks/japan-nato")
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            XCTAssertEqual(object["@context"] as? String, "https://schema.org")
            XCTAssertEqual(object["@type"] as? String, "ClaimReview")
            XCTAssertEqual(object["claimReviewed"] as? String, "Is Japan a member of NATO?")
            XCTAssertEqual(object["datePublished"] as? String, "2024-05-01")
            XCTAssertEqual(object["url"] as? String, "https://factcheck.example/checks/japan-nato")
            let author = try XCTUnwrap(object["author"] as? [String: Any])
            XCTAssertEqual(author["@type"] as? String, "Organization")
            XCTAssertEqual(author["name"] as? String, "FactCheck")
            let item = try XCTUnwrap(object["itemReviewed"] as? [String: Any])
            XCTAssertEqual(item["@type"] as? String, "Claim")
            let reviewRating = try XCTUnwrap(object["reviewRating"] as? [String: Any])
            XCTAssertEqual(reviewRating["@type"] as? String, "Rating")
            XCTAssertEqual(reviewRating["ratingValue"] as? Int, rating, "\(verdict)")
            XCTAssertEqual(reviewRating["bestRating"] as? Int, 5)
            XCTAssertEqual(reviewRating["worstRating"] as? Int, 1)
            XCTAssertEqual(reviewRating["alternateName"] as? String, verdict.rawValue)
        }
    }

    func testReportJSONRoundTripsWithSortedKeysAndISODates() async throws {
        let report = try await Japan.write().written.report
        let text = try ReportJSON.encode(report)
        XCTAssertEqual(try ReportJSON.decode(text), report)
        XCTAssertTrue(text.contains("\"2024-05-01T00:00:00Z\""), text)
        let keys = ["\"analysis\"", "\"claim\"", "\"conclusion\"", "\"confidence\"", "\"date\"", "\"normalized_claim\"", "\"sources\"", "\"summary\"",
                    "\"timings_ms\"", "\"verdict\"", "\"what_we_know\""]
        let positions = try keys.map { key in try XCTUnwrap(text.range(of: "\n  \(key)")?.lowerBound, key) }
        XCTAssertEqual(positions, positions.sorted())
    }
}
