extension RuleBasedClaimNormalizer {
    /// Input limits.
    public struct Configuration: Sendable {
        /// The longest claim accepted, in characters (grapheme clusters) after trimming surrounding whitespace.
        public var maximumLength: Int

        public init(maximumLength: Int = 1_000) {
            precondition(maximumLength > 0, "maximumLength must be positive")
            self.maximumLength = maximumLength
        }
    }
}
