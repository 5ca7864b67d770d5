/// Applies several normalizers in order.
struct SequenceNormalizer: Normalizer {
    let normalizers: [any Normalizer]

    init(config: Config) throws {
        normalizers = try config["normalizers"].requiredArray().compactMap(makeNormalizer)
    }

    func normalize(_ text: inout NormalizedString) {
        for normalizer in normalizers {
            normalizer.normalize(&text)
        }
    }
}
