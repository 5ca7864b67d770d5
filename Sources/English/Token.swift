import Foundation

/// A whitespace-separated word of a claim, with the punctuation it carries.
public struct Token: Equatable {
    /// The text as typed, e.g. `NATO?` or `(the`.
    public let text: String
    /// The text without surrounding punctuation or symbols, e.g. `NATO`, `Earth's`, `COVID-19`.
    public let word: String
    /// `word` lower-cased.
    public let lower: String

    public init(_ text: String) {
        self.text = text
        let trimmed = text.trimmingCharacters(in: Self.edgeCharacters)
        word = trimmed
        lower = trimmed.lowercased()
    }

    private static let edgeCharacters = CharacterSet.punctuationCharacters.union(.symbols)

    /// Splits on whitespace.
    public static func tokenize(_ text: String) -> [Token] {
        text.split(whereSeparator: \.isWhitespace).map { Token(String($0)) }
    }

    /// Joins tokens with single spaces.
    public static func join(_ tokens: some Sequence<Token>) -> String {
        tokens.map(\.text).joined(separator: " ")
    }

    /// A name, acronym or brand: any upper-case letter (`Japan`, `NATO`, `iPhone`).
    public var isProper: Bool { word.contains { $0.isUppercase } }

    /// Starts with a digit: `1949`, `4.5`, `5G`, `10%`.
    public var isNumber: Bool { word.first?.isNumber == true }

    /// All digits, e.g. the `11` of `Apollo 11`.
    public var isInteger: Bool { !word.isEmpty && word.allSatisfy(\.isASCII) && word.allSatisfy(\.isNumber) }

    /// `Earth's`, `countries'`.
    public var isPossessive: Bool { lower.hasSuffix("'s") || text.hasSuffix("s'") }

    /// A lower-case word (not a name or number).
    public var isPlainWord: Bool { !isProper && !isNumber && !word.isEmpty }

    /// The same token with its word replaced, keeping surrounding punctuation: `win,` → `won,`.
    public func replacingWord(with replacement: String) -> Token {
        guard let range = text.range(of: word) else { return Token(replacement) }
        return Token(text.replacingCharacters(in: range, with: replacement))
    }
}
