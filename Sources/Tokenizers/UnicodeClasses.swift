/// Character classes exactly as the Python `tokenizers` library (Rust) computes them.
///
/// Rust mixes several Unicode data sources of different ages: the standard library
/// (whitespace, numeric, lowercase: current Unicode), crates with Unicode 8/9 tables
/// (punctuation, "other", marks) and Oniguruma
/// (regex `\p{L}`, `\p{N}`: Unicode 16). Swift's scalar properties are newer, so each class
/// below restricts them by `age` and lists the few characters whose category changed since.
/// These rules were checked against the Python library for every code point.
enum UnicodeClasses {
    /// Rust `char::is_whitespace` (the White_Space property).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
        }
        return scalar.properties.isWhitespace
    }

    /// Rust `char::is_numeric` (general categories Nd, Nl, No).
    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (0x30...0x39).contains(scalar.value) }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// `unicode_categories::is_other` as used by BertNormalizer: Cc, Cf, Co (Unicode 8 tables).
    static func isOther(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value < 0x20 || scalar.value == 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate: return isAtMost(scalar, major: 8)
        default: return false
        }
    }

    /// BertPreTokenizer/Punctuation: ASCII punctuation or `unicode_categories::is_punctuation` (Unicode 8).
    static func isBertPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
                || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        if value == 0x166D || value == 0x111C9 { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return isAtMost(scalar, major: 8)
        default:
            return false
        }
    }

    /// `unicode_categories::is_mark_nonspacing` as used by BertNormalizer (Mn, Unicode 8 tables).
    static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        switch value {
        case 0x1734, 0x1171E: return true
        case 0x1885, 0x1886, 0xA9BD, 0x111C9: return false
        default: break
        }
        return scalar.properties.generalCategory == .nonspacingMark && isAtMost(scalar, major: 8)
    }

    /// Combining marks as removed by the StripAccents normalizer (Mn, Mc and Me, Unicode 9 tables).
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        if value == 0x1CF2 || value == 0x1CF3 { return true }
        if value == 0x111C9 { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return isAtMost(scalar, major: 9)
        default: return false
        }
    }

    /// BertNormalizer's "Chinese character" ranges (CJK ideograph blocks).
    static func isChineseChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Oniguruma `\p{L}` (Unicode 16).
    static func isRegexLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return isAtMost(scalar, major: 16)
        default:
            return false
        }
    }

    /// Oniguruma `\p{N}` (Unicode 16).
    static func isRegexNumber(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (0x30...0x39).contains(scalar.value) }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return isAtMost(scalar, major: 16)
        default: return false
        }
    }

    /// Rust regex `\w` (Alphabetic, marks, decimal numbers, connector punctuation, join controls;
    /// Unicode 16), used by the Whitespace pre-tokenizer.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                || (0x61...0x7A).contains(value) || value == 0x5F
        }
        let properties = scalar.properties
        let isWord: Bool
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
            isWord = true
        default:
            isWord = properties.isAlphabetic || properties.isJoinControl
        }
        return isWord && isAtMost(scalar, major: 16)
    }

    private static func isAtMost(_ scalar: Unicode.Scalar, major: Int) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major <= major
    }
}
