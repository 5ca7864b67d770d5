import English
import XCTest

/// The English-language rules every stage shares.
final class EnglishTests: XCTestCase {
    func testSentencesEndAtTerminatorsButNotAfterAbbreviationsInitialsOrDecimals() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "Dr. Smith went to Washington. He arrived at 3.30 p.m. on Monday! Did he stay? Yes."),
                       ["Dr. Smith went to Washington.", "He arrived at 3.30 p.m. on Monday!", "Did he stay?", "Yes."])
        XCTAssertEqual(SentenceSplitter.sentences(in: "J. R. R. Tolkien wrote it. The U.S. economy grew 2.5% in 2019."),
                       ["J. R. R. Tolkien wrote it.", "The U.S. economy grew 2.5% in 2019."])
        XCTAssertEqual(SentenceSplitter.sentences(in: "The peak is 29,032 ft. High winds are common."),
                       ["The peak is 29,032 ft. High winds are common."])
        XCTAssertEqual(SentenceSplitter.sentences(in: "Mean elevation 487 m. Geographic coordinates: 60 00 N, 95 00 W. Canada is large."),
                       ["Mean elevation 487 m.", "Geographic coordinates: 60 00 N, 95 00 W. Canada is large."])
        XCTAssertEqual(SentenceSplitter.sentences(in: "Gutenberg was born c. 1400 in Mainz. See p. 12 for more."),
                       ["Gutenberg was born c. 1400 in Mainz.", "See p. 12 for more."])
        XCTAssertEqual(SentenceSplitter.sentences(in: "  "), [])
    }

    func testSentenceRangesLeaveOutWhiteSpaceAndSplitAtParagraphs() {
        let text = "  Dr. Smith arrived in the U.S. in 1990.\n\nHeading line\nThe end. "
        let sentences = SentenceSplitter.ranges(in: text).map { String(text[$0]) }
        XCTAssertEqual(sentences, ["Dr. Smith arrived in the U.S. in 1990.", "Heading line\nThe end."])
        XCTAssertEqual(SentenceSplitter.sentences(in: text), ["Dr. Smith arrived in the U.S. in 1990.", "Heading line The end."])
        XCTAssertEqual(SentenceSplitter.sentences(in: "First paragraph without a stop\n\nSecond one."), ["First paragraph without a stop", "Second one."])
    }

    func testWordsAreRunsOfLettersAndDigits() {
        XCTAssertEqual(Words.matching("NATO's 32 members—founded in 1949!"), ["nato", "s", "32", "members", "founded", "in", "1949"])
        XCTAssertEqual(Words.runs("Is Japan in NATO?"), ["Is", "Japan", "in", "NATO"])
        XCTAssertEqual(Words.matching("COVID-19 (SARS-CoV-2)"), ["covid", "19", "sars", "cov", "2"])
    }

    func testStopWordsKeepNegationsWhereMeaningIsCompared() {
        XCTAssertTrue(StopWords.search.isSuperset(of: ["the", "not", "no", "which", "about"]))
        XCTAssertFalse(StopWords.content.contains("not"))
        XCTAssertFalse(StopWords.content.contains("no"))
        XCTAssertTrue(StopWords.content.contains("the"))
        XCTAssertTrue(StopWords.anchors.isSuperset(of: ["since", "after", "not", "every"]))
        XCTAssertFalse(StopWords.anchors.contains("about"), "an approximator stays a word before a number in anchors")
        for word in ["nato", "founded", "japan", "member", "1949"] {
            XCTAssertFalse(StopWords.search.contains(word) || StopWords.anchors.contains(word), word)
        }
    }

    func testPluralFoldingLeavesShortWordsAndDoubleSAlone() {
        XCTAssertEqual(Plural.singular("states"), "state")
        XCTAssertEqual(Plural.singular("members"), "member")
        XCTAssertEqual(Plural.singular("glass"), "glass")
        XCTAssertEqual(Plural.singular("bus"), "bus")
        XCTAssertEqual(Plural.singular("has"), "has")
    }

    func testYearsAndNumbers() {
        XCTAssertTrue(Numbers.isYear("1949"))
        XCTAssertFalse(Numbers.isYear("1799"))
        XCTAssertFalse(Numbers.isYear("2100"))
        XCTAssertFalse(Numbers.isYear("949"))
        XCTAssertEqual(Numbers.years(in: "Founded in 1949, enlarged in 2024; 1,949 troops and 12345 others."), [1949, 2024])
        XCTAssertEqual(Numbers.value(of: "1,200"), "1200")
        XCTAssertEqual(Numbers.value(of: "4.5%"), "4.5")
        XCTAssertEqual(Numbers.value(of: "twelve"), "12")
        XCTAssertNil(Numbers.value(of: "5g"))
        XCTAssertNil(Numbers.value(of: "nato"))
        XCTAssertEqual(Numbers.multipliers["million"], 1e6)
    }

    func testSpacingIsTidied() {
        XCTAssertEqual(Spacing.tidy("  NATO  was founded ,  in 1949 . "), "NATO was founded, in 1949.")
    }

    func testHedgesAroundAClaimAreStripped() {
        XCTAssertEqual(HedgeStripper.strip("I heard that NATO was founded in 1949"), "NATO was founded in 1949")
        XCTAssertEqual(HedgeStripper.strip("Apparently, the Earth is flat, right?"), "the Earth is flat?")
        XCTAssertTrue(Lexicon.approximators.isSuperset(of: ["about", "nearly", "over"]))
    }

    func testCommonWordsTellOrdinaryWordsFromNames() {
        XCTAssertTrue(CommonWords.contains("sunlight"))
        XCTAssertTrue(CommonWords.contains("researchers"))
        XCTAssertFalse(CommonWords.contains("tuvalu"))
        XCTAssertTrue(Lexicon.calendarWords.contains("june"))
        XCTAssertFalse(Lexicon.calendarWords.contains("mar"))
    }

    func testVerbFormsAndTokens() {
        XCTAssertEqual(VerbForms.simplePast("found"), "founded")
        XCTAssertTrue(VerbForms.isParticiple("founded"))
        let tokens = Token.tokenize("Is NATO's (new) member 5G-ready?")
        XCTAssertEqual(tokens.map(\.word), ["Is", "NATO's", "new", "member", "5G-ready"])
        XCTAssertTrue(tokens[1].isProper && tokens[1].isPossessive)
        XCTAssertTrue(tokens[4].isNumber)
    }
}
