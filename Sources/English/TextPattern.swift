import Foundation

/// A built-in, case-insensitive regular expression (ICU). Patterns are constants of this module,
/// so an invalid one is a programming error and stops the program with the pattern in the message.
public final class TextPattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    private let regex: NSRegularExpression

    public init(_ pattern: String) {
        do {
            regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        } catch {
            preconditionFailure("invalid built-in pattern \(pattern): \(error)")
        }
    }

    /// `text` with every match replaced by `template` (`$1` refers to the first group).
    public func replacingMatches(in text: String, with template: String) -> String {
        regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// The capture groups of the first match (index 0 is the whole match), or `nil` without a match.
    public func groups(in text: String) -> [String?]? {
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0 ..< match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) }
        }
    }
}
