/// Splits on punctuation characters with a configurable behavior (default: isolated).
struct PunctuationPreTokenizer: PreTokenizer {
    private static let punctuation = SplitPattern.character(UnicodeClasses.isBertPunctuation)
    let behavior: SplitBehavior

    init(config: Config) throws {
        behavior = config["behavior"].isNull ? .isolated : try SplitBehavior(config: config["behavior"])
    }

    func split(_ text: NormalizedString) -> [NormalizedString] {
        text.split(Self.punctuation, behavior: behavior)
    }
}
