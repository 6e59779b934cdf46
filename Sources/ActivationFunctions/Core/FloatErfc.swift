/// Vectorised erfc and the normal distribution for `SIMD16<Float>` (quarantined with `FloatExpLog.swift`).
///
/// For a = |z|: erfc(a) = e^{−a²}·erfcx(a), and erfc(−a) = 2 − erfc(a). The scaled function is
/// erfcx(a) = c + t·Q(t − 3/16) with t = 1/(1 + a/2), one polynomial over all of a in [0, 10.2]
/// (beyond that erfc(a) is below the least `Float`); `Scripts/reference/fit-erfc.py` fits Q (minimax in
/// relative error, coefficients rounded to `Float` one at a time, 0.22 ulp before evaluation).
/// a², t and the last Horner step are carried in two parts, because each would otherwise cost
/// an ulp or more: e^{−a²} amplifies the rounding of a² a²-fold, and Q is steep in t.
extension SIMD16 where Scalar == Float {
    /// The constant c of erfcx(a) = c + t·Q(t − 3/16).
    @usableFromInline static var erfcxConstant: Self { Self(repeating: 8.141_921_2e-6) }
    @usableFromInline static var erfcxCentre: Self { Self(repeating: 0.1875) }

    /// |z|, clamped to 11 so that a² stays finite (erfc(11) is 0 in `Float`); NaN stays NaN.
    @inlinable @inline(__always)
    static func erfcMagnitude(_ z: Self) -> Self {
        let a = z.magnitude
        return a.atMost(Self(repeating: 11))
    }

    /// e^{−a²}, with a² carried exactly. e^{−a²} is subnormal only beyond a ≈ 9.3, so a vector takes
    /// the full e^x (two scaling steps) only when some lane lies there: `vectorExpNormalRange` gives
    /// the same bits wherever the result is normal, so a result never depends on its neighbours.
    @inlinable @inline(__always)
    static func gaussianOfMagnitude(_ a: Self) -> Self {
        let square = DoubleDouble.product(a, a)
        let far = square.hi .> Self(repeating: 87)
        let e = anyLane(far) ? vectorExp(-square.hi) : vectorExpNormalRange(-square.hi)
        return e.addingProduct(-e, square.lo)
    }

    /// t = 1/(1 + a/2) as hi + lo: 1 + a/2 by two-sum, the quotient corrected by its residual.
    @inlinable @inline(__always)
    static func erfcxVariable(_ a: Self) -> DoubleDouble<Self> {
        let one = Self(repeating: 1)
        let d = DoubleDouble.sum(one, Self(repeating: 0.5) * a)
        let t = one / d.hi
        let residual = one.addingProduct(-t, d.hi).addingProduct(-t, d.lo)
        return DoubleDouble(t, t * residual)
    }

    /// erfcx(a) = e^{a²}·erfc(a) for a ≥ 0, as hi + lo (the lo part is unnormalised).
    @inlinable @inline(__always)
    static func scaledErfc(_ a: Self) -> DoubleDouble<Self> {
        let t = erfcxVariable(a)
        let s = (t.hi - erfcxCentre) + t.lo
        let q = polynomial(
            s, (0.027_175_026, -0.160_732_36, 0.356_832_15, -0.312_783_99, -0.006_068_616_6, 0.011_256_106,
                0.234_247_15, 0.360_847_86, 0.395_570_40))
        let last = DoubleDouble.product(q, s)  // the last step, Q = 0.34488365 + q·s, in two parts
        let sum = DoubleDouble.sum(Self(repeating: 0.344_883_65), last.hi)
        let qLow = sum.lo + last.lo
        let product = DoubleDouble.product(t.hi, sum.hi)
        let low = product.lo.addingProduct(t.hi, qLow).addingProduct(t.lo, sum.hi) + erfcxConstant
        return DoubleDouble(product.hi, low)
    }

    /// erfc z. Measured over all 2³² inputs: 2.899 ulp (at 0.8149827); subnormal results within the
    /// least normal number.
    @inlinable @inline(__always)
    static func vectorErfc(_ z: Self) -> Self {
        let a = erfcMagnitude(z)
        let e = gaussianOfMagnitude(a)
        let p = scaledErfc(a)
        let tail = (e * p.lo).addingProduct(e, p.hi)
        return tail.replacing(with: Self(repeating: 2) - tail, where: z .< 0)
    }
}

/// The standard normal distribution in `Float` lanes, the careful path: Φ(x) = ½erfc(z), z = −x/√2 carried as
/// hi + lo (erfc amplifies the rounding of z about 2z²-fold), and erfc(hi + lo) = erfc(hi) − (2/√π)e^{−hi²}·lo.
/// GELU takes it only for lanes beyond |x| = 8; the central path is in `FloatNormal.swift`.
extension SIMD16 where Scalar == Float {
    /// z = −x/√2 as hi + lo; lo is 0 beyond |z| = 11, where Φ is 0 or 1 and lo·x could overflow.
    @inlinable @inline(__always)
    static func normalArgument(_ x: Self) -> DoubleDouble<Self> {
        let z = DoubleDouble.product((hi: 0.7071067811865476, lo: -4.833646656726457e-17), -x)
        return DoubleDouble(z.hi, z.lo.replacing(with: Self(repeating: 0), where: z.hi.magnitude .> 11))
    }

    /// factor·Φ(x). GELU sends it only the lanes beyond |x| = 8 (`vectorNormalCDFWithTails`); the
    /// exhaustive check of x·Φ(x) covers them (3.905 ulp at most over all 2³² inputs, at x = −7.691 on
    /// the central path). When this path served every lane (29 Nov), the same check gave 3.875 ulp, at
    /// x = 0.00094, where 1 − ½erfc(|z|) cancels to ½. In the left tail it is (½factor·erfcx(|z|))·e^{−z²},
    /// so a product that is a normal number keeps its digits where Φ(x) alone would be subnormal;
    /// elsewhere factor·(1 − ½erfc(|z|)).
    @inlinable @inline(__always)
    static func vectorNormalCDF(_ x: Self, times factor: Self) -> Self {
        let z = normalArgument(x)
        let a = erfcMagnitude(z.hi)
        let e = gaussianOfMagnitude(a)
        let p = scaledErfc(a)
        let slopeTimesLow = Self(repeating: 1.128_379_2) * z.lo  // (2/√π)·lo
        let low = p.lo - slopeTimesLow.replacing(with: -slopeTimesLow, where: z.hi .< 0)
        let halfFactor = Self(repeating: 0.5) * factor
        let left = (halfFactor * low).addingProduct(halfFactor, p.hi) * e
        let halfE = Self(repeating: -0.5) * e
        let right = factor * Self(repeating: 1).addingProduct(halfE, low).addingProduct(halfE, p.hi)
        return right.replacing(with: left, where: z.hi .> 0)
    }

    /// φ(x) = e^{−x²/2}/√(2π) = e^{−(hi + lo)²}/√(2π), to first order in lo.
    @inlinable @inline(__always)
    static func vectorNormalDensity(_ x: Self) -> Self {
        let z = normalArgument(x)
        let e = gaussianOfMagnitude(erfcMagnitude(z.hi)) * Self(repeating: 0.398_942_28)
        return e.addingProduct(e, Self(repeating: -2) * (z.hi * z.lo))
    }
}
