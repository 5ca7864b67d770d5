/// Replaces every match of a string or regex pattern with fixed content.
struct ReplaceNormalizer: Normalizer {
    let pattern: SplitPattern
    let content: [Unicode.Scalar]

    init(config: Config) throws {
        pattern = try SplitPattern.fromConfig(config["pattern"])
        content = Array(try config["content"].requiredString().unicodeScalars)
    }

    func normalize(_ text: inout NormalizedString) {
        text.replace(pattern, with: content)
    }
}
