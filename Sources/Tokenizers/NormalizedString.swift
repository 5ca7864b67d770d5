/// A piece of text flowing through the pipeline, as Unicode scalars.
///
/// Mirrors the Rust `NormalizedString` closely enough to reproduce its observable behaviour:
/// every scalar remembers the offset (in scalars) of the original character it came from,
/// relative to `shift`, the offset of this piece in the original input. The Metaspace
/// pre-tokenizer's `prepend_scheme: "first"` depends on `shift`, and Rust computes both with
/// the alignment rules of `NormalizedString::transform`, which `transform(_:initialOffset:)`
/// reproduces (including its quirks when a replacement is longer than what it replaces).
struct NormalizedString {
    var scalars: [Unicode.Scalar]
    var origins: [Int]
    var shift: Int

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        origins = Array(0..<scalars.count)
        shift = 0
    }

    init(scalars: [Unicode.Scalar], origins: [Int], shift: Int) {
        self.scalars = scalars
        self.origins = origins
        self.shift = shift
    }

    var isEmpty: Bool { scalars.isEmpty }
    var count: Int { scalars.count }

    /// The text as a String (for model lookups and token values).
    var string: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Number of UTF-8 bytes of the normalized text.
    var utf8Count: Int {
        scalars.reduce(0) { $0 + UTF8.width($1) }
    }

    /// Replaces the whole content following Rust's `transform` semantics: each new scalar comes with a
    /// `change` — 0 replaces the next old scalar, a positive value inserts (sharing the alignment of the
    /// previous old scalar), a negative value replaces the next old scalar and removes `-change` more.
    /// `initialOffset` old scalars are removed before the first new one.
    mutating func transform(_ items: [(Unicode.Scalar, Int)], initialOffset: Int) {
        let oldCount = origins.count
        var index = min(initialOffset, oldCount)
        var newScalars: [Unicode.Scalar] = []
        var newOrigins: [Int] = []
        newScalars.reserveCapacity(items.count)
        newOrigins.reserveCapacity(items.count)
        for (scalar, change) in items {
            let origin: Int
            if change > 0 {
                origin = index < 1 ? 0 : origins[min(index, oldCount) - 1]
            } else {
                origin = index < oldCount ? origins[index] : (oldCount > 0 ? origins[oldCount - 1] : 0)
                index = min(index + 1, oldCount)
                if change < 0 { index = min(index - change, oldCount) }
            }
            newScalars.append(scalar)
            newOrigins.append(origin)
        }
        scalars = newScalars
        origins = newOrigins
    }

    /// Keeps only the scalars for which `keep` is true; kept scalars keep their alignment.
    mutating func filter(_ keep: (Unicode.Scalar) -> Bool) {
        var newScalars: [Unicode.Scalar] = []
        var newOrigins: [Int] = []
        newScalars.reserveCapacity(scalars.count)
        newOrigins.reserveCapacity(scalars.count)
        for i in scalars.indices where keep(scalars[i]) {
            newScalars.append(scalars[i])
            newOrigins.append(origins[i])
        }
        scalars = newScalars
        origins = newOrigins
    }

    /// Maps every scalar one-to-one.
    mutating func map(_ transform: (Unicode.Scalar) -> Unicode.Scalar) {
        for i in scalars.indices {
            scalars[i] = transform(scalars[i])
        }
    }

    /// Inserts `prefix` before the content (no-op on an empty string, like Rust).
    mutating func prepend(_ prefix: [Unicode.Scalar]) {
        guard !scalars.isEmpty, !prefix.isEmpty else { return }
        let origin = origins[0]
        scalars.insert(contentsOf: prefix, at: 0)
        origins.insert(contentsOf: repeatElement(origin, count: prefix.count), at: 0)
    }

    /// Replaces every match of `pattern` with `content`; replacement scalars align with the last
    /// scalar of their match.
    mutating func replace(_ pattern: SplitPattern, with content: [Unicode.Scalar]) {
        let pieces = pattern.findMatches(in: scalars)
        guard pieces.contains(where: { $0.isMatch }) else { return }
        var newScalars: [Unicode.Scalar] = []
        var newOrigins: [Int] = []
        newScalars.reserveCapacity(scalars.count)
        newOrigins.reserveCapacity(scalars.count)
        for piece in pieces {
            if piece.isMatch {
                let origin = piece.range.upperBound < 1 ? 0 : origins[piece.range.upperBound - 1]
                newScalars.append(contentsOf: content)
                newOrigins.append(contentsOf: repeatElement(origin, count: content.count))
            } else {
                newScalars.append(contentsOf: scalars[piece.range])
                newOrigins.append(contentsOf: origins[piece.range])
            }
        }
        scalars = newScalars
        origins = newOrigins
    }

    /// A sub-piece, re-based like Rust's `NormalizedString::slice`.
    func slice(_ range: Range<Int>) -> NormalizedString {
        guard !range.isEmpty else {
            return NormalizedString(scalars: [], origins: [], shift: shift)
        }
        let base = origins[range.lowerBound]
        return NormalizedString(
            scalars: Array(scalars[range]),
            origins: origins[range].map { $0 - base },
            shift: shift + base
        )
    }

    /// Splits on `pattern` according to `behavior`, dropping empty pieces.
    func split(_ pattern: SplitPattern, behavior: SplitBehavior, invert: Bool = false) -> [NormalizedString] {
        var pieces = pattern.findMatches(in: scalars)
        if invert {
            pieces = pieces.map { SplitPattern.Piece(range: $0.range, isMatch: !$0.isMatch) }
        }
        return behavior.apply(to: pieces).compactMap { range in
            range.isEmpty ? nil : slice(range)
        }
    }
}
