/// How `Split`-like pre-tokenizers treat the matched delimiters.
enum SplitBehavior: String, Sendable {
    case removed = "Removed"
    case isolated = "Isolated"
    case mergedWithPrevious = "MergedWithPrevious"
    case mergedWithNext = "MergedWithNext"
    case contiguous = "Contiguous"

    init(config: Config) throws {
        let raw = try config.requiredString()
        guard let behavior = SplitBehavior(rawValue: raw)
            ?? SplitBehavior.allSnakeCase[raw.lowercased()] else {
            throw config.invalid("has unknown split behavior '\(raw)'")
        }
        self = behavior
    }

    private static let allSnakeCase: [String: SplitBehavior] = [
        "removed": .removed, "isolated": .isolated, "merged_with_previous": .mergedWithPrevious,
        "merged_with_next": .mergedWithNext, "contiguous": .contiguous,
    ]

    /// Ranges to keep, exactly as Rust's `NormalizedString::split` computes them.
    func apply(to pieces: [SplitPattern.Piece]) -> [Range<Int>] {
        switch self {
        case .removed:
            return pieces.filter { !$0.isMatch }.map(\.range)
        case .isolated:
            return pieces.map(\.range)
        case .contiguous:
            var result: [Range<Int>] = []
            var previousMatch = false
            for piece in pieces {
                if piece.isMatch == previousMatch, let last = result.last {
                    result[result.count - 1] = last.lowerBound..<piece.range.upperBound
                } else {
                    result.append(piece.range)
                }
                previousMatch = piece.isMatch
            }
            return result
        case .mergedWithPrevious:
            var result: [Range<Int>] = []
            var previousMatch = false
            for piece in pieces {
                if piece.isMatch && !previousMatch, let last = result.last {
                    result[result.count - 1] = last.lowerBound..<piece.range.upperBound
                } else {
                    result.append(piece.range)
                }
                previousMatch = piece.isMatch
            }
            return result
        case .mergedWithNext:
            var result: [Range<Int>] = []
            var previousMatch = false
            for piece in pieces.reversed() {
                if piece.isMatch && !previousMatch, let last = result.last {
                    result[result.count - 1] = piece.range.lowerBound..<last.upperBound
                } else {
                    result.append(piece.range)
                }
                previousMatch = piece.isMatch
            }
            return result.reversed()
        }
    }
}
