import FactCheckCore
import FactCheckWebTesting
import Fetching
import Foundation
@testable import Providers
import XCTest

final class FactCheckToolsProviderTests: XCTestCase {
    private var server: ScriptServer!

    override func setUpWithError() throws {
        let support = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support")
        server = try ScriptServer(script: support.appendingPathComponent("search_server.py"), arguments: [
            "--articles", support.appendingPathComponent("articles.jsonl").path, "--reviews", support.appendingPathComponent("reviews.jsonl").path,
        ])
    }

    override func tearDown() { server = nil }

    private func provider(key: String = "test-key") -> FactCheckToolsProvider {
        FactCheckToolsProvider(endpoint: URL(string: server.url("/v1alpha1/claims:search"))!, key: key)
    }

    private func query(_ claim: String) -> EvidenceQuery {
        EvidenceQuery(claim: Claim(text: claim, normalized: claim), limit: 8)
    }

    func testEachReviewBecomesACitedPassageCarryingItsRating() async throws {
        let passages = try await provider().passages(for: query("NATO consists of 30 member countries"))
        XCTAssertEqual(passages.map(\.source.publisher), ["PolitiFact", "Full Fact"])
        let politifact = passages[0]
        XCTAssertEqual(politifact.passage.text,
                       "PolitiFact rated the claim “NATO has 30 member countries”, made by Social media posts, as “False” on 12 March 2024.")
        XCTAssertEqual(passages[1].passage.text,
                       "Full Fact rated the claim “NATO has 30 member countries”, made by Social media posts, as “Incorrect” on 15 March 2024.",
                       "a rating that explains itself is quoted by its first sentence")
        XCTAssertEqual(politifact.source.url, "https://www.politifact.com/factchecks/2024/mar/12/viral-image/nato-members/")
        XCTAssertEqual(politifact.source.domain, "politifact.com")
        XCTAssertEqual(politifact.source.title, "No, NATO does not have 30 members")
        XCTAssertEqual(politifact.review, PriorReview(claim: "NATO has 30 member countries.", claimant: "Social media posts", rating: "False"))
        XCTAssertEqual(politifact.provider, "factchecktools")
        XCTAssertEqual(passages[1].review?.stance.stance, .refutes, "“Incorrect. …” is a false rating")
    }

    func testAReviewWithoutARatingIsLeftOutAndNoMatchIsNoPassage() async throws {
        let sweden = try await provider().passages(for: query("Sweden joined NATO in March 2024"))
        XCTAssertEqual(sweden.map(\.source.publisher), ["AFP Fact Check"])
        XCTAssertEqual(sweden.first?.review?.stance.stance, .supports)
        let none = try await provider().passages(for: query("Tea is the most popular drink in the world"))
        XCTAssertTrue(none.isEmpty)
    }

    func testAWrongKeyIsAnHTTPError() async throws {
        do {
            _ = try await provider(key: "wrong").passages(for: query("NATO consists of 30 member countries"))
            XCTFail("no error")
        } catch let error as ProviderError {
            XCTAssertEqual(error.description, "HTTP 400")
        }
    }

    func testRatingsReadAsStances() {
        let cases: [(String, Stance)] = [
            ("False", .refutes), ("Pants on Fire!", .refutes), ("Fake", .refutes), ("Incorrect", .refutes), ("Mostly False", .refutes),
            ("True", .supports), ("Correct", .supports), ("Mostly True", .supports), ("Accurate", .supports),
            ("Half True", .refutes), ("Misleading", .refutes), ("Satire", .notEnoughInfo), ("Unproven", .notEnoughInfo),
        ]
        for (rating, stance) in cases {
            XCTAssertEqual(PriorReview(claim: "x", rating: rating).stance.stance, stance, rating)
        }
        let mixed = PriorReview(claim: "x", rating: "Misleading").stance
        XCTAssertLessThan(mixed.refutes, 0.5, "a mixed rating is not a clear refutation")
        XCTAssertGreaterThan(mixed.supports, 0.3)
    }
}
