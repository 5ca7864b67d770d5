import English
import Foundation

/// What a sentence shows about being a checkable statement: the reasons to leave it out, and the signals of a
/// fact worth checking (figures, names, rankings) against those of an opinion.
struct StatementFeatures {
    /// Why a sentence is never a claim.
    enum Exclusion: String, Equatable {
        case notASentence = "not a sentence (a heading, a fragment or a list item)"
        case question = "a question"
        case furniture = "page furniture or a notice"
        case personal = "the writer or reader speaking"
        case speculative = "a hypothesis, prediction or advice"
        case nonFactualOpening = "a summary, opinion or hypothesis"
    }

    let tokens: [Token]
    let exclusion: Exclusion?
    /// Figures: digits, written counts, ordinals, years and centuries.
    let figures: Int
    /// Runs of capitalised words after the first word.
    let names: Int
    let rankingWords: Int
    let evaluativeWords: Int
    let opinionFrame: Bool

    init(_ sentence: String) {
        tokens = Token.tokenize(sentence)
        let words = tokens.map(\.lower)
        exclusion = Self.exclusion(sentence, words: words)
        figures = tokens.filter { $0.isNumber || Lexicon.countWords.contains($0.lower) || Self.isOrdinal($0.lower) }.count
        var names = 0, inName = false
        for (index, token) in tokens.enumerated() {
            let isName = token.isProper && (index > 0 || !Lexicon.referringOpeners.contains(token.lower))
            if isName, !inName { names += 1 }
            inName = isName || (inName && Lexicon.nameParticles.contains(token.lower))
        }
        self.names = names
        rankingWords = words.filter { Lexicon.rankingWords.contains($0) || $0.hasSuffix("est") && $0.count > 5 }.count
        evaluativeWords = words.filter(Lexicon.evaluativeWords.contains).count
        opinionFrame = Lexicon.opinionFrames.contains { frame in Self.contains(frame, in: words) }
            || words.indices.contains { index in words[index] == "role" && words[max(0, index - 3) ..< index].contains(where: Lexicon.playForms.contains) }
    }

    /// A score 0…1 from the signals alone (used when no learned model is given, and as the model's extra features).
    var ruleScore: Double {
        guard exclusion == nil else { return 0 }
        var score = -0.5
        score += 0.9 * Double(min(figures, 2))
        score += 0.6 * Double(min(names, 3))
        score += 0.5 * Double(min(rankingWords, 2))
        score -= 0.7 * Double(min(evaluativeWords, 3))
        score -= opinionFrame ? 1.5 : 0
        if tokens.count < 6 { score -= 1 }
        return 1 / (1 + exp(-score))
    }

    /// The signals as numbers, in a fixed order, for the learned model.
    var vector: [Float] {
        [Float(min(figures, 3)), Float(min(names, 4)), Float(min(rankingWords, 3)), Float(min(evaluativeWords, 4)),
         opinionFrame ? 1 : 0, Float(min(tokens.count, 60)) / 20]
    }

    static let vectorLength = 6

    private static func exclusion(_ sentence: String, words: [String]) -> Exclusion? {
        let lower = sentence.lowercased()
        if Lexicon.furniturePhrases.contains(where: lower.contains) { return .furniture }
        let trimmed = sentence.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("?") || trimmed.hasSuffix("?\"") || trimmed.hasSuffix("?”") { return .question }
        let endsLikeSentence = [".", "!", ".\"", ".”", ".’", ".)", "!\"", "!”"].contains(where: trimmed.hasSuffix)
        guard endsLikeSentence, words.count >= 5, words.contains(where: Self.isVerbLike) else { return .notASentence }
        if words.contains(where: Lexicon.firstAndSecondPerson.contains) { return .personal }
        if words.contains(where: Lexicon.speculativeModals.contains) { return .speculative }
        if Lexicon.nonFactualOpeners.contains(where: { words.starts(with: $0) }) { return .nonFactualOpening }
        return nil
    }

    /// A finite verb or auxiliary is present: "is", "has", "joined", "produces".
    private static func isVerbLike(_ word: String) -> Bool {
        Lexicon.auxiliaries.contains(word) || Lexicon.verbs.contains(word) || word.hasSuffix("ed")
            || (word.hasSuffix("s") && Lexicon.verbs.contains(String(word.dropLast()))) || (word.hasSuffix("es") && Lexicon.verbs.contains(String(word.dropLast(2))))
    }

    /// "19th", "third", "third-largest".
    private static func isOrdinal(_ word: String) -> Bool {
        let head = word.split(separator: "-").first.map(String.init) ?? word
        return ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"].contains(head)
            || (head.first?.isNumber == true && ["st", "nd", "rd", "th"].contains(where: head.hasSuffix))
    }

    static func contains(_ phrase: [String], in words: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        return (0 ... words.count - phrase.count).contains { Array(words[$0 ..< $0 + phrase.count]) == phrase }
    }
}
