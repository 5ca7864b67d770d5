import English
import FactCheckCore
import Foundation

/// Turns what a user typed into the declarative claim to test, with English rules and no model.
///
/// `Claim.text` keeps the user's wording (trimmed, NFC, control characters removed); `Claim.normalized`
/// is the statement: emoji, quotes, fillers and hedges removed ("I heard that", "apparently", ", right?"),
/// meta-questions unwrapped ("Is it true that X?", "Fact check: X"), a yes/no question turned into the
/// statement it tests ("Did Einstein win a Nobel Prize?" → "Einstein won a Nobel Prize"), being "in" a
/// membership organisation made explicit ("a member of NATO"), a negated comparison with everything made the
/// superlative it states ("No lake is deeper than Lake Baikal" → "Lake Baikal is the deepest lake"), the first letter
/// capitalised and the final
/// full stop dropped. Questions no statement can replace ("When was NATO founded?") keep their `?`.
public struct RuleBasedClaimNormalizer: ClaimNormalizer {
    public let configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// - Throws: `ClaimNormalizationError` when the input is empty, longer than `maximumLength`, or has
    ///   nothing left to check once fillers and symbols are removed.
    public func normalize(_ text: String) throws -> Claim {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ClaimNormalizationError.empty }
        let length = trimmed.count
        guard length <= configuration.maximumLength else {
            throw ClaimNormalizationError.tooLong(length, limit: configuration.maximumLength)
        }
        let display = TextCleaner.removingControlCharacters(trimmed)
        guard !display.isEmpty else { throw ClaimNormalizationError.empty }
        let claim = HedgeStripper.strip(TextCleaner.clean(display))
        guard claim.contains(where: { $0.isLetter || $0.isNumber }) else { throw ClaimNormalizationError.nothingToCheck }
        let statement = ComparativeRewriter.rewrite(MembershipRewriter.rewrite(QuestionRewriter.rewrite(claim)))
        return Claim(text: display, normalized: Self.finished(statement))
    }

    /// Without leading or trailing punctuation (a final `?` stays) and with a capital first letter,
    /// unless the first word is written like `iPhone` or `eBay`.
    private static func finished(_ statement: String) -> String {
        let edges = CharacterSet(charactersIn: ",;:.!-–—…").union(.whitespaces)
        var result = statement.trimmingCharacters(in: edges)
        let firstWord = result.prefix { !$0.isWhitespace }
        if let first = result.first, first.isLowercase, !firstWord.dropFirst().contains(where: \.isUppercase) {
            result.replaceSubrange(...result.startIndex, with: first.uppercased())
        }
        return result
    }
}
