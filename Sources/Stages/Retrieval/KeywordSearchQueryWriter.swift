import Foundation
import English
import FactCheckCore

/// Search phrasings without a language model: the claim itself, its keywords (without function words, and without
/// counts, which a search engine would take literally), the names it makes a statement about, and the question form
/// that fact checks are often titled with: "NATO consists of 30 member countries" → that, "NATO consists member
/// countries", "NATO", "Is it true that NATO consists of 30 member countries?".
public struct KeywordSearchQueryWriter: SearchQueryWriter {
    public init() {}

    public func searches(for claim: Claim) -> [String] {
        let statement = claim.normalized
        let words = statement.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: .punctuationCharacters) }.filter { !$0.isEmpty }
        let keywords = words.filter { word in
            !StopWords.anchors.contains(word.lowercased()) && !(word.first!.isNumber && !Numbers.isYear(word))
        }
        let anchors = StatementAnchors(claim: statement)
        let names = words.filter { word in
            let lower = word.lowercased()
            return word.first!.isUppercase && !StopWords.anchors.contains(lower) && anchors.names.contains(lower)
        }
        var searches: [String] = []
        for search in [statement, keywords.joined(separator: " "), names.joined(separator: " ")] where !search.isEmpty && !searches.contains(search) {
            searches.append(search)
        }
        let sentence = statement.trimmingCharacters(in: CharacterSet(charactersIn: " .!"))
        if let first = sentence.first {
            // An ordinary first word loses its capital inside the question ("vaccines"); a name keeps it ("NATO", "Japan").
            let firstWord = sentence.prefix { $0.isLetter || $0 == "-" }
            let ordinary = firstWord.dropFirst().allSatisfy(\.isLowercase) && CommonWords.contains(firstWord.lowercased())
            let opening = ordinary ? first.lowercased() : String(first)
            searches.append("Is it true that " + opening + sentence.dropFirst() + "?")
        }
        return searches
    }
}
