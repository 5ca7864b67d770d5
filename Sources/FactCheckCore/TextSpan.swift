/// A stretch of a text, counted in Unicode scalars (code points) from its start, as JSON clients index strings.
public struct TextSpan: Sendable, Codable, Equatable, Hashable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The span of `range` within `text`.
    public init(_ range: Range<String.Index>, in text: String) {
        start = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)
        end = start + text.unicodeScalars.distance(from: range.lowerBound, to: range.upperBound)
    }

    /// The same stretch as string indices into `text`, or `nil` when it does not fit.
    public func range(in text: String) -> Range<String.Index>? {
        let scalars = text.unicodeScalars
        guard start >= 0, end >= start,
              let lower = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
              let upper = scalars.index(lower, offsetBy: end - start, limitedBy: scalars.endIndex) else { return nil }
        return lower ..< upper
    }

    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}
