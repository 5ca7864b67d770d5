@testable import FactCheckCore
import Foundation
import XCTest

final class ArticleTests: XCTestCase {
    func testSpansCountUnicodeScalarsAndRoundTrip() throws {
        let text = "Café 🇯🇵 — Japan is an island nation."
        let range = try XCTUnwrap(text.range(of: "Japan is an island nation."))
        let span = TextSpan(range, in: text)
        XCTAssertEqual(span.start, Array(text.unicodeScalars).count - "Japan is an island nation.".unicodeScalars.count)
        XCTAssertEqual(span.range(in: text), range)
        XCTAssertNil(TextSpan(start: 5, end: 500).range(in: text))
        XCTAssertNil(TextSpan(start: -1, end: 2).range(in: text))
    }

    private struct ListExtractor: ClaimExtractor {
        let texts: [String]
        func claims(in article: Article, limit: Int) async throws -> [ExtractedClaim] {
            texts.prefix(limit).enumerated().map { ExtractedClaim(text: $1, sentence: $1, span: TextSpan(start: $0 * 10, end: $0 * 10 + 5), checkWorthiness: 0.9) }
        }
    }

    private static func report(_ verdict: Verdict, _ claim: String) -> Report {
        Report(claim: claim, normalizedClaim: claim, date: Date(timeIntervalSince1970: 0), verdict: verdict, confidence: 0.8, summary: "",
               whatWeKnow: [], analysis: [], conclusion: "", sources: [], timingsMs: [:])
    }

    func testClaimsAreCheckedConcurrentlyAndReportedInTheArticlesOrder() async throws {
        let verdicts: [String: Verdict] = ["a": .false, "b": .true, "c": .outdated, "d": .misleading, "e": .unverifiable]
        let checker = ArticleChecker(extractor: ListExtractor(texts: ["a", "b", "c", "d", "e", "f"]), configuration: .init(maxClaims: 20, concurrency: 3))
        let running = Counter()
        let report = try await checker.check(Article(text: "…")) { claim in
            await running.enter()
            try await Task.sleep(for: .milliseconds(claim.text == "a" ? 60 : 10))
            await running.leave()
            guard let verdict = verdicts[claim.text] else { return nil }  // "f" cannot be checked
            return ArticleReport.CheckedClaim(claim: claim, report: Self.report(verdict, claim.text))
        }
        XCTAssertEqual(report.claims.map(\.claim.text), ["a", "b", "c", "d", "e"])
        let peak = await running.peak
        XCTAssertEqual(peak, 3)
        XCTAssertEqual(report.rating, "2 of 5 claims false or outdated; 1 misleading; 1 true or mostly true; 1 unverifiable.")
        XCTAssertEqual(report.verdictCounts.map(\.verdict), [.true, .misleading, .outdated, .false, .unverifiable])
        let json = try JSONEncoder().encode(report)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [String: Any])
        XCTAssertEqual(object["rating"] as? String, report.rating)
        XCTAssertEqual((object["verdict_counts"] as? [String: Int])?["False"], 1)
        XCTAssertEqual(try JSONDecoder().decode(ArticleReport.self, from: json), report)
    }

    func testAnArticleWithoutClaimsSaysSo() async throws {
        let report = try await ArticleChecker(extractor: ListExtractor(texts: [])).check(Article(text: "Hello.")) { _ in nil }
        XCTAssertEqual(report.rating, "No check-worthy claims were found.")
    }
}

private actor Counter {
    private(set) var current = 0
    private(set) var peak = 0
    func enter() { current += 1; peak = max(peak, current) }
    func leave() { current -= 1 }
}
