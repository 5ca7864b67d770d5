/// Splits numeric characters from the rest, individually or as runs.
struct DigitsPreTokenizer: PreTokenizer {
    private static let numeric = SplitPattern.character(UnicodeClasses.isNumeric)
    let individualDigits: Bool

    init(config: Config) throws {
        individualDigits = try config["individual_digits"].bool(default: false)
    }

    func split(_ text: NormalizedString) -> [NormalizedString] {
        text.split(Self.numeric, behavior: individualDigits ? .isolated : .contiguous)
    }
}
