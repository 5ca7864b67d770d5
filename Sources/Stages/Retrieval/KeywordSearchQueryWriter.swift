import Foundation
import FactCheckCore

/// Search phrasings without a language model: the claim itself, its keywords (without function words, and without
/// counts, which a search engine would take literally), and the names it makes a statement about:
/// "NATO consists of 30 member countries" → that, "NATO consists member countries", "NATO".
public struct KeywordSearchQueryWriter: SearchQueryWriter {
    public init() {}

    public func searches(for claim: Claim) -> [String] {
        let statement = claim.normalized
        let words = statement.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: .punctuationCharacters) }.filter { !$0.isEmpty }
        let keywords = words.filter { word in
            !StatementAnchors.isFunctionWord(word.lowercased()) && !(word.first!.isNumber && !StatementAnchors.isYear(word))
        }
        let anchors = StatementAnchors(claim: statement)
        let names = words.filter { word in
            let lower = word.lowercased()
            return word.first!.isUppercase && !StatementAnchors.isFunctionWord(lower) && anchors.names.contains(lower)
        }
        var searches: [String] = []
        for search in [statement, keywords.joined(separator: " "), names.joined(separator: " ")] where !search.isEmpty && !searches.contains(search) {
            searches.append(search)
        }
        return searches
    }
}
