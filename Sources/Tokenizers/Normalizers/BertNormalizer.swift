/// BERT's normalizer: text cleanup, spacing around CJK ideographs, accent stripping, lowercasing.
struct BertNormalizer: Normalizer {
    let cleanText: Bool
    let handleChineseChars: Bool
    let stripAccents: Bool
    let lowercase: Bool

    init(config: Config) throws {
        cleanText = try config["clean_text"].bool(default: true)
        handleChineseChars = try config["handle_chinese_chars"].bool(default: true)
        lowercase = try config["lowercase"].bool(default: true)
        // `strip_accents: null` follows `lowercase`.
        stripAccents = try config["strip_accents"].bool(default: lowercase)
    }

    func normalize(_ text: inout NormalizedString) {
        if cleanText {
            text.filter { scalar in
                let value = scalar.value
                if value == 0x09 || value == 0x0A || value == 0x0D { return true }
                return !(value == 0 || value == 0xFFFD || UnicodeClasses.isOther(scalar))
            }
            text.map { scalar in
                scalar.value == 0x09 || scalar.value == 0x0A || scalar.value == 0x0D
                    || UnicodeClasses.isWhitespace(scalar) ? " " : scalar
            }
        }
        if handleChineseChars && text.scalars.contains(where: UnicodeClasses.isChineseChar) {
            var items: [(Unicode.Scalar, Int)] = []
            items.reserveCapacity(text.count + 16)
            for scalar in text.scalars {
                if UnicodeClasses.isChineseChar(scalar) {
                    items.append((" ", 0))
                    items.append((scalar, 1))
                    items.append((" ", 1))
                } else {
                    items.append((scalar, 0))
                }
            }
            text.transform(items, initialOffset: 0)
        }
        if stripAccents {
            text.unicodeNormalize(.nfd)
            text.filter { !UnicodeClasses.isNonspacingMark($0) }
        }
        if lowercase {
            text.lowercase()
        }
    }
}
