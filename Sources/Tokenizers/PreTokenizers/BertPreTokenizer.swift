/// BERT's pre-tokenizer: splits on whitespace (removed) and isolates each punctuation character.
struct BertPreTokenizer: PreTokenizer {
    private static let whitespace = SplitPattern.character(UnicodeClasses.isWhitespace)
    private static let punctuation = SplitPattern.character(UnicodeClasses.isBertPunctuation)

    func split(_ text: NormalizedString) -> [NormalizedString] {
        text.split(Self.whitespace, behavior: .removed).flatMap {
            $0.split(Self.punctuation, behavior: .isolated)
        }
    }
}
