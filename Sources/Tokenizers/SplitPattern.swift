import Foundation

/// What a Split/Replace operation looks for: a literal string, a character class or a regex.
struct SplitPattern: Sendable {
    /// A maximal run of the input, either a match of the pattern or the text between matches.
    struct Piece {
        var range: Range<Int>
        var isMatch: Bool
    }

    private enum Kind: Sendable {
        case literal([Unicode.Scalar])
        case character(@Sendable (Unicode.Scalar) -> Bool)
        case regex(CompiledRegex)
    }

    private let kind: Kind

    /// Matches every occurrence of `text` (non-overlapping, left to right).
    static func literal(_ text: String) -> SplitPattern {
        SplitPattern(kind: .literal(Array(text.unicodeScalars)))
    }

    /// Matches every single scalar satisfying `predicate`.
    static func character(_ predicate: @escaping @Sendable (Unicode.Scalar) -> Bool) -> SplitPattern {
        SplitPattern(kind: .character(predicate))
    }

    /// Matches an Oniguruma-style regular expression.
    static func regex(_ pattern: String, config: Config) throws -> SplitPattern {
        SplitPattern(kind: .regex(try CompiledRegex(pattern, config: config)))
    }

    /// Builds the pattern of a `{"String": ...}` / `{"Regex": ...}` JSON object.
    static func fromConfig(_ config: Config) throws -> SplitPattern {
        if let text = config["String"].string { return .literal(text) }
        if let source = config["Regex"].string { return try .regex(source, config: config["Regex"]) }
        if config.isNull { throw config.missing() }
        throw config.invalid("must be {\"String\": ...} or {\"Regex\": ...}")
    }

    /// Pieces covering the whole input, like Rust's `Pattern::find_matches`.
    func findMatches(in scalars: [Unicode.Scalar]) -> [Piece] {
        if scalars.isEmpty { return [Piece(range: 0..<0, isMatch: false)] }
        var pieces: [Piece] = []
        var previous = 0
        func add(_ match: Range<Int>) {
            if previous != match.lowerBound {
                pieces.append(Piece(range: previous..<match.lowerBound, isMatch: false))
            }
            pieces.append(Piece(range: match, isMatch: true))
            previous = match.upperBound
        }
        switch kind {
        case .character(let predicate):
            for i in scalars.indices where predicate(scalars[i]) {
                add(i..<(i + 1))
            }
        case .literal(let needle):
            if needle.isEmpty {
                for i in 0...scalars.count { add(i..<i) }
            } else {
                var i = 0
                while i + needle.count <= scalars.count {
                    if scalars[i] == needle[0] && scalars[i..<(i + needle.count)].elementsEqual(needle) {
                        add(i..<(i + needle.count))
                        i += needle.count
                    } else {
                        i += 1
                    }
                }
            }
        case .regex(let regex):
            for match in regex.matches(in: scalars) { add(match) }
        }
        if previous != scalars.count {
            pieces.append(Piece(range: previous..<scalars.count, isMatch: false))
        }
        return pieces
    }
}
