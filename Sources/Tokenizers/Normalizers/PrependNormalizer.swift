/// Prepends a fixed string to non-empty text.
struct PrependNormalizer: Normalizer {
    let prefix: [Unicode.Scalar]

    init(config: Config) throws {
        prefix = Array(try config["prepend"].requiredString().unicodeScalars)
    }

    func normalize(_ text: inout NormalizedString) {
        text.prepend(prefix)
    }
}
