import English
import FactCheckCore
/// Groups sentences into passages of one to `maxSentences` sentences and at most about `maxTokens` tokens
/// (estimated as 4/3 of the words), so each passage is a self-contained piece of evidence for the verifier.
public struct PassageChunker: Sendable {
    public var maxSentences: Int
    public var maxTokens: Int

    public init(maxSentences: Int = 3, maxTokens: Int = 120) {
        self.maxSentences = maxSentences
        self.maxTokens = maxTokens
    }

    public func passages(of text: String) -> [String] {
        var passages: [String] = []
        var current: [String] = []
        var tokens = 0
        for sentence in SentenceSplitter.sentences(in: text) {
            for piece in split(sentence) {
                let cost = Self.estimatedTokens(piece)
                if !current.isEmpty, current.count >= maxSentences || tokens + cost > maxTokens {
                    passages.append(current.joined(separator: " "))
                    current = []
                    tokens = 0
                }
                current.append(piece)
                tokens += cost
            }
        }
        if !current.isEmpty { passages.append(current.joined(separator: " ")) }
        return passages
    }

    /// A sentence longer than the budget is cut at word boundaries, except a `MembershipListing`, which is evidence only
    /// whole (an organisation left out of a piece is not left out of the list).
    private func split(_ sentence: String) -> [String] {
        guard MembershipListing.entries(in: sentence) == nil else { return [sentence] }
        let words = sentence.split(separator: " ")
        let wordsPerPiece = max(1, maxTokens * 3 / 4)
        guard words.count > wordsPerPiece else { return [sentence] }
        return stride(from: 0, to: words.count, by: wordsPerPiece).map { words[$0 ..< min($0 + wordsPerPiece, words.count)].joined(separator: " ") }
    }

    static func estimatedTokens(_ text: String) -> Int { (text.split(separator: " ").count * 4 + 2) / 3 }
}
