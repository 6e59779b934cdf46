/// The normal distribution in `Float` lanes for GELU, fast on the central range |x| ≤ 8.
///
/// Φ(−|x|) = ½e^{−x²/2}·erfcx(|x|/√2), and Φ(|x|) = 1 − Φ(−|x|). Two choices keep it cheap and
/// within GELU's 4 ulp without the double-word arithmetic of the careful path (`FloatErfc.swift`):
/// - x² is carried in two parts (one fused multiply-add) and the low part is folded into e^x's
///   reduced argument, so e^{−x²/2} costs one exponential and no rounded x/√2 ever enters;
/// - erfcx is c + t·Q(t − ½) with t = 1/(1 + |x|/4): |x|/4 is exact, 1 + |x|/4 and the quotient are
///   carried in two parts (three fused operations), and t − ½ is exact, so Q sees t's error once.
/// `Scripts/reference/fit-normal-cdf.py` fits Q (degree 8, minimax in relative error, coefficients rounded to
/// `Float` one at a time: 0.055 ulp before evaluation). A vector with a lane beyond |x| = 8 (Φ below
/// 7e−16, or above 1 − 7e−16) takes the careful path for those lanes only; every other lane keeps the
/// central path's bits, so a result never depends on its neighbours.
extension SIMD16 where Scalar == Float {
    /// Beyond this |x| a lane takes the careful path.
    @usableFromInline static var centralLimit: Self { Self(repeating: 8) }

    /// e^{−a²/2} for 0 ≤ a ≤ 8: a² in two parts, the low part added to the reduced argument
    /// (bit for bit `vectorExpNormalRange` when the low part is 0).
    @inlinable @inline(__always)
    static func centralHalfGaussian(_ a: Self) -> Self {
        let square = DoubleDouble.product(a, a)
        let minusHalf = Self(repeating: -0.5)
        let (_, k, r) = reduce(minusHalf * square.hi)
        let reduced = r.addingProduct(minusHalf, square.lo)
        return ((expTail(reduced) + reduced) + Self(repeating: 1)) * powerOfTwo(k)
    }

    /// erfcx(a/√2) for 0 ≤ a ≤ 8, from t = 1/(1 + a/4) carried as t + tLow.
    @inlinable @inline(__always)
    static func centralScaledErfc(_ a: Self) -> Self {
        let (one, quarter) = (Self(repeating: 1), Self(repeating: 0.25))
        let d = one.addingProduct(quarter, a)
        let dLow = (one - d).addingProduct(quarter, a)  // exact: 1 − d is exact, and so is the error of d
        let t = one / d
        let tLow = t * one.addingProduct(-t, d).addingProduct(-t, dLow)
        let s = (t - Self(repeating: 0.5)) + tLow
        var q = Self(repeating: 0.080_102_05)
        q = q.horner(s, -0.140_159_13)
        q = q.horner(s, -0.095_279_59)
        q = q.horner(s, 0.113_082_23)
        q = q.horner(s, 0.486_979_63)
        q = q.horner(s, 0.744_171_7)
        q = q.horner(s, 0.775_232_55)
        q = q.horner(s, 0.607_417_9)
        q = q.horner(s, 0.377_881_94)
        return Self(repeating: -0.000_119_690_11).addingProduct(tLow, q).addingProduct(t, q)
    }

    /// factor·Φ(x) for |x| ≤ 8 (other lanes are computed at |x| = 8): (½factor·erfcx)·e^{−x²/2} on
    /// the left, factor·(1 − ½e^{−x²/2}·erfcx) on the right. For x·Φ(x) (GELU), a C model of these
    /// same operations (fmaf, the same constants) checked against `Double` erfc over every `Float` with
    /// |x| ≤ 8: 3.890 ulp at x = −0.3239 (erfcx's Horner steps near t = 1 and e^{−x²/2} together);
    /// `Scripts/check/check-float-elementary` is the check of this code over all 2³² inputs.
    @inlinable @inline(__always)
    static func centralNormalCDF(_ x: Self, times factor: Self) -> Self {
        let a = x.magnitude.atMost(centralLimit)
        let e = centralHalfGaussian(a)
        let r = centralScaledErfc(a)
        let left = (Self(repeating: 0.5) * factor * r) * e
        let right = factor * Self(repeating: 1).addingProduct(Self(repeating: -0.5) * e, r)
        return right.replacing(with: left, where: x .< 0)
    }

    /// factor·Φ(x): the central path, and the careful one (`vectorNormalCDF`) only in lanes beyond
    /// |x| = 8, computed only for a vector that has such a lane.
    @inlinable @inline(__always)
    static func vectorNormalCDFWithTails(_ x: Self, times factor: Self) -> Self {
        let central = centralNormalCDF(x, times: factor)
        let far = x.magnitude .> centralLimit
        guard anyLane(far) else { return central }
        return central.replacing(with: vectorNormalCDF(x, times: factor), where: far)
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
