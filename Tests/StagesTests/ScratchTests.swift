import Stages
import XCTest

final class ScratchTests: XCTestCase {
    func testScratch() throws {
        let normalizer = RuleBasedClaimNormalizer()
        for line in try String(contentsOfFile: "/tmp/claims.txt", encoding: .utf8).split(separator: "\n") {
            do { print("OUT", line, "→", try normalizer.normalize(String(line)).normalized) }
            catch { print("OUT", line, "→ ERROR", error) }
        }
    }
}
