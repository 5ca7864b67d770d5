import FactCheckCore
import FactCheckWebTesting
import Stages
import XCTest

/// Generated text through the claim normaliser: a claim or a clear `ClaimNormalizationError`, never a crash.
final class FuzzTests: XCTestCase {
    func testNormaliserAnswersEveryInput() {
        let normalizer = RuleBasedClaimNormalizer()
        let fragments = ["Is", "Was", "Did", "Does", "Japan", "NATO", "in", "a member of", "not", "?", "!", ".", "\"", "'", "According to",
                         "reportedly", "maybe", "the", "1949", "30%", "BREAKING:", "  ", "\n", "…", "—", "U.S.", "Dr.", "e.g.", "https://x.example/a?b"]
        var inputs = FuzzInputs(stream: 20)
        for iteration in 0 ..< FuzzInputs.iterations {
            let text = iteration.isMultiple(of: 2) ? inputs.unicodeText(maxLength: 300)
                : inputs.assembled(from: fragments, count: Int.random(in: 0 ... 40, using: &inputs)).split(separator: " ").joined(separator: " ")
            do {
                let claim = try normalizer.normalize(text)
                XCTAssertFalse(claim.normalized.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "#\(iteration): \(text)")
                XCTAssertLessThanOrEqual(claim.normalized.count, text.count * 2 + 40, "#\(iteration): \(text)")
            } catch is ClaimNormalizationError {
                continue
            } catch {
                XCTFail("#\(iteration): \(text) threw \(error)")
            }
        }
    }
}
