import Foundation

/// Unicode normalization forms NFC, NFD, NFKC and NFKD, as the Rust library computes them.
///
/// Rust's normalization tables date from Unicode 9 (newer combining marks have class 0, newer
/// decompositions and compositions are absent), and Foundation's whole-string normalization on
/// Linux mishandles Hangul and compatibility reordering. So only single-scalar decompositions
/// come from Foundation; canonical ordering and composition are done here.
struct UnicodeNormalizer: Normalizer {
    enum Form: Sendable {
        case nfc, nfd, nfkc, nfkd

        var isCompatibility: Bool { self == .nfkc || self == .nfkd }
        var composes: Bool { self == .nfc || self == .nfkc }
    }

    let form: Form

    func normalize(_ text: inout NormalizedString) {
        text.unicodeNormalize(form)
    }
}

extension NormalizedString {
    /// Decomposes, reorders and (for NFC/NFKC) recomposes. Each produced scalar keeps the
    /// alignment of the scalar it comes from; a composite keeps its starter's.
    mutating func unicodeNormalize(_ form: UnicodeNormalizer.Form) {
        guard scalars.contains(where: { $0.value >= 0x80 }) else { return }
        var normalizer = UnicodeNormalization(compatibility: form.isCompatibility)
        var newScalars: [Unicode.Scalar] = []
        var newOrigins: [Int] = []
        newScalars.reserveCapacity(scalars.count)
        newOrigins.reserveCapacity(scalars.count)
        for (scalar, origin) in zip(scalars, origins) {
            for part in normalizer.decomposition(of: scalar) {
                newScalars.append(part)
                newOrigins.append(origin)
            }
        }
        UnicodeNormalization.reorder(&newScalars, &newOrigins)
        if form.composes {
            normalizer.compose(&newScalars, &newOrigins)
        }
        scalars = newScalars
        origins = newOrigins
    }
}

/// The pieces of Unicode normalization, with Rust's (Unicode 9) character data.
struct UnicodeNormalization {
    private let compatibility: Bool
    private var decompositions: [Unicode.Scalar: [Unicode.Scalar]] = [:]

    init(compatibility: Bool) {
        self.compatibility = compatibility
    }

    /// Canonical combining class as in Rust's tables: classes of marks added after Unicode 9 are 0.
    static func combiningClass(_ scalar: Unicode.Scalar) -> UInt8 {
        if scalar.value < 0x300 { return 0 }
        let properties = scalar.properties
        let value = properties.canonicalCombiningClass.rawValue
        guard value != 0, let age = properties.age, age.major <= 9 else { return 0 }
        return value
    }

    /// Full decomposition of one scalar (canonical or compatibility).
    mutating func decomposition(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let value = scalar.value
        if value < 0xC0 && !(compatibility && value >= 0xA0) { return [scalar] }
        if (0xAC00...0xD7A3).contains(value) { return Self.decomposeHangul(value) }
        if isUndecomposedInRust(scalar) { return [scalar] }
        if let cached = decompositions[scalar] { return cached }
        let string = String(Character(scalar))
        let mapped = compatibility ? string.decomposedStringWithCompatibilityMapping
            : string.decomposedStringWithCanonicalMapping
        var result: [Unicode.Scalar] = []
        for part in mapped.unicodeScalars {
            // Hangul syllables can appear inside compatibility mappings (e.g. U+3200 series).
            if (0xAC00...0xD7A3).contains(part.value) {
                result += Self.decomposeHangul(part.value)
            } else {
                result.append(part)
            }
        }
        decompositions[scalar] = result
        return result
    }

    /// Scalars Rust's tables do not decompose although current Unicode does.
    private func isUndecomposedInRust(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x32FF else { return false }
        if value == 0x11938 { return true }
        guard compatibility else { return false }
        switch value {
        case 0x32FF, 0xA7F2...0xA7F4, 0xAB69, 0x10781...0x10785, 0x10787...0x107B0, 0x107B2...0x107BA,
             0x1E030...0x1E06D, 0x1F16C, 0x1FBF0...0x1FBF9:
            return true
        default:
            return false
        }
    }

    private static func decomposeHangul(_ value: UInt32) -> [Unicode.Scalar] {
        let index = value - 0xAC00
        var parts = [Unicode.Scalar(0x1100 + index / 588)!, Unicode.Scalar(0x1161 + (index % 588) / 28)!]
        if index % 28 != 0 { parts.append(Unicode.Scalar(0x11A7 + index % 28)!) }
        return parts
    }

    /// Canonical ordering: stable sort of every run of non-starters by combining class.
    static func reorder(_ scalars: inout [Unicode.Scalar], _ origins: inout [Int]) {
        var start = 0
        while start < scalars.count {
            guard combiningClass(scalars[start]) != 0 else {
                start += 1
                continue
            }
            var end = start + 1
            while end < scalars.count && combiningClass(scalars[end]) != 0 { end += 1 }
            if end - start > 1 {
                let run = (start..<end).map { (scalars[$0], origins[$0]) }
                let sorted = run.enumerated().sorted { lhs, rhs in
                    let left = combiningClass(lhs.element.0), right = combiningClass(rhs.element.0)
                    return left != right ? left < right : lhs.offset < rhs.offset
                }
                for (offset, item) in sorted.enumerated() {
                    scalars[start + offset] = item.element.0
                    origins[start + offset] = item.element.1
                }
            }
            start = end
        }
    }

    /// Canonical composition of decomposed, reordered text.
    mutating func compose(_ scalars: inout [Unicode.Scalar], _ origins: inout [Int]) {
        var resultScalars: [Unicode.Scalar] = []
        var resultOrigins: [Int] = []
        resultScalars.reserveCapacity(scalars.count)
        resultOrigins.reserveCapacity(scalars.count)
        var starter: Int?
        var lastClass: UInt8?
        for (scalar, origin) in zip(scalars, origins) {
            let combiningClass = Self.combiningClass(scalar)
            if let starter, lastClass.map({ $0 != 0 && $0 < combiningClass }) ?? true,
               let composite = composition(resultScalars[starter], scalar) {
                resultScalars[starter] = composite
                continue
            }
            if combiningClass == 0 {
                starter = resultScalars.count
                lastClass = nil
            } else {
                lastClass = combiningClass
            }
            resultScalars.append(scalar)
            resultOrigins.append(origin)
        }
        scalars = resultScalars
        origins = resultOrigins
    }

    /// The primary composite of a pair, if Rust's tables have one.
    private func composition(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Unicode.Scalar? {
        let a = first.value, b = second.value
        if (0x1100...0x1112).contains(a) && (0x1161...0x1175).contains(b) {
            return Unicode.Scalar(0xAC00 + ((a - 0x1100) * 21 + (b - 0x1161)) * 28)
        }
        if (0xAC00...0xD7A3).contains(a) && (a - 0xAC00) % 28 == 0 && (0x11A8...0x11C2).contains(b) {
            return Unicode.Scalar(a + (b - 0x11A7))
        }
        return Self.compositions[UInt64(a) << 32 | UInt64(b)].flatMap(Unicode.Scalar.init)
    }

    /// Primary composites (Unicode 9 and older, Hangul aside), keyed by `first << 32 | second`.
    ///
    /// Built once from single-scalar decompositions, which Foundation gets right (its
    /// whole-string composition does not: it mangles supplementary-plane scalars and misses
    /// second-level compositions such as U+0CCA + U+0CD5 → U+0CCB).
    private static let compositions: [UInt64: UInt32] = {
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x33FF, 0xA000...0xABFF, 0xF900...0xFFFF, 0x10000...0x1FFFF]
        var decompositions: [(composite: Unicode.Scalar, parts: [Unicode.Scalar])] = []
        var compositeByParts: [[Unicode.Scalar]: Unicode.Scalar] = [:]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age, age.major <= 9,
                      !scalar.properties.isFullCompositionExclusion else { continue }
                let parts = Array(String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars)
                guard parts.count >= 2, parts[0].properties.canonicalCombiningClass.rawValue == 0 else { continue }
                decompositions.append((scalar, parts))
                compositeByParts[parts] = compositeByParts[parts] ?? scalar
            }
        }
        var table: [UInt64: UInt32] = [:]
        for (composite, parts) in decompositions {
            let prefix = Array(parts.dropLast())
            guard let first = prefix.count == 1 ? prefix[0] : compositeByParts[prefix] else { continue }
            table[UInt64(first.value) << 32 | UInt64(parts[parts.count - 1].value)] = composite.value
        }
        return table
    }()
}
