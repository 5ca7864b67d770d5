/// Splits into runs of word characters and runs of other non-space characters (`\w+|[^\w\s]+`).
struct WhitespacePreTokenizer: PreTokenizer {
    func split(_ text: NormalizedString) -> [NormalizedString] {
        enum Kind { case word, other, space }
        func kind(_ scalar: Unicode.Scalar) -> Kind {
            if UnicodeClasses.isWordCharacter(scalar) { return .word }
            return UnicodeClasses.isWhitespace(scalar) ? .space : .other
        }
        var result: [NormalizedString] = []
        let scalars = text.scalars
        var start = 0
        while start < scalars.count {
            let current = kind(scalars[start])
            var end = start + 1
            while end < scalars.count && kind(scalars[end]) == current { end += 1 }
            if current != .space {
                result.append(text.slice(start..<end))
            }
            start = end
        }
        return result
    }
}
