/// Splits on a string or regex pattern with a configurable behavior, optionally inverted.
struct SplitPreTokenizer: PreTokenizer {
    let pattern: SplitPattern
    let behavior: SplitBehavior
    let invert: Bool

    init(config: Config) throws {
        pattern = try SplitPattern.fromConfig(config["pattern"])
        behavior = try SplitBehavior(config: config["behavior"])
        invert = try config["invert"].bool(default: false)
    }

    func split(_ text: NormalizedString) -> [NormalizedString] {
        text.split(pattern, behavior: behavior, invert: invert)
    }
}
