/// Splits on whitespace, removing it.
struct WhitespaceSplitPreTokenizer: PreTokenizer {
    private static let whitespace = SplitPattern.character(UnicodeClasses.isWhitespace)

    func split(_ text: NormalizedString) -> [NormalizedString] {
        text.split(Self.whitespace, behavior: .removed)
    }
}
