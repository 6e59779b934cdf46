import KernelIntrinsics

/// Vectorised e^x, e^x − 1 and ln(1 + x) for `SIMD16<Float>`: the quarantined bit tricks.
///
/// Written with what compiles to real vector code on this toolchain (the traps of Swift SIMD, CONTRIBUTING.md): magic-number
/// rounding, `unsafeBitCast` between same-size vectors, integer lane arithmetic and
/// `replacing(with:where:)`; never float→int conversions, `.rounded()` or `clamped` from the
/// standard library. Argument clamps use `atLeast`/`atMost` (`Select.swift`): the same selects, one
/// `maxps` or `minps` each. A `Float` is computed as lane 0 of a splat (`LaneElementary.swift`), so scalar
/// and batch results agree bit for bit. Errors are measured against `Double` libm by
/// `FloatElementaryTests` (sampled) and `Scripts/check/check-float-elementary` (all 2³² inputs).
extension SIMD16 where Scalar == Float {
    @usableFromInline typealias Bits = SIMD16<Int32>

    /// 1.5·2²³: adding it rounds a |v| < 2²² to an integer, kept in the low bits.
    @usableFromInline static var roundingMagic: Self { Self(repeating: 12_582_912) }
    /// ln 2 = ln2Hi + ln2Lo; ln2Hi has 9 significant bits, so k·ln2Hi is exact for |k| < 2¹⁵.
    @usableFromInline static var ln2Hi: Self { Self(repeating: 0.693_359_375) }
    @usableFromInline static var ln2Lo: Self { Self(repeating: -2.121_944_4e-4) }

    /// 2^k for integer lanes k in [−126, 127], built in the exponent field.
    @inlinable @inline(__always)
    static func powerOfTwo(_ k: Bits) -> Self {
        unsafeBitCast((k &+ 127) &<< 23, to: Self.self)
    }

    /// p·2ⁿ for a whole n (given as the `Float` n and the integer k = n) where the product is a normal
    /// `Float`: `p * powerOfTwo(k)`, or one `vscalefps` where the build has AVX-512 (`LaneMath.h`), the
    /// same bits in three operations fewer (k is then never formed).
    @inlinable @inline(__always)
    static func scaled(_ p: Self, byPowerOfTwo n: Self, _ k: Bits) -> Self {
        lanes_scale_float16(p, n, k)
    }

    /// One Horner step: self·x + c, fused.
    @inlinable @inline(__always)
    func horner(_ x: Self, _ c: Float) -> Self { Self(repeating: c).addingProduct(self, x) }

    /// `magnitude` (non-negative, or NaN) with the sign bit of `x`, so −0 stays −0 (odd functions).
    @inlinable @inline(__always)
    static func copyingSignBit(of x: Self, to magnitude: Self) -> Self {
        typealias Words = SIMD16<UInt32>
        let signBit = unsafeBitCast(x, to: Words.self) & Words(repeating: 1 << 31)
        return unsafeBitCast(unsafeBitCast(magnitude, to: Words.self) | signBit, to: Self.self)
    }

    /// x = n·ln 2 + r with |r| ≤ ln 2/2 (Cody–Waite); n as a float and as integer lanes.
    @inlinable @inline(__always)
    static func reduce(_ x: Self) -> (n: Self, k: Bits, r: Self) {
        let t = roundingMagic.addingProduct(x, Self(repeating: 1.442_695_04))
        let n = t - roundingMagic
        let k = unsafeBitCast(t, to: Bits.self) &- unsafeBitCast(roundingMagic, to: Bits.self)
        let r = x.addingProduct(-n, ln2Hi).addingProduct(-n, ln2Lo)
        return (n, k, r)
    }

    /// e^r − 1 − r for |r| ≤ ln 2/2, as r²·P(r) (Cephes expf coefficients; 0.82 ulp for e^r).
    @inlinable @inline(__always)
    static func expTail(_ r: Self) -> Self {
        let p = polynomial(
            r, (1.987_569_15e-4, 1.398_199_950_7e-3, 8.333_451_907_3e-3, 4.166_579_589_4e-2, 1.666_666_545_9e-1,
                5.000_000_120_1e-1))
        return p * (r * r)
    }

    /// e^x. Measured over all 2³² inputs: 0.977 ulp (at −59.919415); overflows to +∞ above 88.72, flushes to 0 below −103.97,
    /// subnormal results in between (scaled in two steps so that they keep their digits).
    @inlinable @inline(__always)
    static func vectorExp(_ x: Self) -> Self { vectorExp(x, times: Self(repeating: 1)) }

    /// factor·e^x, with the factor applied before the scaling by 2ⁿ, so that a subnormal product keeps
    /// the digits that factor·(e^x) would lose when e^x alone is subnormal (x·eˣ for silu's left tail).
    /// The error is e^x's plus ½ ulp; for factor = 1 it is `vectorExp` (LLVM drops the ×1). Below −110
    /// the argument is clamped, which a large factor would expose (`exp(_:times:)` zeroes those lanes).
    @inlinable @inline(__always)
    static func vectorExp(_ x: Self, times factor: Self) -> Self {
        let clampedX = x.atLeast(Self(repeating: -110)).atMost(Self(repeating: 89))
        let (_, k, r) = reduce(clampedX)
        let p = (expTail(r) + r) + Self(repeating: 1)
        let half = k &>> 1
        return p * factor * powerOfTwo(half) * powerOfTwo(k &- half)
    }

    /// e^x for callers that only need results in the normal range (σ, tanh): the argument is clamped
    /// to [−87.3, 88.3], so 2ⁿ is a normal `Float` and one multiplication scales by it. Wherever e^x is
    /// a normal `Float` the result is bit for bit `vectorExp`'s; below −87.3 it is e^−87.3 ≈ 1.2e−38 in
    /// place of a smaller number, above 88.3 it is e^88.3.
    @inlinable @inline(__always)
    static func vectorExpNormalRange(_ x: Self) -> Self {
        let clampedX = x.atLeast(Self(repeating: -87.3)).atMost(Self(repeating: 88.3))
        let (n, k, r) = reduce(clampedX)
        let p = (expTail(r) + r) + Self(repeating: 1)
        // Scaling by 2ⁿ, rather than adding k to p's exponent bits, keeps a NaN a NaN.
        return scaled(p, byPowerOfTwo: n, k)
    }

    /// e^x − 1 = 2ⁿ·(e^r − 1) + (2ⁿ − 1), exact near 0 and −1 far left. Measured over all 2³²
    /// inputs: 1.569 ulp (at 0.35292163, near ln 2/2 where n = 1 doubles the error of e^r − 1).
    @inlinable @inline(__always)
    static func vectorExpMinusOne(_ x: Self) -> Self {
        guard anyLane(x .> Self(repeating: 88)) else { return expMinusOneBelow88(x) }
        let clampedX = x.atLeast(Self(repeating: -30)).atMost(Self(repeating: 89))
        let (_, k, r) = reduce(clampedX)
        let q = expTail(r) + r
        let half = k &>> 1
        let (s1, s2) = (powerOfTwo(half), powerOfTwo(k &- half))
        let s = s1 * s2
        let ordinary = (s - Self(repeating: 1)).addingProduct(s, q)
        let large = (s1 * (q + Self(repeating: 1))) * s2
        return ordinary.replacing(with: large, where: x .> 88).replacing(with: x, where: x .== 0)
    }

    /// `vectorExpMinusOne` for a vector with no lane above 88: there n ≤ 127, so 2ⁿ is one normal
    /// `Float` and the two-step scaling and the large path drop out; bit for bit the same result.
    @inlinable @inline(__always)
    static func expMinusOneBelow88(_ x: Self) -> Self {
        let (_, k, r) = reduce(x.atLeast(Self(repeating: -30)))
        let s = powerOfTwo(k)
        let ordinary = (s - Self(repeating: 1)).addingProduct(s, expTail(r) + r)
        return ordinary.replacing(with: x, where: x .== 0)
    }

    /// ln(1 + x): 1 + x = 2ᵏ·m with m in [√½, √2), f = m − 1 (or x itself when k = 0),
    /// ln(1 + f) = f − (f²/2 − s(f²/2 + R(s²))), s = f/(2 + f) (fdlibm's log1p), plus the rounding
    /// error of 1 + x as (x − (u − 1))/u. Measured over all 2³² inputs: 0.839 ulp (at 0.40553576).
    @inlinable @inline(__always)
    static func vectorLogOnePlus(_ x: Self) -> Self {
        let one = Self(repeating: 1)
        let u = one + x
        let shifted = unsafeBitCast(u, to: Bits.self) &+ (0x3F80_0000 - 0x3F35_04F3)
        let k = (shifted &>> 23) &- 127
        let m = unsafeBitCast((shifted & 0x007F_FFFF) &+ 0x3F35_04F3, to: Self.self)
        let kf = unsafeBitCast(k &+ 0x4B40_0000, to: Self.self) - roundingMagic
        let kIsZero = kf .== Self(repeating: 0)  // compared as floats: `k .== 0` on Int32 lanes is a lane loop
        let f = (m - one).replacing(with: x, where: kIsZero)
        let c = ((x - (u - one)) / u).replacing(with: Self(repeating: 0), where: kIsZero)
        let y = f - logCore(f, c.addingProduct(kf, ln2Lo))
        let result = y.addingProduct(kf, ln2Hi)
        return specialLogOnePlus(x, u, result)
    }

    /// f²/2 − (s(f²/2 + R) + low), the part of ln(1 + f) after f (fdlibm's Lg1…Lg5, truncated Taylor).
    @inlinable @inline(__always)
    static func logCore(_ f: Self, _ low: Self) -> Self {
        let s = f / (Self(repeating: 2) + f)
        let z = s * s
        let p = polynomial(z, (2.0 / 11.0, 2.0 / 9.0, 2.0 / 7.0, 2.0 / 5.0, 2.0 / 3.0))
        let halfSquare = Self(repeating: 0.5) * f * f
        return halfSquare - low.addingProduct(s, halfSquare + z * p)
    }

    /// ln(1 + e) for e in [0, 1] (NaN gives NaN), as softplus and log-sigmoid need it for e = e^{−|x|}:
    /// 2·artanh(s) with s = e/(2 + e) ≤ ⅓, so no exponent to split off and no second division.
    /// 2 + e is carried in two parts (d + dLow, dLow exact), and s = q + (e − q·d − q·dLow)/d with
    /// q = e/d: the residual e − q·d is exact (a fused multiply-add), and the correction, under half an
    /// ulp of q, is divided by the line (5 − d)/6 instead of d (within 4% on [2, 3]), so s is within
    /// about 0.52 ulp. The series 2s + 2s³/3 + … + 2s¹⁵/15 leaves out under 2⁻²⁹ of the result
    /// (s¹⁶/17 ≤ 9⁻⁸/17). Below 2⁻¹⁰⁰, where the residual e − q·d would leave the normal range (and
    /// lose its exactness), ln(1 + e) = e in `Float`.
    @inlinable @inline(__always)
    static func vectorLogOnePlusUnit(_ e: Self) -> Self {
        let two = Self(repeating: 2)
        let d = two + e
        let dLow = (two - d) + e  // exact: 2 ≥ e
        let q = e / d
        let reciprocal = Self(repeating: 5.0 / 6.0).addingProduct(d, Self(repeating: -1.0 / 6.0))
        let residual = e.addingProduct(-q, d).addingProduct(-q, dLow)
        let s = q.addingProduct(residual, reciprocal)
        let z = s * s
        let p = polynomial(
            z, (2.0 / 15.0, 2.0 / 13.0, 2.0 / 11.0, 2.0 / 9.0, 2.0 / 7.0, 2.0 / 5.0, 2.0 / 3.0))
        let y = (s + s).addingProduct(s, z * p)
        return y.replacing(with: e, where: e .< Self(repeating: 0x1p-100))
    }

    /// ln(1 + x) at the edges: −1 → −∞, below −1 → NaN, +∞ → +∞, ±0 → ±0, NaN → NaN.
    @inlinable @inline(__always)
    static func specialLogOnePlus(_ x: Self, _ u: Self, _ y: Self) -> Self {
        y.replacing(with: -Self(repeating: .infinity), where: u .== 0)
            .replacing(with: Self(repeating: .nan), where: x .< -1)
            .replacing(with: x, where: (x .== .infinity) .| (x .== 0) .| (x .!= x))
    }
}
