import KernelIntrinsics
import RealModule

/// Vectorised e^x, e^x − 1, ln x and ln(1 + x) for `SIMD4<Double>`: the `Double` counterparts of
/// `FloatExpLog.swift`, written with the same vector-safe operations (magic-number rounding,
/// `unsafeBitCast`, 64-bit integer adds and left shifts, `replacing(with:where:)`; never float→int
/// conversions or an arithmetic right shift, which AVX2 lacks for 64-bit lanes). A `Double` is lane 0
/// of a splat (`LaneElementary.swift`). Errors are measured against the platform libm's `Float80`
/// functions by `DoubleElementaryTests` (random bit patterns, random values, dense grids); the
/// catalog's mpmath references check the activations built on them.
extension SIMD4 where Scalar == Double {
    @usableFromInline typealias Words = SIMD4<UInt64>

    /// 1.5·2⁵²: adding it rounds a |v| < 2⁵¹ to an integer, kept in the low bits.
    @usableFromInline static var roundingMagic: Self { Self(repeating: 6_755_399_441_055_744) }
    /// ln 2 = ln2Hi + ln2Lo; ln2Hi has 32 significant bits, so n·ln2Hi is exact for |n| < 2²¹ (fdlibm).
    @usableFromInline static var ln2Hi: Self { Self(repeating: 0.693_147_180_369_123_816_490) }
    @usableFromInline static var ln2Lo: Self { Self(repeating: 1.908_214_929_270_587_700_02e-10) }

    /// The whole number nearest v (|v| < 2⁵¹), as a `Double` and as integer bits.
    @inlinable @inline(__always)
    static func nearestInteger(_ v: Self) -> (n: Self, bits: Words) {
        let t = roundingMagic + v
        return (t - roundingMagic, unsafeBitCast(t, to: Words.self) &- unsafeBitCast(roundingMagic, to: Words.self))
    }

    /// 2ᵏ for whole-number lanes k in [−1022, 1023] (given as `nearestInteger`'s bits), built in the
    /// exponent field.
    @inlinable @inline(__always)
    static func powerOfTwo(_ k: Words) -> Self {
        unsafeBitCast((k &+ 1023) &<< 52, to: Self.self)
    }

    /// One Horner step: self·x + c, fused.
    @inlinable @inline(__always)
    func horner(_ x: Self, _ c: Double) -> Self { Self(repeating: c).addingProduct(self, x) }

    /// e^r − 1 − r for |r| ≤ ln 2/2: the Taylor series to r¹³ (its remainder is under 0.06 ulp of e^r),
    /// r²·(½ + r/6 + … + r¹¹/13!) by Horner's rule, each step fused (`horner`). In a portable build on
    /// x86-64 the polynomial goes to `LaneMath.h` whole, which there makes it one call per half vector
    /// instead of two per step; the same coefficients (1/13!, 1/12!, …, 1/2!) and steps in the same
    /// order, so the same bits (`compare-values.py` between a portable and a native build checks it).
    /// Other builds keep the straight chain: as a loop over the list it measured up to 0.69× in a native
    /// build's gelu backward. (Not `polynomial`, Polynomials.swift: there the portable call would read
    /// the coefficients from a stack copy written at every call, 0.82–0.95× as fast.)
    @inlinable @inline(__always)
    static func expTail(_ r: Self) -> Self {
        #if arch(x86_64) && !TUNED_FOR_TARGET_CPU
            let coefficients: [Double] = [
                1.0 / 6_227_020_800, 1.0 / 479_001_600, 1.0 / 39_916_800, 1.0 / 3_628_800, 1.0 / 362_880,
                1.0 / 40320, 1.0 / 5040, 1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5,
            ]
            let p = coefficients.withUnsafeBufferPointer { lanes_horner_double4(r, $0.baseAddress!, $0.count) }
        #else
            var p = Self(repeating: 1.0 / 6_227_020_800)  // 1/13!
            p = p.horner(r, 1.0 / 479_001_600)
            p = p.horner(r, 1.0 / 39_916_800)
            p = p.horner(r, 1.0 / 3_628_800)
            p = p.horner(r, 1.0 / 362_880)
            p = p.horner(r, 1.0 / 40320)
            p = p.horner(r, 1.0 / 5040)
            p = p.horner(r, 1.0 / 720)
            p = p.horner(r, 1.0 / 120)
            p = p.horner(r, 1.0 / 24)
            p = p.horner(r, 1.0 / 6)
            p = p.horner(r, 0.5)
        #endif
        return p * (r * r)
    }

    /// x = n·ln 2 + r + rLow with |r| ≤ ln 2/2 (Cody–Waite): n as a `Double` and as integer bits, r,
    /// and rLow, what rounding r lost (x − n·ln2Hi is exact, and so, nearly always, is its difference
    /// from r).
    @inlinable @inline(__always)
    static func reduce(_ x: Self) -> (n: Self, k: Words, r: Self, rLow: Self) {
        let (n, k) = nearestInteger(x * Self(repeating: 1.442_695_040_888_963_4))  // 1/ln 2
        let exact = x.addingProduct(-n, ln2Hi)
        let r = exact.addingProduct(-n, ln2Lo)
        return (n, k, r, (exact - r).addingProduct(-n, ln2Lo))
    }

    /// e^{r + rLow} for |r| ≤ ln 2/2, rounded once at the end: 1 + r split exactly into s + sLow
    /// (Fast2Sum), and everything small added to sLow first.
    @inlinable @inline(__always)
    static func expOfReduced(_ r: Self, _ rLow: Self) -> Self {
        let one = Self(repeating: 1)
        let s = one + r
        let sLow = (one - s) + r
        return s + ((sLow + rLow) + expTail(r))
    }

    /// 2ⁿ as two factors 2ʰ·2ⁿ⁻ʰ, h = n/2 rounded, so that |n| up to 2·1022 scales in range.
    @inlinable @inline(__always)
    static func splitPowerOfTwo(_ n: Self, _ k: Words) -> (Self, Self) {
        let (_, h) = nearestInteger(n * Self(repeating: 0.5))
        return (powerOfTwo(h), powerOfTwo(k &- h))
    }

    /// factor·e^x, the factor applied before the last scaling so that a subnormal product keeps its
    /// digits. e^x overflows to +∞ above 709.78 and flushes to 0 below −745.13; subnormal results in
    /// between are scaled in two steps. Measured: 0.680 ulp for factor 1 (at −21.13), 1.433
    /// for x·eˣ.
    @inlinable @inline(__always)
    static func vectorExp(_ x: Self, times factor: Self) -> Self {
        let clampedX = x.replacing(with: Self(repeating: -750), where: x .< -750)
            .replacing(with: Self(repeating: 710), where: x .> 710)
        let (n, k, r, rLow) = reduce(clampedX)
        let p = expOfReduced(r, rLow)
        let (s1, s2) = splitPowerOfTwo(n, k)
        return p * factor * s1 * s2
    }

    @inlinable @inline(__always)
    static func vectorExp(_ x: Self) -> Self { vectorExp(x, times: Self(repeating: 1)) }

    /// factor·e^{hi + lo} for |lo| up to a few units (e^{−a²} with a² in two parts, for erfc and φ): n is
    /// taken from hi + lo, n·ln 2 is subtracted from hi alone (exactly, when hi − n·ln 2 keeps hi's last
    /// bit, as it does for |hi| < 2¹⁰), then lo is added; the factor is applied before the last scaling.
    @inlinable @inline(__always)
    static func vectorExp(hi: Self, lo: Self, times factor: Self) -> Self {
        let clampedHi = hi.replacing(with: Self(repeating: -750), where: hi .< -750)
            .replacing(with: Self(repeating: 710), where: hi .> 710)
        let (n, k) = nearestInteger((clampedHi + lo) * Self(repeating: 1.442_695_040_888_963_4))  // 1/ln 2
        let r = DoubleDouble.sum(clampedHi.addingProduct(-n, ln2Hi), lo.addingProduct(-n, ln2Lo))
        let p = expOfReduced(r.hi, r.lo)
        let (s1, s2) = splitPowerOfTwo(n, k)
        return p * factor * s1 * s2
    }

    /// e^x where only normal results matter: the argument is clamped to [−708, 709], so one
    /// multiplication by 2ⁿ scales. Bit for bit `vectorExp` wherever e^x is a normal `Double`.
    @inlinable @inline(__always)
    static func vectorExpNormalRange(_ x: Self) -> Self {
        let clampedX = x.replacing(with: Self(repeating: -708), where: x .< -708)
            .replacing(with: Self(repeating: 709), where: x .> 709)
        let (_, k, r, rLow) = reduce(clampedX)
        return expOfReduced(r, rLow) * powerOfTwo(k)
    }

    /// e^x − 1 = 2ⁿ·(e^r − 1) + (2ⁿ − 1), exact near 0 and −1 far left, +∞ above 709.78. Measured:
    /// 1.525 ulp (at 0.35146, where n = 1 doubles the error of e^r − 1).
    @inlinable @inline(__always)
    static func vectorExpMinusOne(_ x: Self) -> Self {
        let clampedX = x.replacing(with: Self(repeating: -40), where: x .< -40)
            .replacing(with: Self(repeating: 710), where: x .> 710)
        let (n, k, r, rLow) = reduce(clampedX)
        let q = (expTail(r) + rLow) + r
        let (s1, s2) = splitPowerOfTwo(n, k)
        let s = s1 * s2
        let ordinary = (s - Self(repeating: 1)).addingProduct(s, q)
        let large = (s1 * (q + Self(repeating: 1))) * s2
        return ordinary.replacing(with: large, where: x .> 709).replacing(with: x, where: x .== 0)
    }

    /// ln(1 + x): 1 + x = 2ᵏ·m with m in [√½, √2), f = m − 1 (or x itself when k = 0), plus the
    /// rounding error of 1 + x as (x − (u − 1))/u; then fdlibm's log1p. Measured: 0.734 ulp.
    @inlinable @inline(__always)
    static func vectorLogOnePlus(_ x: Self) -> Self {
        let one = Self(repeating: 1)
        let u = one + x
        let (k, f) = splitExponent(u)
        let kIsZero = k .== Self(repeating: 0)
        let fraction = f.replacing(with: x, where: kIsZero)
        let c = ((x - (u - one)) / u).replacing(with: Self(repeating: 0), where: kIsZero)
        let y = fraction - logCore(fraction, c.addingProduct(k, ln2Lo))
        return y.addingProduct(k, ln2Hi)
            .replacing(with: -Self(repeating: .infinity), where: u .== 0)
            .replacing(with: Self(repeating: .nan), where: x .< -1)
            .replacing(with: x, where: (x .== .infinity) .| (x .== 0) .| (x .!= x))
    }

    /// ln x, the same way (subnormal x scaled by 2⁵² first). ln(±0) = −∞, ln(x < 0) = NaN. Measured:
    /// 0.758 ulp.
    @inlinable @inline(__always)
    static func vectorLog(_ x: Self) -> Self { vectorLog(x, plusLn2Times: Self(repeating: 0)) }

    /// ln x + j·ln 2 for small whole numbers j, j·ln 2 added as hi + lo (asinh's ln 2a).
    @inlinable @inline(__always)
    static func vectorLog(_ x: Self, plusLn2Times j: Self) -> Self {
        let subnormal = x .< Self(repeating: .leastNormalMagnitude)
        let scaled = x.replacing(with: x * Self(repeating: 4_503_599_627_370_496), where: subnormal)  // ·2⁵²
        let (exponent, f) = splitExponent(scaled)
        let k = exponent.replacing(with: exponent - Self(repeating: 52), where: subnormal) + j
        let y = f - logCore(f, k * ln2Lo)
        return y.addingProduct(k, ln2Hi)
            .replacing(with: Self(repeating: .nan), where: x .< 0)
            .replacing(with: -Self(repeating: .infinity), where: x .== 0)
            .replacing(with: x, where: (x .== .infinity) .| (x .!= x))
    }

    /// u = 2ᵏ·m with m in [√½, √2) for positive normal u: k as a `Double`, and f = m − 1 (exact).
    @inlinable @inline(__always)
    static func splitExponent(_ u: Self) -> (k: Self, f: Self) {
        let shifted = unsafeBitCast(u, to: Words.self) &+ (0x3FF0_0000_0000_0000 - 0x3FE6_A09E_667F_3BCD)
        let biased = shifted &>> 52  // a logical shift: u > 0 has no sign bit
        let m = unsafeBitCast((shifted & 0x000F_FFFF_FFFF_FFFF) &+ 0x3FE6_A09E_667F_3BCD, to: Self.self)
        let k =
            unsafeBitCast(biased &+ unsafeBitCast(roundingMagic, to: Words.self), to: Self.self)
            - roundingMagic - Self(repeating: 1023)
        return (k, m - Self(repeating: 1))
    }

    /// f²/2 − (s(f²/2 + R(s²)) + low), the part of ln(1 + f) after f, s = f/(2 + f), |f| ≤ √2 − 1
    /// (fdlibm's Lg1…Lg7: within 0.012 ulp of ln(1 + f), checked with mpmath).
    @inlinable @inline(__always)
    static func logCore(_ f: Self, _ low: Self) -> Self {
        let s = f / (Self(repeating: 2) + f)
        let z = s * s
        var p = Self(repeating: 1.479_819_860_511_658_591e-1)
        p = p.horner(z, 1.531_383_769_920_937_332e-1)
        p = p.horner(z, 1.818_357_216_161_805_012e-1)
        p = p.horner(z, 2.222_219_843_214_978_396e-1)
        p = p.horner(z, 2.857_142_874_366_239_149e-1)
        p = p.horner(z, 3.999_999_999_940_941_908e-1)
        p = p.horner(z, 6.666_666_666_666_735_130e-1)
        let halfSquare = Self(repeating: 0.5) * f * f
        return halfSquare - low.addingProduct(s, halfSquare + z * p)
    }
}
