/// Vectorised erfc for `SIMD4<Double>` (quarantined with `DoubleExpLog.swift`).
///
/// For a = |z|: erfc(a) = t·e^{−a² + g(u)} with t = K/(2 + a) (Numerical Recipes' variable 2/(2 + a),
/// 3rd edition, §6.2.2, scaled by K = 1.1 so that g is centred on 0), u = s·t + m mapping a in
/// [0, 27.3] onto u in [−1, 1], and g(u) = ln(erfc(a)·e^{a²}/t), a smooth function between −0.6 and
/// 0.6. `Scripts/reference/fit-erfc-double.py` fits g: a truncated Chebyshev series of degree 26 converted to
/// powers of u (their magnitudes add up to 0.75, so Horner cancels nothing), evaluating to within
/// 0.94·2⁻⁵³. The exponent is carried as −a² (exact) plus the rest, which takes in a²'s rounding error
/// and t's, and is reduced as a sum of parts (`vectorExp(hi:lo:times:)`): otherwise e^{−a²} would
/// amplify the rounding of a² a²-fold. erfc(−a) = 2 − erfc(a).
extension SIMD4 where Scalar == Double {
    /// g(u) = ln(erfc(a)·e^{a²}/t), the polynomial from `Scripts/reference/fit-erfc-double.py`.
    @inlinable @inline(__always)
    static func erfcExponent(_ u: Self) -> Self {
        polynomial(
            u, (8.150905297510946e-11, 7.089814064486926e-10, -2.8064876198237866e-09, -3.0119389035527865e-09,
                2.3939651872464267e-08, -1.906058651276961e-08, -8.917619916878807e-08, 2.3317457511192994e-07,
                3.257212645952615e-08, -1.0921754936858039e-06, 1.4832202399792362e-06, 2.5643614961416917e-06,
                -9.648427259928348e-06, 1.7228591598076828e-06, 3.7287330436862894e-05, -4.949208280329116e-05,
                -9.882827265747873e-05, 0.0003018950793018556, 0.0001361167207568537, -0.0014127597730095845,
                0.000416420165036179, 0.006541199607023404, -0.005097843976230844, -0.03977323842407723,
                0.03254891268587948, 0.6321295227130388, -0.027837397276848707))
    }

    /// factor·erfc(a + aLow) for 0 ≤ a ≤ 27.3 and |aLow| within an ulp or so of a: t = K/(2 + a + aLow)
    /// with its rounding error moved into the exponent, the exponent −(a + aLow)² + g(u) carried as
    /// −a² plus the rest, and the factor applied before the last scaling by 2ⁿ, so that a product in the
    /// normal range keeps its digits where erfc alone would be subnormal (GELU's left tail).
    @inlinable @inline(__always)
    static func erfc(_ a: Self, plus aLow: Self, times factor: Self) -> Self {
        let scale = Self(repeating: 1.1)  // K
        let sum = DoubleDouble.sum(Self(repeating: 2), a)
        let d = DoubleDouble(sum.hi, sum.lo + aLow)
        let t = scale / d.hi
        // K/(d.hi + d.lo) = t·(1 + residual/K) to first order, and 1 + ε = e^ε: the correction joins the exponent.
        let residual = scale.addingProduct(-t, d.hi).addingProduct(-t, d.lo) * Self(repeating: 0.909_090_909_090_909_1)
        let u = Self(repeating: -1.146_520_146_520_146_4).addingProduct(t, Self(repeating: 3.902_763_902_763_902_5))
            .addingProduct(t * residual, Self(repeating: 3.902_763_902_763_902_5))
        let square = DoubleDouble.product(a, a)
        let squareLow = square.lo.addingProduct(Self(repeating: 2) * a, aLow)
        return vectorExp(hi: -square.hi, lo: (erfcExponent(u) - squareLow) + residual, times: t * factor)
    }

    /// erfc z. Measured: 2.876 ulp (at 24.34). Beyond |z| = 27.3 erfc is below the least subnormal (or 2 less
    /// than that); NaN stays NaN.
    @inlinable @inline(__always)
    static func vectorErfc(_ z: Self) -> Self {
        let magnitude = z.magnitude
        let a = magnitude.replacing(with: Self(repeating: 27.3), where: magnitude .> 27.3)
        let result = erfc(a, plus: Self(repeating: 0), times: Self(repeating: 1))
        return result.replacing(with: Self(repeating: 2) - result, where: z .< 0)
    }

    /// factor·Φ(x), Φ(x) = ½erfc(z) with z = −x/√2 carried as hi + lo (erfc amplifies the rounding of z
    /// about 2z²-fold). Left of 0 it is erfc(|z|) with ½factor applied before the last scaling; right of
    /// 0, factor·(1 − ½erfc(|z|)). Measured for x·Φ(x) (GELU): 3.689 ulp
    /// (at −27.53).
    @inlinable @inline(__always)
    static func vectorNormalCDF(_ x: Self, times factor: Self) -> Self {
        let z = DoubleDouble.product((hi: 0.7071067811865476, lo: -4.833646656726457e-17), -x)
        let magnitude = z.hi.magnitude
        let beyond = magnitude .> 27.3  // Φ is 0 or 1 there, and lo may be NaN (at ±∞)
        let a = magnitude.replacing(with: Self(repeating: 27.3), where: beyond)
        let aLow = z.lo.replacing(with: -z.lo, where: z.hi .< 0).replacing(with: Self(repeating: 0), where: beyond)
        let left = z.hi .> 0
        let half = Self(repeating: 0.5)
        let c = erfc(a, plus: aLow, times: Self(repeating: 1).replacing(with: half * factor, where: left))
        let right = factor * Self(repeating: 1).addingProduct(-half, c)
        return right.replacing(with: c, where: left)
            .replacing(with: factor.signedZeroOfAny, where: left .& beyond)
    }

    /// φ(x) = e^{−x²/2}/√(2π) = e^{−(hi + lo)²}/√(2π), with (hi + lo)² carried in two parts. Measured:
    /// 1.941 ulp (at 24.61).
    @inlinable @inline(__always)
    static func vectorNormalDensity(_ x: Self) -> Self {
        let z = DoubleDouble.product((hi: 0.7071067811865476, lo: -4.833646656726457e-17), x)
        let square = DoubleDouble.product(z.hi, z.hi)
        let low = square.lo.addingProduct(Self(repeating: 2) * z.hi, z.lo)
        let hi = -square.hi
        let lo = -low.replacing(with: Self(repeating: 0), where: z.hi.magnitude .> 40)
        return vectorExp(hi: hi, lo: lo, times: Self(repeating: 0.398_942_280_401_432_7))
    }
}
