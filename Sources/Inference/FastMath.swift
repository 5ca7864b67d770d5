/// Branch-light float approximations the compiler can vectorise, for the element-wise steps between matrix products
/// (libm's `expf` and `erff` are opaque calls, one element at a time). Each stays within 1e-6 of libm on what the
/// encoder feeds it (`FastMathTests`).
enum FastMath {
    /// e^x for x ≤ 0 (clamped below at −87, where it is ~1e-38): 2^k · e^r with |r| ≤ ln2 / 2 and e^r by its Taylor
    /// series to r⁶ (relative error below 2e-7).
    @inline(__always)
    static func expNonPositive(_ x: Float) -> Float {
        let x = max(x, -87)
        // Adding 1.5 · 2²³ rounds x · log₂e to the nearest integer k and leaves k in the low mantissa bits, so 2^k is
        // built from bits with no (trapping, unvectorisable) float-to-integer conversion.
        let shifted = x * 1.442_695_04 + 12_582_912
        let k = shifted - 12_582_912
        let r = (x - k * 0.693_145_751_953_125) - k * 1.428_606_765_330_187e-6  // ln 2 split in two for exactness
        let p = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))))
        return p * Float(bitPattern: (shifted.bitPattern &- 0x4B40_0000 &+ 127) << 23)
    }

    /// The error function by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7).
    @inline(__always)
    static func erf(_ x: Float) -> Float {
        let a = abs(x)
        let t = 1 / (1 + 0.327_591_1 * a)
        let polynomial = ((((1.061_405_429 * t - 1.453_152_027) * t + 1.421_413_741) * t - 0.284_496_736) * t + 0.254_829_592) * t
        let y = 1 - polynomial * expNonPositive(-a * a)
        return x < 0 ? -y : y
    }

    /// tanh through e^(−2|x|), so it needs only the non-positive exponential.
    @inline(__always)
    static func tanh(_ x: Float) -> Float {
        let e = expNonPositive(-2 * abs(x))
        let y = (1 - e) / (1 + e)
        return x < 0 ? -y : y
    }
}
