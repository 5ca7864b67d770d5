import Foundation

/// Seeded random inputs for the property tests of every parser that takes outside input. A run is reproducible from
/// its seed (`FACTCHECK_FUZZ_SEED`, default fixed); `FACTCHECK_FUZZ_ITERATIONS` (default 300) bounds CI and makes a
/// longer run one variable away.
public struct FuzzInputs: RandomNumberGenerator {
    public static var iterations: Int {
        ProcessInfo.processInfo.environment["FACTCHECK_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 300
    }

    public static var seed: UInt64 {
        ProcessInfo.processInfo.environment["FACTCHECK_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_207
    }

    private var state: UInt64

    public init(seed: UInt64 = FuzzInputs.seed, stream: UInt64 = 0) {
        state = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15)
    }

    /// SplitMix64.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Ranges of scalars that stress text handling: ASCII, Latin with diacritics, combining marks, Greek and Cyrillic,
    /// Arabic and Hebrew (right to left), Devanagari, CJK, Hangul, emoji and their joiners and modifiers, controls,
    /// bidirectional overrides, zero-width characters, private use and noncharacters.
    private static let scalarRanges: [ClosedRange<UInt32>] = [
        0x20 ... 0x7E, 0x20 ... 0x7E, 0x20 ... 0x7E, 0x00 ... 0x1F, 0x7F ... 0x9F, 0xA0 ... 0x24F, 0x300 ... 0x36F, 0x370 ... 0x4FF,
        0x590 ... 0x6FF, 0x900 ... 0x97F, 0x2000 ... 0x206F, 0x3000 ... 0x30FF, 0x4E00 ... 0x9FFF, 0xAC00 ... 0xD7A3,
        0xE000 ... 0xF8FF, 0xFDD0 ... 0xFDEF, 0xFE00 ... 0xFE0F, 0xFEFF ... 0xFFFF, 0x1F300 ... 0x1FAFF, 0x1F1E6 ... 0x1F1FF,
        0xE0000 ... 0xE007F, 0x10FFFE ... 0x10FFFF,
    ]

    /// Arbitrary Unicode text of up to `maxLength` scalars.
    public mutating func unicodeText(maxLength: Int) -> String {
        let length = Int.random(in: 0 ... maxLength, using: &self)
        var scalars = String.UnicodeScalarView()
        for _ in 0 ..< length {
            let range = Self.scalarRanges.randomElement(using: &self)!
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &self)) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// `count` pieces, each one of `fragments` or a short piece of arbitrary text, joined without separators.
    public mutating func assembled(from fragments: [String], count: Int) -> String {
        (0 ..< count).map { _ in
            Bool.random(using: &self) || fragments.isEmpty ? fragments.randomElement(using: &self) ?? "" : unicodeText(maxLength: 8)
        }.joined()
    }

    /// Up to `maxLength` arbitrary bytes.
    public mutating func bytes(maxLength: Int) -> [UInt8] {
        (0 ..< Int.random(in: 0 ... maxLength, using: &self)).map { _ in UInt8.random(in: .min ... .max, using: &self) }
    }
}
