/// Removes combining marks (without decomposing first, like the Rust implementation).
struct StripAccentsNormalizer: Normalizer {
    func normalize(_ text: inout NormalizedString) {
        text.filter { !UnicodeClasses.isCombiningMark($0) }
    }
}
