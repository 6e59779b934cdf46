/// The normal distribution in `Float` lanes for GELU, fast on the central range |x| ≤ 8.
///
/// Φ(−|x|) = ½e^{−x²/2}·erfcx(|x|/√2), and Φ(|x|) = 1 − Φ(−|x|). Two choices keep it cheap and
/// within GELU's 4 ulp without the double-word arithmetic of the careful path (`FloatErfc.swift`):
/// - −x²/2 is carried in two parts (the exact −|x|/2 times |x|, one fused multiply-add) and the low
///   part is added to e^x's reduced argument, so e^{−x²/2} costs one exponential and no rounded x/√2
///   ever enters;
/// - erfcx is c + t·Q(t − ½) with t = 1/(1 + |x|/4): |x|/4 is exact, 1 + |x|/4 and the quotient are
///   carried in two parts (three fused operations), and t − ½ is exact, so Q sees t's error once.
/// `Scripts/reference/fit-normal-cdf.py` fits Q (degree 8, minimax in relative error, coefficients rounded to
/// `Float` one at a time: 0.055 ulp before evaluation). A vector with a lane beyond |x| = 8 (Φ below
/// 7e−16, or above 1 − 7e−16) takes the careful path for those lanes only; every other lane keeps the
/// central path's bits, so a result never depends on its neighbours.
extension SIMD16 where Scalar == Float {
    /// Beyond this |x| a lane takes the careful path.
    @usableFromInline static var centralLimit: Self { Self(repeating: 8) }

    /// e^{−a²/2} for 0 ≤ a ≤ 8: −a²/2 in two parts, the low part added to the reduced argument
    /// (bit for bit `vectorExpNormalRange` when the low part is 0).
    @inlinable @inline(__always)
    static func centralHalfGaussian(_ a: Self) -> Self {
        let exponent = DoubleDouble.product(Self(repeating: -0.5) * a, a)  // −a²/2 exactly: a/2 is exact
        let (n, k, r) = reduce(exponent.hi)
        let reduced = r + exponent.lo
        return scaled((expTail(reduced) + reduced) + Self(repeating: 1), byPowerOfTwo: n, k)
    }

    /// ½erfcx(a/√2) for 0 ≤ a ≤ 8, from t = 1/(1 + a/4) carried as t + tLow: the fitted c and Q, each
    /// coefficient halved (exact), so that Φ(−a) = ½erfcx·e^{−a²/2} takes no multiply by ½.
    @inlinable @inline(__always)
    static func centralHalfScaledErfc(_ a: Self) -> Self {
        let (one, quarter) = (Self(repeating: 1), Self(repeating: 0.25))
        let d = one.addingProduct(quarter, a)
        let dLow = (one - d).addingProduct(quarter, a)  // exact: 1 − d is exact, and so is the error of d
        let t = one / d
        let tLow = t * one.addingProduct(-t, d).addingProduct(-t, dLow)
        let s = (t - Self(repeating: 0.5)) + tLow
        let q = polynomial(
            s, (0.080_102_05 / 2, -0.140_159_13 / 2, -0.095_279_59 / 2, 0.113_082_23 / 2, 0.486_979_63 / 2,
                0.744_171_7 / 2, 0.775_232_55 / 2, 0.607_417_9 / 2, 0.377_881_94 / 2))
        return Self(repeating: -0.000_119_690_11 / 2).addingProduct(tLow, q).addingProduct(t, q)
    }

    /// factor·Φ(x) for |x| ≤ 8 (other lanes are computed at |x| = 8): with Φ(−|x|) = (½erfcx)·e^{−x²/2}
    /// rounded once more, factor·Φ(−|x|) on the left and factor − factor·Φ(−|x|) (one fused
    /// multiply-add) on the right; x ≤ 0 takes the left, so that x = −0 gives −0·Φ = −0. For x·Φ(x)
    /// (GELU), `Scripts/check/check-float-elementary` over all 2³² inputs: 3.905 ulp at x = −7.691 (the
    /// left arm's two products after e^{−x²/2} and erfcx; an earlier arrangement, ((½x)·erfcx)·e^{−x²/2}
    /// on the left, 3.890 at x = −0.3239, and two more operations).
    @inlinable @inline(__always)
    static func centralNormalCDF(_ x: Self, times factor: Self) -> Self {
        let a = x.magnitude.atMost(centralLimit)
        let tail = centralHalfScaledErfc(a) * centralHalfGaussian(a)  // Φ(−|x|) ≤ ½
        let left = factor * tail
        let right = factor.addingProduct(-factor, tail)
        return right.replacing(with: left, where: x .<= 0)  // at x = −0, the left's −0·Φ = −0 (the right gives +0)
    }

    /// factor·Φ(x): the central path, and the careful one (`vectorNormalCDF`) only in lanes beyond
    /// |x| = 8, computed only for a vector that has such a lane. x = ±∞ is such a lane, so the limits
    /// are set there too: at −∞ a zero with the factor's sign (the careful path's product would be
    /// −∞·0 for GELU); at +∞ the careful path gives the factor by itself.
    @inlinable @inline(__always)
    static func vectorNormalCDFWithTails(_ x: Self, times factor: Self) -> Self {
        let central = centralNormalCDF(x, times: factor)
        let far = x.magnitude .> centralLimit
        guard anyLane(far) else { return central }
        let careful = vectorNormalCDF(x, times: factor)
            .replacing(with: factor.signedZeroOfAny, where: x .== -Self.infinity)
        return central.replacing(with: careful, where: far)
    }

    /// φ(x) = e^{−x²/2}/√(2π): the central path's exponential, the careful one beyond |x| = 8.
    @inlinable @inline(__always)
    static func vectorNormalDensityWithTails(_ x: Self) -> Self {
        let a = x.magnitude.atMost(centralLimit)
        let central = centralHalfGaussian(a) * Self(repeating: 0.398_942_28)
        let far = x.magnitude .> centralLimit
        guard anyLane(far) else { return central }
        return central.replacing(with: vectorNormalDensity(x), where: far)
    }
}
