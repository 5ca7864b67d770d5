/// GPT-2 byte-level pre-tokenizer: optional leading space, GPT-2 regex split, then every UTF-8
/// byte is mapped to a printable character.
struct ByteLevelPreTokenizer: PreTokenizer {
    let addPrefixSpace: Bool
    let useRegex: Bool

    init(config: Config) throws {
        addPrefixSpace = try config["add_prefix_space"].bool(default: true)
        useRegex = try config["use_regex"].bool(default: true)
    }

    func split(_ text: NormalizedString) -> [NormalizedString] {
        var text = text
        if addPrefixSpace && text.scalars.first != " " {
            text.prepend([" "])
        }
        let pieces = useRegex ? Self.gpt2Split(text) : [text]
        return pieces.map(Self.mapBytes)
    }

    /// Replaces each scalar by the byte-level characters of its UTF-8 bytes.
    private static func mapBytes(_ text: NormalizedString) -> NormalizedString {
        var scalars: [Unicode.Scalar] = []
        var origins: [Int] = []
        scalars.reserveCapacity(text.count)
        origins.reserveCapacity(text.count)
        let alphabet = ByteLevelAlphabet.scalars
        for (scalar, origin) in zip(text.scalars, text.origins) {
            for byte in UTF8.encode(scalar)! {
                scalars.append(alphabet[Int(byte)])
                origins.append(origin)
            }
        }
        return NormalizedString(scalars: scalars, origins: origins, shift: text.shift)
    }

    /// Splits like `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`.
    static func gpt2Split(_ text: NormalizedString) -> [NormalizedString] {
        let scalars = text.scalars
        let count = scalars.count
        var result: [NormalizedString] = []
        var start = 0

        func isSpace(_ i: Int) -> Bool { UnicodeClasses.isWhitespace(scalars[i]) }
        func isLetter(_ i: Int) -> Bool { UnicodeClasses.isRegexLetter(scalars[i]) }
        func isNumber(_ i: Int) -> Bool { UnicodeClasses.isRegexNumber(scalars[i]) }
        func isOther(_ i: Int) -> Bool { !isSpace(i) && !isLetter(i) && !isNumber(i) }
        func run(from i: Int, _ predicate: (Int) -> Bool) -> Int {
            var end = i
            while end < count && predicate(end) { end += 1 }
            return end
        }

        while start < count {
            let end = matchEnd(at: start)
            result.append(text.slice(start..<end))
            start = end
        }
        return result

        func matchEnd(at i: Int) -> Int {
            // Contractions.
            if scalars[i] == "'" && i + 1 < count {
                let next = scalars[i + 1]
                if next == "s" || next == "t" || next == "m" || next == "d" { return i + 2 }
                if i + 2 < count {
                    let third = scalars[i + 2]
                    if (next == "r" && third == "e") || (next == "v" && third == "e") || (next == "l" && third == "l") {
                        return i + 3
                    }
                }
            }
            // Optional space followed by letters, numbers or other symbols.
            let body = scalars[i] == " " && i + 1 < count ? i + 1 : i
            for predicate in [isLetter, isNumber, isOther] as [(Int) -> Bool] where predicate(body) {
                return run(from: body, predicate)
            }
            // Whitespace: `\s+(?!\S)` backtracks one character before a non-space, else `\s+`.
            let end = run(from: i, isSpace)
            if end == count || end - i == 1 { return max(end, i + 1) }
            return end - 1
        }
    }
}
