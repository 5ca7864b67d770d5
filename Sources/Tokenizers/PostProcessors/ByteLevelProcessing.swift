/// The byte-level post-processor only trims offsets, so ids pass through unchanged.
struct ByteLevelProcessing: PostProcessor {
    func addedTokens(isPair: Bool) -> Int {
        0
    }

    func process(_ encodings: [Encoding], addSpecialTokens: Bool) -> [Encoding] {
        encodings
    }
}
