import English
import FactCheckCore
import Foundation
@testable import Stages
import XCTest

/// A base classifier that gives every sentence the same stance and records what it read.
private final class FixedStanceClassifier: StanceClassifier, @unchecked Sendable {
    let stance: StanceProbabilities
    private(set) var premises: [String] = []
    init(supports: Double, refutes: Double) {
        stance = StanceProbabilities(supports: supports, refutes: refutes, notEnoughInfo: 1 - supports - refutes)
    }

    func stances(of passages: [String], toward statement: String) async throws -> [StanceProbabilities] {
        premises += passages
        return passages.map { _ in stance }
    }
}

/// A base classifier whose stance depends on the premise: `(supports, refutes)` for each.
private struct PerSentenceStanceClassifier: StanceClassifier {
    let stance: @Sendable (String) -> (Double, Double)

    func stances(of passages: [String], toward statement: String) async throws -> [StanceProbabilities] {
        passages.map { let (s, r) = stance($0); return StanceProbabilities(supports: s, refutes: r, notEnoughInfo: 1 - s - r) }
    }
}

final class GroundedStanceTests: XCTestCase {
    private func retrieved(_ text: String, title: String) -> RetrievedPassage {
        let source = Source(id: SourceID("s-\(title)"), url: "https://en.wikipedia.org/wiki/\(title)", title: title, domain: "en.wikipedia.org")
        return RetrievedPassage(passage: Passage(id: PassageID("p-\(title)"), sourceID: source.id, index: 0, text: text), source: source, relevance: 0.03)
    }

    private func stance(_ claim: String, _ text: String, title: String = "", supports: Double, refutes: Double) async throws -> StanceProbabilities {
        let grounded = GroundedStanceClassifier(base: FixedStanceClassifier(supports: supports, refutes: refutes))
        return try await grounded.stances(of: [retrieved(text, title: title)], toward: Claim(text: claim, normalized: claim))[0]
    }

    func testAnchorsReadNamesNumbersAndQuantities() {
        let anchors = StatementAnchors("Is NATO's alliance of about 4.4 million people and thirty member states in Japan since 1949?")
        XCTAssertEqual(anchors.names, ["nato", "japan"])
        XCTAssertEqual(anchors.numbers, ["4.4", "30", "1949"])
        XCTAssertEqual(anchors.quantities, [.init(value: 4_400_000, unit: "people", approximate: true)], "spelled-out numbers are not counts")
        XCTAssertEqual(StatementAnchors("NATO has 30 member states").quantities, [.init(value: 30, unit: "member", approximate: false)])
        XCTAssertTrue(anchors.mentions("japan"))
        XCTAssertTrue(StatementAnchors("The Japanese islands").mentions("japan"))
        XCTAssertTrue(StatementAnchors("one vaccine").mentions("vaccines"))
        XCTAssertFalse(StatementAnchors("The alliance").mentions("nato"))
        XCTAssertEqual(StatementAnchors("It grew 2.5% in 2019").quantities, [.init(value: 2.5, unit: "percent", approximate: false)])
        XCTAssertEqual(StatementAnchors("In June, a study in Nature found it on Friday").names, ["nature"], "months and weekdays are not names")
        XCTAssertTrue(StatementAnchors("SARS-CoV-2 spreads through the air").mentions("covid-19"), "another spelling of the same name")
        XCTAssertFalse(StatementAnchors("Influenza spreads through the air").mentions("covid-19"))
    }

    func testOnlyAPassageAboutTheClaimsSubjectCanRefuteIt() async throws {
        XCTAssertEqual(StatementAnchors(claim: "Shakespeare's Hamlet is set in Norway").subject, ["hamlet"], "a possessive is not the subject")
        XCTAssertEqual(StatementAnchors(claim: "The Vltava River flows through Prague").subject, ["vltava", "river"])
        let canada = "Canada is a country in North America"
        let ontario = try await stance(canada, "Located in Central Canada, Ontario is the country's most populous province.", title: "Ontario",
                                       supports: 0.05, refutes: 0.9)
        XCTAssertEqual(ontario.refutes, 0, "a neighbouring subject is not about the claim")
        let history = try await stance(canada, "Canada is a country in Europe.", title: "History of Canada", supports: 0.05, refutes: 0.9)
        XCTAssertEqual(history.refutes, 0.9, accuracy: 1e-9, "the title names the subject")
        let opening = try await stance(canada, "Canada is a country in Europe, the report said.", title: "A report", supports: 0.05, refutes: 0.9)
        XCTAssertEqual(opening.refutes, 0.9, accuracy: 1e-9, "the sentence opens with the subject")
        let obama = try await stance("Abraham Lincoln served as the sixteenth president of the United States",
                                     "Barack Obama served as the 44th president of the United States.", title: "Barack Obama", supports: 0.05, refutes: 0.9)
        XCTAssertEqual(obama.refutes, 0, "another president's article")
        let topic = try await stance("The IPCC concedes that warming has slowed", "The IPCC says warming has not slowed.",
                                     title: "Intergovernmental Panel on Climate Change", supports: 0.05, refutes: 0.9)
        XCTAssertEqual(topic.refutes, 0.9, accuracy: 1e-9, "the title spells out the subject's initials")
        let river = try await stance("The Amazon River flows through Brazil", "The Paraná River flows through Brazil.", title: "Paraná River",
                                     supports: 0.05, refutes: 0.9)
        XCTAssertEqual(river.refutes, 0)
        let headline = try await stance("NATO consists of 30 member countries", "Sweden joined NATO on March 7, 2024, enlarging the alliance to 32 members.",
                                        title: "NATO Enlargement to Sweden and Finland", supports: 0.05, refutes: 0.1)
        XCTAssertEqual(headline.refutes, 0.9, accuracy: 1e-9, "a headline that begins with the subject is about it; 32 members refutes 30")
    }

    func testAnEarlierFactCheckCountsByItsRatingNotByTheVerifier() async throws {
        let base = FixedStanceClassifier(supports: 0.9, refutes: 0.05)
        var review = retrieved("PolitiFact rated the claim “NATO has 30 member countries.” False on 12 March 2024.", title: "No, NATO does not have 30 members")
        review.review = PriorReview(claim: "NATO has 30 member countries.", rating: "Pants on Fire")
        let claim = Claim(text: "NATO has 30 member countries", normalized: "NATO has 30 member countries")
        let stances = try await GroundedStanceClassifier(base: base).stances(of: [review], toward: claim)
        XCTAssertEqual(stances[0].stance, .refutes)
        XCTAssertEqual(stances[0].refutes, 0.9, accuracy: 1e-9)
        XCTAssertTrue(base.premises.isEmpty, "the verifier does not read a rating")
    }

    func testASentenceCountsInProportionToHowMuchOfTheClaimItCovers() async throws {
        // The verifier misreads a side remark as a contradiction; the sentence restating the claim covers all of it, the
        // remark a quarter, so the remark's refutation counts a quarter.
        let base = PerSentenceStanceClassifier { $0.contains("border") ? (0, 0.9) : (0.9, 0) }
        let grounded = GroundedStanceClassifier(base: base)
        let claim = Claim(text: "Canada is a country in North America", normalized: "Canada is a country in North America")
        let passage = retrieved("Canada is a country in North America. Its border is the longest international border of any country.", title: "Canada")
        let result = try await grounded.stances(of: [passage], toward: claim)[0]
        XCTAssertEqual(result.supports, 0.9 / 1.125, accuracy: 1e-6)
        XCTAssertEqual(result.refutes, 0.225 / 1.125, accuracy: 1e-6)
    }

    func testAMembershipListingSettlesAMembershipClaim() async throws {
        let listing = MembershipListing.sentence(country: "Japan", organizations: "ADB, ASEAN (dialogue partner), G-20, OECD, UN, WTO")
        let title = "Japan: international organizations"
        let nato = try await stance("Japan is a member of NATO", listing, title: title, supports: 0.6, refutes: 0)
        XCTAssertEqual(nato.refutes, 0.9, accuracy: 1e-9, "left out of the list")
        XCTAssertEqual(nato.supports, 0)
        let un = try await stance("Japan is a member of the United Nations", listing, title: title, supports: 0, refutes: 0.6)
        XCTAssertEqual(un.supports, 0.9, accuracy: 1e-9, "listed by its initials")
        let asean = try await stance("Japan is one of the member states of ASEAN", listing, title: title, supports: 0.6, refutes: 0)
        XCTAssertEqual(asean.refutes, 0.9, accuracy: 1e-9, "a dialogue partner is not a member")
        let notNATO = try await stance("Japan is not a member of NATO", listing, title: title, supports: 0, refutes: 0.6)
        XCTAssertEqual(notNATO.supports, 0.9, accuracy: 1e-9)
        let g20 = try await stance("Japan is a member of the G20", listing, title: title, supports: 0, refutes: 0)
        XCTAssertEqual(g20.supports, 0.9, accuracy: 1e-9, "hyphens ignored")
        let other = try await stance("Korea is a member of NATO", listing, title: title, supports: 0, refutes: 0)
        XCTAssertEqual(other.refutes, 0, "another country's listing says nothing about Korea")
    }

    func testARunOfNamesIsAboutItsLastWord() async throws {
        XCTAssertEqual(StatementAnchors("Albert Einstein was born in 1879").nameHeads, ["einstein"])
        XCTAssertEqual(StatementAnchors("Harry S. Truman backed NATO").nameHeads, ["truman", "nato"], "an initial does not end a name")
        XCTAssertEqual(StatementAnchors("Notre-Dame is in Paris, France").nameHeads, ["notre-dame", "paris", "france"], "a comma does")
        XCTAssertEqual(StatementAnchors("Einstein's theory of Relativity").nameHeads, ["einstein", "relativity"], "so does a possessive")
        XCTAssertEqual(StatementAnchors(claim: "Global Health Security Agenda members met").droppingInitialName(ifLowerCaseIn: ["global health"]).nameHeads,
                       ["agenda"], "dropping an ordinary first word keeps the rest of its run")

        let namesake = try await stance("Albert Einstein was born in 1879", "Albert Camus was born in 1913 in Algeria.",
                                        title: "Albert Camus", supports: 0.1, refutes: 0.8)
        XCTAssertEqual(namesake.refutes, 0, "a first name alone is not the subject")
        let subject = try await stance("Albert Einstein was born in 1879", "Einstein was born in 1880 in Ulm.",
                                       title: "Albert Einstein", supports: 0.1, refutes: 0.8)
        XCTAssertEqual(subject.refutes, 0.8, accuracy: 1e-9)
    }

    func testWhoReportedAClaimIsNotANameItsEvidenceMustMention() async throws {
        XCTAssertEqual(StatementAnchors(claim: "In September, Vaxart reported that mice given the vaccine made antibodies against SARS-CoV-2").names,
                       ["sars-cov-2"])
        XCTAssertEqual(StatementAnchors(claim: "Dr. Iwasaki's team showed in December that severely ill Covid-19 patients had autoantibodies").names,
                       ["covid-19"])
        XCTAssertEqual(StatementAnchors(claim: "COVID-19 spreads through the air, says Jose-Luis Jimenez of the University of Colorado").names,
                       ["covid-19"])
        XCTAssertEqual(StatementAnchors(claim: "A gene on chromosome 3 came from Neanderthals, according to a study in Nature").names, ["neanderthals"])
        XCTAssertEqual(StatementAnchors(claim: "Japan founded NATO").names, ["japan", "nato"], "no attribution: every name stays")
        XCTAssertEqual(StatementAnchors(claim: "Japan found that NATO was founded in 1949").names, ["nato"])
        let vaccine = try await stance("In September, Vaxart reported that mice given its oral vaccine produced antibodies",
                                       "Mice given the oral vaccine produced antibodies.", title: "Oral vaccine in mice", supports: 0.8, refutes: 0.1)
        XCTAssertEqual(vaccine.supports, 0.8, accuracy: 1e-9, "the study's finding supports the report without naming the company")
    }

    func testANamesLowerCaseTailAndMonthAbbreviationsAreNotPartOfWhatMustBeNamed() {
        XCTAssertEqual(StatementAnchors("Most COVID-19-positive patients in Ebola-infected areas recovered by Feb. 23").names, ["covid-19", "ebola"])
        XCTAssertTrue(StatementAnchors("COVID-19 patients recovered").mentions(StatementAnchors("COVID-19-positive").names[0]))
    }

    func testACommonEnglishWordAtTheStartIsNotAName() async throws {
        XCTAssertTrue(CommonWords.contains("sunlight"))
        XCTAssertTrue(CommonWords.contains("changes"))
        XCTAssertFalse(CommonWords.contains("japan"))
        XCTAssertFalse(CommonWords.contains("tuvalu"))
        let sunlight = try await stance("Sunlight reduces the amount of coronavirus on surfaces", "UV light rapidly inactivates the coronavirus on surfaces.",
                                        title: "Inactivation of SARS-CoV-2 on surfaces", supports: 0.8, refutes: 0.1)
        XCTAssertEqual(sunlight.supports, 0.8, accuracy: 1e-9, "'Sunlight' is an ordinary word, not a name the passage must mention")
    }

    func testSourcesReadWholeSkipTheRules() async throws {
        let base = FixedStanceClassifier(supports: 0.7, refutes: 0.2)
        let grounded = GroundedStanceClassifier(base: base, readsWholePassage: { $0.title == "A study" })
        let claim = Claim(text: "Japan is a member of NATO", normalized: "Japan is a member of NATO")
        let stances = try await grounded.stances(
            of: [retrieved("NATO grew. It has 32 members.", title: "A study"), retrieved("NATO grew. It has 32 members.", title: "NATO")],
            toward: claim)
        XCTAssertEqual(stances[0].supports, 0.7, accuracy: 1e-9, "read whole: the base classifier's stance")
        XCTAssertEqual(stances[1].supports, 0, "read by the rules: the passage does not name Japan")
        XCTAssertTrue(base.premises.contains("NATO grew. It has 32 members."), "the whole passage, not its sentences")
    }

    func testSupportNeedsEveryNameOfTheClaim() async throws {
        let aboutNATOOnly = try await stance("Japan is a member of NATO", "NATO is a military alliance of 32 member states.", title: "NATO",
                                             supports: 0.93, refutes: 0.02)
        XCTAssertEqual(aboutNATOOnly.supports, 0)
        XCTAssertEqual(aboutNATOOnly.notEnoughInfo, 1, accuracy: 1e-9, "NATO's own passage is not about Japan: it cannot refute either")
        let namesBoth = try await stance("Japan is a member of NATO", "Japan became a member of NATO.", title: "Japan", supports: 0.93, refutes: 0.02)
        XCTAssertEqual(namesBoth.supports, 0.93, accuracy: 1e-9)
    }

    func testTheTitleCountsAsNamedAndIsReadBeforePronounSentences() async throws {
        let base = FixedStanceClassifier(supports: 0.8, refutes: 0.1)
        let grounded = GroundedStanceClassifier(base: base)
        let result = try await grounded.stances(of: [retrieved("He was born in Missouri. Truman led the country.", title: "Harry S. Truman")],
                                                toward: Claim(text: "Truman was born in Missouri", normalized: "Truman was born in Missouri"))
        XCTAssertEqual(base.premises, ["Harry S. Truman. He was born in Missouri.", "Harry S. Truman. Truman led the country."])
        XCTAssertEqual(result[0].supports, 0.8, accuracy: 1e-9)
    }

    func testSupportNeedsTheClaimsNumbers() async throws {
        let noYear = try await stance("NATO was founded in 1949", "Truman supported the founding of NATO.", supports: 0.7, refutes: 0.2)
        XCTAssertEqual(noYear.supports, 0)
        let withYear = try await stance("NATO was founded in 1949", "NATO was established with the signing of the treaty in 1949.",
                                        supports: 0.7, refutes: 0.2)
        XCTAssertEqual(withYear.supports, 0.7, accuracy: 1e-9)
    }

    func testRefutationNeedsTheSubjectAndAYearForAYearClaim() async throws {
        let offSubject = try await stance("NATO was founded in 1949", "The Iron Curtain divided Europe from 1945 to 1991.", title: "Iron Curtain",
                                          supports: 0.1, refutes: 0.8)
        XCTAssertEqual(offSubject.refutes, 0)
        let noYear = try await stance("NATO was founded in 1949", "He supported the founding of NATO.", title: "Harry S. Truman", supports: 0.1, refutes: 0.8)
        XCTAssertEqual(noYear.refutes, 0)
        let year = try await stance("NATO was founded in 1949", "NATO was founded in 1952.", supports: 0.1, refutes: 0.8)
        XCTAssertEqual(year.refutes, 0.8, accuracy: 1e-9)
    }

    func testADifferentCountOfTheSameThingRefutesAndTheSameCountSupports() async throws {
        let passage = "The North Atlantic Treaty Organization (NATO) is a military alliance between 32 member states."
        let different = try await stance("NATO has 30 member states", passage, title: "NATO", supports: 0.05, refutes: 0.05)
        XCTAssertEqual(different.refutes, 0.9, accuracy: 1e-9)
        XCTAssertEqual(different.supports, 0)
        let same = try await stance("NATO has 32 member states", passage, title: "NATO", supports: 0.05, refutes: 0.05)
        XCTAssertEqual(same.supports, 0.9, accuracy: 1e-9)
        let hedged = try await stance("NATO has 30 member states", "NATO has more than 30 member states.", supports: 0.05, refutes: 0.05)
        XCTAssertEqual(hedged.refutes, 0.05, accuracy: 1e-9)
        let otherThing = try await stance("NATO has 30 member states", "NATO's 12 founding states signed the treaty.", supports: 0.05, refutes: 0.05)
        XCTAssertEqual(otherThing.refutes, 0.05, accuracy: 1e-9)
    }

    func testAnotherPlaceInTheSameRankingRefutes() async throws {
        XCTAssertEqual(StatementAnchors("It is the second-most-populous city in Brazil").ranks, [.init(place: 2, superlative: "most populous", ranked: "city")])
        XCTAssertEqual(StatementAnchors("The Danube is a river in Europe, the second-longest after the Volga.").ranks, [.init(place: 2, superlative: "longest")])
        XCTAssertEqual(StatementAnchors("Greenland is the world's largest island").ranks, [.init(place: 1, superlative: "largest", ranked: "island")])
        XCTAssertEqual(StatementAnchors("He tested the interest of the forest").ranks, [])
        XCTAssertEqual(StatementAnchors("the biggest and the busiest port").ranks.map(\.superlative), ["biggest", "busiest"])
        let second = try await stance("The Danube is the longest river in Europe", "The Danube is a river in Europe, the second-longest after the Volga.",
                                      title: "Danube", supports: 0.8, refutes: 0.1)
        XCTAssertEqual(second.refutes, 0.9, accuracy: 1e-9)
        let sahara = try await stance("The Sahara is the largest desert in the world",
                                      "It is the largest hot desert in the world and the third-largest desert overall.", title: "Sahara", supports: 0.6, refutes: 0.1)
        XCTAssertEqual(sahara.refutes, 0.9, accuracy: 1e-9, "the largest hot desert is another ranking; the third-largest desert refutes")
        let both = try await stance("Tokyo is the largest city in Japan", "Tokyo is the largest city in Japan and the second-largest city in Asia.",
                                    title: "Tokyo", supports: 0.6, refutes: 0.1)
        XCTAssertEqual(both.refutes, 0.1, accuracy: 1e-9, "the sentence also gives the claim's place: left to the verifier")
        let otherSuperlative = try await stance("The Danube is the longest river in Europe", "The Danube is the second-busiest river in Europe.",
                                                title: "Danube", supports: 0.1, refutes: 0.1)
        XCTAssertEqual(otherSuperlative.refutes, 0.1, accuracy: 1e-9, "another superlative is another ranking")
        let otherThing = try await stance("The Earth is seeing its 5th-warmest start to the year", "2016 was the Earth's second-warmest year on record.",
                                          title: "Global temperature", supports: 0.1, refutes: 0.1)
        XCTAssertEqual(otherThing.refutes, 0.1, accuracy: 1e-9, "the warmest start of a year and the warmest year are two rankings")
    }

    func testASentenceSharingFewOfTheClaimsWordsNeitherSupportsNorRefutes() async throws {
        let passingMention = try await stance("NATO was founded in 1949", "Europe was divided from 1945 to 1991 into the Western Bloc led by NATO and the Eastern Bloc.",
                                              title: "Western Europe", supports: 0.1, refutes: 0.8)
        XCTAssertEqual(passingMention.notEnoughInfo, 1)
        XCTAssertEqual(StatementAnchors("Founded in 1949, NATO grew.").coverage(of: StatementAnchors("NATO was founded in 1949")), 1)
        let oneMember = try await stance("NATO has 32 member states", "An attack against one member state of NATO is an attack against all.", title: "NATO",
                                         supports: 0.05, refutes: 0.05)
        XCTAssertEqual(oneMember.refutes, 0.05, accuracy: 1e-9, "a spelled-out number is not a count of members")
    }

    func testASentenceInitialCommonWordIsNotANameWhenPassagesWriteItInLowerCase() async throws {
        let claim = "Global warming is driving polar bears toward extinction"
        XCTAssertEqual(StatementAnchors(claim).names, ["global"])
        let passage = "Rising temperatures from global warming melt the sea ice, driving polar bears toward extinction."
        let lowerCase = try await stance(claim, passage, title: "Polar bear", supports: 0.8, refutes: 0.1)
        XCTAssertEqual(lowerCase.supports, 0.8, accuracy: 1e-9)
        let japan = try await stance("Japan is a member of NATO", "NATO is an alliance of 32 member states in Europe and North America.",
                                     title: "NATO", supports: 0.9, refutes: 0.05)
        XCTAssertEqual(japan.supports, 0, "Japan is never written in lower case, so it stays a name the passage must mention")
    }

    func testASentenceInitialWordWithACommonWordsEndingIsNotANameUnlessPassagesCapitaliseIt() async throws {
        let passage = "Serum proteins of severe COVID-19 patients change in a characteristic way."
        let researchers = try await stance("Researchers found changes in blood proteins of severe COVID-19 patients", passage,
                                           title: "Proteomics of COVID-19 sera", supports: 0.8, refutes: 0.1)
        XCTAssertEqual(researchers.supports, 0.8, accuracy: 1e-9, "'Researchers' is never mentioned, and reads as a common word")
        let tuvalu = try await stance("Tuvalu is a member of NATO", "NATO is an alliance of 32 member states.", title: "NATO",
                                      supports: 0.9, refutes: 0.05)
        XCTAssertEqual(tuvalu.supports, 0, "a word the passages never mention that could be a name stays one")
        let drugs = try await GroundedStanceClassifier(base: FixedStanceClassifier(supports: 0.7, refutes: 0.1)).stances(
            of: [retrieved("The drug hydroxychloroquine was tested.", title: "Trial"),
                 retrieved("Antimalarials did not cure COVID-19 patients in the trial.", title: "Results")],
            toward: Claim(text: "Drugs against malaria do not cure COVID-19", normalized: "Drugs against malaria do not cure COVID-19"))
        XCTAssertEqual(drugs[1].supports, 0.7, accuracy: 1e-9, "'drug' in lower case shows that 'Drugs' is an ordinary word")
        // "Reading" has a common word's ending, but one passage writes it capitalised inside a sentence: it is a name, which
        // the other passage does not mention.
        let grounded = GroundedStanceClassifier(base: FixedStanceClassifier(supports: 0.9, refutes: 0.05))
        let claim = "Reading is the county town of Berkshire"
        let stances = try await grounded.stances(
            of: [retrieved("The county town of Berkshire is Reading.", title: "Berkshire"),
                 retrieved("The county town of Berkshire hosts the county council.", title: "Berkshire County Council")],
            toward: Claim(text: claim, normalized: claim))
        XCTAssertEqual(stances.map(\.supports), [0.9, 0])
    }

    func testAPassageTakesItsMostSupportingAndMostRefutingSentence() async throws {
        let grounded = GroundedStanceClassifier(base: FixedStanceClassifier(supports: 0.6, refutes: 0.3))
        let result = try await grounded.stances(of: ["NATO grew. Sweden joined NATO in 2024. Finland joined in 2023."], toward: "Sweden joined NATO in 2024")
        XCTAssertEqual(result[0].supports, 0.6, accuracy: 1e-9)
        XCTAssertEqual(result[0].refutes, 0.3, accuracy: 1e-9)
        XCTAssertEqual(result[0].supports + result[0].refutes + result[0].notEnoughInfo, 1, accuracy: 1e-9)
    }
}
