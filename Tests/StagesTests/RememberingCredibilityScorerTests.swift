import FactCheckCore
import Foundation
import Stages
import XCTest

/// Each source is judged once, however many passages and stages ask.
final class RememberingCredibilityScorerTests: XCTestCase {
    private final class CountingScorer: CredibilityScorer, @unchecked Sendable {
        private let lock = NSLock()
        private var asked = 0
        var calls: Int { lock.withLock { asked } }

        func credibility(of source: Source) -> Credibility {
            lock.withLock { asked += 1 }
            return Credibility(type: source.domain.hasSuffix(".gov") ? .official : .blog, score: 0.5, reason: source.domain)
        }
    }

    func testASourceIsJudgedOnceAndAnotherSourceAgain() {
        let base = CountingScorer()
        let scorer = RememberingCredibilityScorer(base: base, capacity: 2)
        let nasa = Source(id: SourceID("nasa#1"), url: "https://nasa.gov/a", title: "A", domain: "nasa.gov")
        let samePage = Source(id: SourceID("nasa#2"), url: "https://nasa.gov/a", title: "A, part 2", domain: "nasa.gov")
        let blog = Source(id: SourceID("blog"), url: "https://blog.example/a", title: "A", domain: "blog.example")
        XCTAssertEqual(scorer.credibility(of: nasa).type, .official)
        XCTAssertEqual(scorer.credibility(of: samePage).type, .official)
        XCTAssertEqual(base.calls, 1)
        XCTAssertEqual(scorer.credibility(of: blog).type, .blog)
        XCTAssertEqual(base.calls, 2)
        let other = Source(id: SourceID("other"), url: "https://other.example/b", title: "B", domain: "other.example")
        _ = scorer.credibility(of: other)  // over capacity: it starts again
        _ = scorer.credibility(of: nasa)
        XCTAssertEqual(base.calls, 4)
    }
}
