/// Which sequence of a pair loses tokens when it does not fit in `maxLength`
/// (Python's `truncation_strategy`).
public enum TruncationStrategy: Sendable {
    /// Remove tokens from the longer sequence first.
    case longestFirst
    /// Remove tokens from the first sequence only.
    case onlyFirst
    /// Remove tokens from the second sequence only.
    case onlySecond
}
