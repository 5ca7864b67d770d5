import Foundation

/// A regular expression from `tokenizer.json`, compiled with ICU (`NSRegularExpression`).
///
/// Python `tokenizers` uses Oniguruma. The pattern is adapted where the two differ in ways
/// that matter for tokenizer patterns: `\s`/`\S` are expanded to Oniguruma's White_Space set
/// (ICU's `\s` lacks U+000B and U+0085), and `^`/`$` match at line boundaries (Ruby syntax).
final class CompiledRegex: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    private let regex: NSRegularExpression

    private static let whitespaceSet =
        #"\t\n\x{0B}\f\r\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}"#

    init(_ pattern: String, config: Config) throws {
        do {
            regex = try NSRegularExpression(
                pattern: CompiledRegex.adapt(pattern),
                options: [.anchorsMatchLines]
            )
        } catch {
            throw config.invalid("is not a valid regular expression: \(pattern)")
        }
    }

    /// Rewrites `\s` and `\S` (inside and outside character classes) to explicit sets.
    static func adapt(_ pattern: String) -> String {
        var result = ""
        var classDepth = 0
        var iterator = pattern.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar {
            case "\\":
                guard let next = iterator.next() else {
                    result.unicodeScalars.append(scalar)
                    continue
                }
                switch next {
                case "s":
                    result += classDepth > 0 ? whitespaceSet : "[\(whitespaceSet)]"
                case "S":
                    result += "[^\(whitespaceSet)]"
                default:
                    result.unicodeScalars.append(scalar)
                    result.unicodeScalars.append(next)
                }
            case "[":
                classDepth += 1
                result.unicodeScalars.append(scalar)
            case "]":
                if classDepth > 0 { classDepth -= 1 }
                result.unicodeScalars.append(scalar)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Non-overlapping matches, as scalar-index ranges into `scalars`.
    func matches(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let text = String(view)
        // Map UTF-16 offsets back to scalar indices.
        var scalarIndex = [Int]()
        scalarIndex.reserveCapacity(scalars.count * 2 + 1)
        for (index, scalar) in scalars.enumerated() {
            scalarIndex.append(index)
            if scalar.value > 0xFFFF { scalarIndex.append(index) }
        }
        scalarIndex.append(scalars.count)
        let matches = regex.matches(in: text, range: NSRange(location: 0, length: scalarIndex.count - 1))
        return matches.compactMap { match in
            let range = match.range
            guard range.location != NSNotFound, range.location + range.length < scalarIndex.count else { return nil }
            return scalarIndex[range.location]..<scalarIndex[range.location + range.length]
        }
    }
}
