import FactCheckCore
import Foundation
@testable import Stages
import XCTest

/// The offline extractor on real sentences (from the shared blog post and encyclopedia leads), with the rules'
/// scores: no model is loaded here.
final class ClaimExtractionTests: XCTestCase {
    private let extractor = CheckWorthyClaimExtractor()

    private func claims(_ text: String, title: String? = nil, limit: Int = 20) async throws -> [ExtractedClaim] {
        try await extractor.claims(in: Article(text: text, title: title), limit: limit)
    }

    func testAnOpeningItIsReplacedByTheSubjectOfTheSentenceBefore() async throws {
        let found = try await claims("""
        Japan is a country in East Asia with a long coastline. It is an island nation located in the Pacific Ocean, separated from the \
        Asian continent by the Sea of Japan.
        """)
        XCTAssertTrue(found.map(\.text).contains("Japan is an island nation located in the Pacific Ocean, separated from the Asian continent by the Sea of Japan."),
                      "\(found.map(\.text))")
    }

    func testTheAllianceIsReplacedByTheOrganisationNamedBefore() async throws {
        let found = try await claims("""
        The North Atlantic Treaty Organization, commonly known as NATO, is a military alliance consisting of 30 member countries. \
        The alliance was founded in Washington in 1949 by twelve countries.
        """)
        XCTAssertEqual(found.map(\.text), [
            "NATO is a military alliance consisting of 30 member countries.",
            "NATO was founded in Washington in 1949 by twelve countries.",
        ])
    }

    func testAListOfPlacesBecomesOneClaimEach() async throws {
        let found = try await claims("Japan has sent peacekeeping forces to countries such as Cambodia, East Timor, and South Sudan.")
        XCTAssertEqual(found.map(\.text), [
            "Japan has sent peacekeeping forces to Cambodia.",
            "Japan has sent peacekeeping forces to East Timor.",
            "Japan has sent peacekeeping forces to South Sudan.",
        ])
        XCTAssertEqual(Set(found.map(\.span)).count, 1, "all three point at the one sentence")
    }

    func testAnAppositiveIsStatedOnItsOwnAndARelationBetweenNamesIsNotSplit() async throws {
        let found = try await claims("""
        Japan has been a key partner in the Quadrilateral Security Dialogue (Quad), a security alliance between the United States, \
        Japan, India, and Australia.
        """)
        XCTAssertTrue(found.map(\.text).contains("The Quadrilateral Security Dialogue is a security alliance between the United States, Japan, India, and Australia."),
                      "\(found.map(\.text))")
        XCTAssertFalse(found.contains { $0.text.hasSuffix("between India.") })
    }

    func testAClosingWithPhraseWithoutAFigureIsLeftOutAndOneWithAFigureKept() async throws {
        let found = try await claims("""
        Today, Japan is the world’s third-largest economy, with a high standard of living and a stable political system. \
        The United States maintains a large military presence in Japan, with over 50,000 troops stationed there.
        """)
        XCTAssertEqual(found.map(\.text), [
            "Today, Japan is the world’s third-largest economy.",
            "The United States maintains a large military presence in Japan, with over 50,000 troops stationed there.",
        ])
    }

    func testQuestionsTheWriterSpeakingHypothesesSummariesAndFurnitureAreLeftOut() async throws {
        let found = try await claims("""
        Why is japan not in nato?

        This article may contain affiliate links. For details, visit our Affiliate Disclosure page.

        In this blog post, we will delve into the reasons behind Japan’s absence from NATO. Japan’s membership in NATO would provide \
        an additional layer of security for the country. In conclusion, Japan’s absence from NATO is a complex issue that is influenced \
        by a variety of factors.

        Japan’s Unique Position in the World

        Scroll to top
        """)
        XCTAssertEqual(found, [])
    }

    func testVagueAttributionsOfInfluenceAreNotCheckWorthy() async throws {
        let found = try await claims("""
        Since the end of World War II, the United States has played a significant role in Japan’s defense. By renouncing war, \
        Japan has been able to focus on economic growth and development. Japan joined the United Nations in 1956.
        """)
        XCTAssertEqual(found.map(\.text), ["Japan joined the United Nations in 1956."])
    }

    func testASentenceThatLeansOnTheOneBeforeIsLeftOut() async throws {
        let found = try await claims("""
        Japan has a security partnership with Australia, known as the Australia-Japan Joint Declaration on Security Cooperation. \
        This partnership includes joint military exercises and intelligence sharing.
        """)
        XCTAssertEqual(found.count, 1)
        XCTAssertFalse(found.contains { $0.text.hasPrefix("This") })
    }

    func testSpansPointAtTheSentencesInTheOriginalText() async throws {
        let text = "🇯🇵 Notes\n\nThe Eiffel Tower was completed in 1889 in Paris.  Mount Everest, at 8,849 metres, is the highest mountain above sea level."
        let found = try await claims(text)
        XCTAssertEqual(found.count, 2)
        for claim in found {
            let range = try XCTUnwrap(claim.span.range(in: text))
            XCTAssertEqual(String(text[range]), claim.sentence)
        }
        XCTAssertLessThan(found[0].span, found[1].span, "claims come in the article's order")
    }

    func testDuplicatesAreMergedAndTheLimitKeepsTheMostCheckWorthyInArticleOrder() async throws {
        let text = """
        NATO was founded in 1949 by twelve countries. Sweden joined NATO on 7 March 2024 as its 32nd member. \
        NATO was founded in 1949 by twelve countries. The alliance has a headquarters.
        """
        let all = try await claims(text)
        XCTAssertEqual(all.filter { $0.text.hasPrefix("NATO was founded") }.count, 1)
        let one = try await claims(text, limit: 1)
        XCTAssertEqual(one.count, 1)
        XCTAssertEqual(one.first?.checkWorthiness, all.map(\.checkWorthiness).max())
    }

    func testTheShippedModelLoadsWithOneWeightPerEmbeddingDimensionAndFeature() throws {
        let model = try CheckWorthinessModel.bundled(embedder: ConstantEmbedder())
        XCTAssertEqual(model.weights.embedding.count, 384)
        XCTAssertEqual(model.weights.features.count, StatementFeatures.vectorLength)
        XCTAssertTrue(model.weights.trainedOn.contains("ct24_en_train"))
    }

    func testFittingSeparatesLinearlySeparableSentences() {
        let embeddings: [[Float]] = [[1, 0], [0.9, 0.1], [0, 1], [0.1, 0.9]]
        let weights = CheckWorthinessModel.Weights.fit(embeddings: embeddings, features: Array(repeating: [], count: 4),
                                                       labels: [true, true, false, false], epochs: 500, trainedOn: "test")
        XCTAssertGreaterThan(weights.probability(embedding: [1, 0], features: []), 0.6)
        XCTAssertLessThan(weights.probability(embedding: [0, 1], features: []), 0.4)
    }
}

private struct ConstantEmbedder: TextEmbedder {
    func embed(_ texts: [String]) async throws -> [[Float]] { texts.map { _ in [Float](repeating: 0, count: 384) } }
}
