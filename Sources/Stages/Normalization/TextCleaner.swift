import English
import Foundation

/// Character-level clean-up of a claim: control characters, emoji, quotes, punctuation runs and spacing.
enum TextCleaner {
    /// NFC, with control characters and invisible format characters removed (line breaks and tabs become spaces).
    static func removingControlCharacters(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control:
                if scalar.properties.isWhitespace { scalars.append(" ") }
            case .format where invisibleFormats.contains(scalar.value):
                continue
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Soft hyphen, zero-width space, directional marks and controls, word joiner and byte-order mark.
    private static let invisibleFormats: Set<UInt32> = Set([0x00AD, 0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF])
        .union(0x202A ... 0x202E).union(0x2066 ... 0x2069)

    /// Removes emoji, straightens quotes and apostrophes, collapses punctuation runs (`?!?` → `?`) and spaces,
    /// and lower-cases text typed entirely in capitals.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isEmoji(scalar) {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": scalars.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{2033}": scalars.append("\"")
            default: scalars.append(scalar)
            }
        }
        var cleaned = String(scalars)
        for (pattern, replacement) in punctuationRuns {
            cleaned = pattern.replacingMatches(in: cleaned, with: replacement)
        }
        cleaned = Spacing.tidy(cleaned)
        let letters = cleaned.filter(\.isLetter)
        if letters.count > 1, !letters.contains(where: \.isLowercase), letters.contains(where: \.isUppercase),
           cleaned.contains(" ") {
            return cleaned.lowercased()
        }
        return uncapitalizingTitleCase(cleaned)
    }

    /// "Did Einstein Win A Nobel Prize?" → "did Einstein win a Nobel Prize?": in text where every word is
    /// capitalised and a function word after the first shows it is Title Case, words the lexicon knows as
    /// function words, verbs, adverbs or adjectives are lower-cased; other words may be names and keep their capital.
    private static func uncapitalizingTitleCase(_ text: String) -> String {
        let tokens = Token.tokenize(text)
        let words = tokens.filter { $0.word.first?.isLetter == true }
        guard words.count >= 3, words.allSatisfy({ $0.word.first!.isUppercase }),
              words.dropFirst().contains(where: { isFunctionWord($0.lower) }) else { return text }
        return Token.join(tokens.map { token in
            let word = token.lower
            let isKnown = isFunctionWord(word) || Lexicon.adverbs.contains(word) || Lexicon.adjectives.contains(word)
                || VerbForms.isVerb(word)
            let isTitleCased = token.word.dropFirst().allSatisfy { !$0.isUppercase }
            return isKnown && isTitleCased && word != "i" ? token.replacingWord(with: word) : token
        })
    }

    private static func isFunctionWord(_ word: String) -> Bool {
        Lexicon.determiners.contains(word) || Lexicon.prepositions.contains(word) || Lexicon.nounPhraseLinks.contains(word)
            || Lexicon.auxiliaries.contains(word) || Lexicon.whWords.contains(word)
    }

    private static let punctuationRuns: [(TextPattern, String)] = [
        (TextPattern(#"[!?]*\?[!?]*"#), "?"),
        (TextPattern(#"!{2,}"#), "!"),
        (TextPattern(#"\.{4,}|…"#), "..."),
        (TextPattern(#"([,;:])[\s,;:]*\1"#), "$1"),
    ]

    /// Pictographs, flags, keycaps, skin tones and the joiners and selectors that build them; not `#`, digits, © or ®.
    private static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isEmojiPresentation || properties.isEmojiModifier { return true }
        switch scalar.value {
        case 0xFE0E, 0xFE0F, 0x200D, 0x20E3, 0xE0020 ... 0xE007F: return true
        default: return properties.isEmoji && scalar.value >= 0x2100
        }
    }
}
