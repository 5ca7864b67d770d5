import Foundation

/// SentencePiece's compiled normalization rules (`precompiled_charsmap`), as used by
/// DeBERTa-v3, XLM-R, T5 and other SentencePiece conversions.
///
/// The blob is a little-endian `UInt32` trie size, a Darts double-array trie of that many
/// bytes keyed by UTF-8, then NUL-terminated replacement strings the trie values point into.
/// Like the Rust `tokenizers` implementation, text is processed grapheme by grapheme: a
/// grapheme shorter than 6 UTF-8 bytes is replaced whole by the value of its *shortest*
/// matching prefix in the trie; otherwise each scalar is looked up on its own.
struct PrecompiledNormalizer: Normalizer {
    private let units: [UInt32]
    private let normalized: [UInt8]

    init(config: Config) throws {
        let field = config["precompiled_charsmap"]
        guard let blob = Data(base64Encoded: try field.requiredString()) else {
            throw field.invalid("is not valid base64")
        }
        let bytes = [UInt8](blob)
        guard bytes.count >= 4 else { throw field.invalid("is too short") }
        let trieSize = Int(UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
        guard trieSize % 4 == 0, trieSize > 0, 4 + trieSize <= bytes.count else {
            throw field.invalid("has an invalid trie size \(trieSize)")
        }
        var units = [UInt32]()
        units.reserveCapacity(trieSize / 4)
        var offset = 4
        while offset < 4 + trieSize {
            units.append(UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
                | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24)
            offset += 4
        }
        let normalized = Array(bytes[(4 + trieSize)...])
        guard String(validating: normalized, as: UTF8.self) != nil else {
            throw field.invalid("holds replacement strings that are not valid UTF-8")
        }
        self.units = units
        self.normalized = normalized
    }

    func normalize(_ text: inout NormalizedString) {
        guard !text.isEmpty else { return }
        var items: [(Unicode.Scalar, Int)] = []
        items.reserveCapacity(text.count)
        var modified = false
        var position = 0
        var key: [UInt8] = []
        for grapheme in text.string {
            let count = grapheme.unicodeScalars.count
            let scalars = text.scalars[position..<(position + count)]
            position += count
            key.removeAll(keepingCapacity: true)
            for scalar in scalars { appendUTF8(scalar, to: &key) }
            if key.count < 6, let replacement = replacement(forPrefixOf: key) {
                modified = true
                append(replacement, replacing: count, to: &items)
                continue
            }
            for scalar in scalars {
                key.removeAll(keepingCapacity: true)
                appendUTF8(scalar, to: &key)
                if let replacement = replacement(forPrefixOf: key) {
                    modified = true
                    append(replacement, replacing: 1, to: &items)
                } else {
                    items.append((scalar, 0))
                }
            }
        }
        if modified {
            text.transform(items, initialOffset: 0)
        }
    }

    /// Rust's change bookkeeping: the first new scalar carries `new - old`, the others their index.
    private func append(_ replacement: [Unicode.Scalar], replacing oldCount: Int, to items: inout [(Unicode.Scalar, Int)]) {
        for (i, scalar) in replacement.enumerated() {
            items.append((scalar, i == 0 ? replacement.count - oldCount : i))
        }
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// Value of the shortest key in the trie that is a prefix of `key`, decoded.
    private func replacement(forPrefixOf key: [UInt8]) -> [Unicode.Scalar]? {
        guard let value = shortestPrefixValue(key), value < normalized.count else { return nil }
        var end = value
        while end < normalized.count && normalized[end] != 0 { end += 1 }
        guard let string = String(validating: normalized[value..<end], as: UTF8.self) else { return nil }
        return Array(string.unicodeScalars)
    }

    /// Darts double-array common-prefix search, returning the first (shortest) hit.
    private func shortestPrefixValue(_ key: [UInt8]) -> Int? {
        var position = 0
        guard position < units.count else { return nil }
        position ^= offset(units[position])
        for byte in key {
            if byte == 0 { return nil }
            position ^= Int(byte)
            guard position < units.count else { return nil }
            let unit = units[position]
            if label(unit) != UInt32(byte) { return nil }
            position ^= offset(unit)
            if hasLeaf(unit) {
                guard position < units.count else { return nil }
                return Int(units[position] & 0x7FFF_FFFF)
            }
        }
        return nil
    }

    private func hasLeaf(_ unit: UInt32) -> Bool { (unit >> 8) & 1 == 1 }
    private func label(_ unit: UInt32) -> UInt32 { unit & 0x8000_00FF }
    private func offset(_ unit: UInt32) -> Int { Int((unit >> 10) << ((unit & (1 << 9)) >> 6)) }
}
