/// Softplus: (1/β)·ln(1 + e^{βx}), the smooth ReLU. The exact function: no linear shortcut above a
/// threshold (PyTorch returns x there), so softplus(20.5) keeps its 1.25e−9.
public struct Softplus: ElementwiseActivation {
    /// Catalog metadata for `softplus` (Dugas et al. 2001): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "softplus", name: "Softplus", family: .smoothRectifiers,
        formula: "(1/β)·ln(1 + e^{βx})", derivative: "σ(βx)",
        parameters: [ParameterSpec("beta", 1, .positive, "sharpness; β → ∞ approaches ReLU")],
        range: "(0, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "Dugas et al. 2001")
    /// Sharpness; β → ∞ approaches ReLU (`beta`; default 1, valid (0, ∞)).
    public let beta: Double
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Reads `beta` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such values
    /// with ranges checked).
    public init(_ p: ParameterValues) { beta = p["beta"] }
    /// max(x, 0) + ln(1 + e^{−β|x|})/β: the same function, without overflowing βx. The division is
    /// skipped for β = 1 (dividing by 1 is exact), and e^{−β|x|} takes the two-step scaling of
    /// subnormal results only for a vector that holds such a lane (the same bits either way).
    /// For β ≠ 1 the product β|x| is rounded (and in `Float` lanes so is β), and e^{−β|x|} would carry
    /// that rounding magnified |βx|-fold (292 ulp at β = 10, x = −65.1; 11 ulp in `Float` at β = 0.1,
    /// x = −700): what was lost is recovered (`lowPart`) and applied to first order,
    /// e^{y + low} = e^y(1 + low). For β = 1 nothing is lost; for β a power of 2 it is 0 (the same bits).
    /// For β < 1, where e^{−β|x|} falls below 2⁻¹²⁶ its last digits are gone (a subnormal number, in
    /// `Float` lanes) while e^{−β|x|}/β may still be normal: those lanes take `farTail`. A β below
    /// `Float`'s range is 0 in its lanes, where ±∞·0 is NaN: those lanes (e is NaN) take the same rare
    /// path, which puts the limits at ±∞ back. β = 1 takes none of it.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let b = L.splitting((hi: beta, lo: 0))
        let a = x.magnitude
        let y = -b.hi * a
        var e = exp(rarelyOutsideNormalRange: y)
        let low = beta == 1 ? L(0) : lowPart(of: y, (-b.hi, -b.lo), a)
        if beta != 1 { e = e.addingProduct(e, low) }
        let tail = logOnePlusUnit(e)
        let result = x.positivePart + (beta == 1 ? tail : tail / L(beta))
        guard beta < 1 else { return result }
        let far = .!(e .>= L(0x1p-126))  // NaN lanes too: x NaN, or ±∞ where β is 0 in `Float`
        guard L.anyLane(far) else { return result }
        return result.replacing(with: x.positivePart + farTail(y, low), where: far)
            .replacingLimits(of: x, atPlusInfinity: L(.infinity), atMinusInfinity: L(0))
    }

    /// ln(1 + e^{y + low})/β where e^y < 2⁻¹²⁶ (so ln(1 + t) = t to far below an ulp). With β = m·2ᵉ
    /// (1 ≤ m < 2) and k = 64 − e, e^y/β = e^{y + k ln 2}/(m·2⁶⁴): the exponential is taken k·ln 2 higher,
    /// where it is normal wherever the result is (e^{y + k ln 2} = result·m·2⁶⁴), and the quotient is
    /// scaled back by 2⁻⁶⁴ (exact while the result is normal). y + k ln 2 is carried in two parts (the
    /// sum's error by two-sum, k ln 2's own low part, `low`), applied to first order as in `value`.
    /// Without this path: 781 ulp at β = 0.001, x = −714 650; with k fixed at 64, digits were still lost
    /// for β below about 2⁻⁶⁴ (10⁻⁸ relative at β = 10⁻³⁰, x = −7.7·10³²). k ≤ 64 + 1074, so
    /// y + k ln 2 ≤ 702 (< 709, where e^x overflows) in `Double`; in `Float` lanes βx reaches −87 only
    /// for β above 87/2¹²⁸ ≈ 2⁻¹²², so k ≤ 186 and y + k ln 2 ≤ 42 (< 88).
    @inline(__always) func farTail<L: ElementaryLanes>(_ y: L, _ low: L) -> L {
        let (s, error) = plusMultipleOfLn2(y, low: low, Double(64 - Int(beta.exponent)))
        let e = exp(rarelyOutsideNormalRange: s)
        let scaled = e.addingProduct(e, error.replacing(with: L(0), where: y .== L(-.infinity)))
        return scaled / L(beta.significand) * L(0x1p-64)
    }

    /// f′(x) = σ(βx), in every lane of `x`; for β ≠ 1 with what the rounding of βx lost applied to first
    /// order, σ(z + low) = σ(z) + σ(z)(1 − σ(z))·low, as in `value`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let b = L.splitting((hi: beta, lo: 0))
        let z = b.hi * x
        let s = sigmoid(z)
        guard beta != 1 else { return s }
        // The limits at ±∞ put back: β·(±∞) is NaN where β is 0 in `Float` lanes (β below 10⁻⁴⁵).
        return s.addingProduct(s * (L(1) - s), lowPart(of: z, b, x))
            .replacingLimits(of: x, atPlusInfinity: L(1), atMinusInfinity: L(0))
    }
}

/// (b.hi + b.lo)·c − product, where `product` is b.hi·c rounded: the product's rounding error
/// (exact, one fused multiply-add) plus b.lo·c. 0 where the product is infinite (the difference
/// would be ∞ − ∞, and e^y or σ there needs no correction). Softplus, soft-exponential and soft
/// clipping apply it where an exponential would magnify the rounding of a parameter times x.
@inline(__always) func lowPart<L: ElementaryLanes>(of product: L, _ b: (hi: L, lo: L), _ c: L) -> L {
    ((L(0) - product).addingProduct(b.hi, c) + b.lo * c)
        .replacing(with: L(0), where: product.magnitude .== L(.infinity))
}

/// y + low + k·ln 2 for a whole number k, as s + error: the sum rounded, and what it lost (two-sum)
/// with k ln 2's own low part and `low`. Softplus's far tail and soft-exponential's overflow take their
/// exponential k·ln 2 away from where it would leave the normal range, and scale the result back.
@inline(__always) func plusMultipleOfLn2<L: ElementaryLanes>(_ y: L, low: L, _ k: Double) -> (s: L, error: L) {
    let ln2 = (hi: 0x1.62e42fefa39efp-1, lo: 0x1.abc9e3b39803fp-56)
    let kHi = k * ln2.hi
    let shift = L.splitting((hi: kHi, lo: (-kHi).addingProduct(k, ln2.hi) + k * ln2.lo))
    let s = y + shift.hi
    let back = s - y
    return (s, ((y - (s - back)) + (shift.hi - back)) + shift.lo + low)
}

/// e^{y + low} = e^y(1 + low) to first order, for `low` below an ulp of y; e^y itself where it is ∞.
@inline(__always) func exp<L: ElementaryLanes>(_ y: L, low: L) -> L {
    let e = L.exp(y)
    return e.addingProduct(e, low).replacing(with: e, where: e .== L(.infinity))
}

/// Squareplus: (x + √(x² + b))/2, an algebraic softplus. For x < 0 it is computed as
/// (b/2)/(√(x² + b) − x), which does not cancel.
public struct Squareplus: ElementwiseActivation {
    /// Catalog metadata for `squareplus` (Barron 2021): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "squareplus", name: "Squareplus", family: .smoothRectifiers,
        formula: "(x + √(x² + b))/2", derivative: "½(1 + x/√(x² + b))",
        parameters: [ParameterSpec("b", 4, .positive, "curvature near 0; b → 0 approaches ReLU")],
        range: "(0, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "Barron 2021")
    /// Curvature near 0; b → 0 approaches ReLU (`b`; default 4, valid (0, ∞)).
    public let b: Double
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Reads `b` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such values
    /// with ranges checked).
    public init(_ p: ParameterValues) { b = p["b"] }

    /// f(x) = (x + √(x² + b))/2, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let root = sqrtSquarePlus(x, L(b))
        return select(x .>= L(0), L(0.5) * x + L(0.5) * root, leftArm(x, root))
    }

    /// f′(x) = ½(1 + x/√(x² + b)), in every lane of `x`; for x below −√(x² + b)/2, where 1 + x/√(x² + b)
    /// would cancel, (b/2)/(√(x² + b)·(√(x² + b) − x)), halved as in `leftArm`. The product ≈ 2x²
    /// overflows beyond |x| ≈ 10¹⁵⁴, where the slope b/(4x²) is below the smallest normal number
    /// anyway: 0 there is within its bound (4ε). Nearer 0 the first form needs no b/4, which underflowed
    /// to 0 for the smallest b (5e−324) and made 0/0 = NaN at x = −10⁻³⁰⁰ for a slope of ½.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let root = sqrtSquarePlus(x, L(b))
        let right = L(0.5) * (L(1) + x / root)
        let left = L(0.25 * b) / ((L(0.5) * root - L(0.5) * x) * root)
        return select(x .>= L(-0.5) * root, right, left).replacingLimits(of: x, atPlusInfinity: L(1), atMinusInfinity: L(0))
    }

    /// f(x) for x < 0 without the cancellation of x + √(x² + b): (b/2)/(√(x² + b) − x), both halved, so
    /// that the difference (≈ 2|x|) stays finite up to the largest x (it overflowed below −9·10³⁰⁷, and
    /// below −1.7·10³⁸ in `Float`, giving 0 for a value of about b/(4|x|)). Halving is exact, so the
    /// quotient is bit for bit the unhalved one wherever that one is finite (subnormal terms aside).
    @inline(__always) func leftArm<L: ElementaryLanes>(_ x: L, _ root: L) -> L {
        L(0.25 * b) / (L(0.5) * root - L(0.5) * x)
    }
}

/// Sparse plus: 0, then the parabola (x + 1)²/4 on (−1, 1), then x: a C¹ ReLU with a quadratic joint.
public struct SparsePlus: ElementwiseActivation {
    /// Catalog metadata for `sparse-plus` (Keras 3 / JAX sparse_plus (2024)): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "sparse-plus", name: "Sparse plus", family: .smoothRectifiers,
        formula: "0 if x ≤ −1;  ¼(x + 1)² if −1 < x < 1;  x if x ≥ 1",
        derivative: "0 if x ≤ −1;  ½(x + 1) if −1 < x < 1;  1 if x ≥ 1",
        range: "[0, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .once,
        zeroCentred: .no, identityNearZero: false, reference: "Keras 3 / JAX sparse_plus (2024)",
        plotDomain: PlotDomain(-3, 3))
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates SparsePlus; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = 0 if x ≤ −1;  ¼(x + 1)² if −1 < x < 1;  x if x ≥ 1, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let shifted = x + L(1)
        let parabola = L(0.25) * shifted * shifted
        return select(x .<= L(-1), L(0), select(x .>= L(1), x, parabola))
    }
    /// f′(x) = 0 if x ≤ −1;  ½(x + 1) if −1 < x < 1;  1 if x ≥ 1, in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        select(x .<= L(-1), L(0), select(x .>= L(1), L(1), L(0.5) * (x + L(1))))
    }
}

/// Soft exponential: interpolates logarithm (α < 0), identity (α = 0) and exponential (α > 0).
/// For α < 0 it is defined only for x > 1/α − α; outside that it is NaN, like ln of a negative.
///
/// Accuracy: for α > 0 the function crosses zero at x₀ = ln(1 − α²)/α, where e^{αx} − 1 and −α²
/// cancel; there the error is about ε·α absolute rather than 4 ulp relative (measured 4.6 ulp at
/// α = 0.5). Everywhere else, and for α ≤ 0, it is within 4 ulp.
///
/// ∂f/∂α = (αx·e^{αx} − (e^{αx} − 1))/α² + 1 for α > 0; ln(1 − α(x + α))/α² + (x + 2α)/(α(1 − α(x + α)))
/// for α < 0; and near α = 0 (|α| < 10⁻⁶, where both branches cancel) its limit 1 + x²/2.
public struct SoftExponential: LearnableActivation {
    /// Catalog metadata for `soft-exponential` (Godfrey & Gashler 2015): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "soft-exponential", name: "Soft exponential", family: .smoothRectifiers,
        formula: "−ln(1 − α(x + α))/α if α < 0;  x if α = 0;  (e^{αx} − 1)/α + α if α > 0",
        derivative: "1/(1 − α(α + x)) if α < 0;  e^{αx} if α ≥ 0",
        parameters: [ParameterSpec("alpha", 0, .real, "interpolation: <0 log-like, 0 identity, >0 exp-like")],
        range: "(−∞, ∞) for α ≤ 0;  (α − 1/α, ∞) for α > 0", monotonic: true, derivativeMonotonic: true,
        smoothness: .infinitely, zeroCentred: .partly, identityNearZero: true,
        reference: "Godfrey & Gashler 2015")
    /// Interpolation: <0 log-like, 0 identity, >0 exp-like (`alpha`; default 0).
    public let alpha: Double
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Reads `alpha` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { alpha = p["alpha"] }

    /// f(x) = −ln(1 − α(x + α))/α if α < 0;  x if α = 0;  (e^{αx} − 1)/α + α if α > 0, in every lane of `x`.
    /// For α > 0 the product αx is rounded (and in `Float` lanes so is α), and e^{αx} would carry that
    /// rounding magnified |αx|-fold (128 ulp at α = 0.3, x = 1613; 137 at α = 30, x = 9.2): what was
    /// lost (`lowPart`) is applied to first order, e^{y + low} − 1 = (e^y − 1) + e^y·low. α's own low
    /// part (`Float` lanes) is kept in the division and the sum too: near the zero crossing the sum
    /// cancels, and Float(α) alone was 1.5 times the exception's bound off at α = 0.3. For α > 1, where
    /// e^{αx} overflows but (e^{αx} − 1)/α need not (α = 30, x = 23.77 gave ∞ for 1.5e308), those lanes
    /// take `exponentialOverAlpha`.
    /// For α < 0, f = −ln(1 + u)/α with u = −α(x + α), where 1 + u ≥ ½. x + α is exact near x = −α,
    /// where f crosses 0, in `Float` lanes too (α in two parts: Float(α) alone was 25 ulp off at
    /// α = −0.3). Where |u| < 2⁻²⁷ it is the series (x + α)(1 − u/2), within u²/3: for α = −10⁻³⁰⁰, u went
    /// subnormal or to 0 and f(x) came out 0 for every x near 0. Nearer the pole, where 1 + u =
    /// 1 − α(α + x) falls towards 0 and would cancel, it is −ln(`poleDistance`)/α; where u overflows,
    /// −(ln(−α) + ln(x + α))/α.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        if alpha < 0 {
            let a = L.splitting((hi: alpha, lo: 0))
            let sum = (x + a.hi) + a.lo  // x + α
            let u = L(0) - a.hi * sum
            let series = sum.addingProduct(sum, L(-0.5) * u)
            var result = (L(0) - L.log(onePlus: u) / a.hi).replacing(with: series, where: u.magnitude .< L(0x1p-27))
            // Where −α(x + α) overflows (x = 10³⁰⁸ at α = −10 gave ∞ for 71.2), ln u = ln(−α) + ln(x + α).
            let over = u .== L(.infinity)
            if L.anyLane(over) {
                result = result.replacing(with: L(0) - (L.log(L(0) - a.hi) + L.log(sum)) / a.hi, where: over)
            }
            let d = poleDistance(x)
            let near = d .< L(0.5)
            guard L.anyLane(near) else { return result }
            return result.replacing(with: L(0) - L.log(d) / a.hi, where: near)
        }
        guard alpha > 0 else { return x }
        let split = L.splitting((hi: alpha, lo: 0))
        let y = split.hi * x
        let low = lowPart(of: y, split, x)
        let m = L.expMinusOne(y)
        let corrected = m.addingProduct(m + L(1), low).replacing(with: m, where: m .== L(.infinity))
        let q = corrected / split.hi
        // (q + hi) + lo − q·lo/hi: the quotient by hi + lo and the sum with it, to first order in lo.
        let lowTerm = (split.lo - q * (split.lo / split.hi)).replacing(with: L(0), where: q .== L(.infinity))
        // Where |αx| < 2⁻²⁷, (e^{αx} − 1)/α = x(1 + αx/2) to within (αx)²/6: for α = 10⁻³⁰⁰, αx
        // went subnormal or to 0, and the quotient lost every digit (−1e-30 gave +1e-300).
        let small = (x * (L(1) + L(0.5) * y) + split.hi) + split.lo
        let result = ((q + split.hi) + lowTerm).replacing(with: small, where: y.magnitude .< L(0x1p-27))
        guard alpha > 1 else { return result }  // for α ≤ 1, e^{αx} overflowing means f does
        let over = m .== L(.infinity)
        guard L.anyLane(over) else { return result }
        return result.replacing(with: exponentialOverAlpha(y, low), where: over)
            .replacing(with: L(.infinity), where: x .== L(.infinity))
    }

    /// 1 − α(α + x) for α < 0, to within a few ulp where it nears 0 (x near the pole 1/α − α). Written as
    /// the formula reads, 1 − α(α + x) rounds α + x and the product, and near the pole their errors
    /// (about ε) are all that is left: f′ was 10¹⁵ ulp off one `Double` from the pole at α = −0.3, and
    /// 2⁵³ against 1.4·10¹⁶ at α = −10⁻³⁰⁰. In `Float` lanes α is carried in two parts, hi + lo.
    /// - For |α| ≥ √2 the pole is within a factor of 2 of −α, so there x + α is exact (Sterbenz) and
    ///   1 − α(x + α) is one fused multiply-add; α's low part adds lo·(α + (x + α)). (The form below
    ///   cannot hold 1 − α² for large α: the 1 was lost at α = −10¹⁷, and α² overflows beyond 10¹⁵⁴.)
    /// - Below, c = 1 − α² is a two-part constant (α² by a fused product's error, 1 − α² by two-sum,
    ///   the two parts renormalised: near α = −1 the error of α² is as large as c's last bit, and
    ///   f′ was 5·10⁶ ulp off at α = −0.9999999) and α·x is fused into c's high part.
    /// Where the fused part is ±∞ (x = ±∞, or a product beyond the type) the low terms, 0·∞ or ∞ − ∞,
    /// are left out: that part is the limit.
    /// In `Float` lanes the two parts of α leave an error of about 2⁻⁴⁷ (α's third part, and the low
    /// products' rounding): a lane where the distance comes out within 2⁻²⁴ of 0 is taken again in
    /// `Double`. Such a lane is a `Float` x next to a pole that falls almost on a `Float`: at α = −10⁻⁸,
    /// x = −10⁸ lies 10⁻⁸ past the pole, where f is NaN, and came out finite (f′ 2.25·10¹⁵); at
    /// α = −10⁻¹⁰, x = −10¹⁰ came out −∞ (the pole itself). With f′ = 1/d, an absolute error ε in d is
    /// ε/d relative, so below 2⁻²⁴ even a finite answer could be more than the 4 ulp off.
    @inline(__always) func poleDistance<L: ElementaryLanes>(_ x: L) -> L {
        let d = twoPartPoleDistance(x)
        let inFloatLanes = L.anyLane(L(1) + L(0x1p-30) .== L(1))  // a Float's 24 bits lose 2⁻³⁰ beside 1
        guard inFloatLanes else { return d }
        let unresolved = d.magnitude .< L(0x1p-24)
        guard L.anyLane(unresolved) else { return d }
        return d.replacing(with: x.laneByLaneInDouble { twoPartPoleDistance($0) }, where: unresolved)
    }

    /// `poleDistance` in the lanes' own precision (α in two parts in `Float` lanes).
    @inline(__always) func twoPartPoleDistance<L: ElementaryLanes>(_ x: L) -> L {
        let a = L.splitting((hi: alpha, lo: 0))
        let main: L, low: L
        if alpha.magnitude >= 2.0.squareRoot() {
            let sum = x + a.hi
            main = L(1).addingProduct(L(0) - a.hi, sum)
            low = L(0) - a.lo * (a.hi + sum)
        } else {
            let square = alpha * alpha
            let squareError = (-square).addingProduct(alpha, alpha)  // α² = square + squareError exactly
            let high = 1 - square
            let part = high - 1  // two-sum (Knuth): 1 − square = high + rounding exactly
            let rounding = (1 - (high - part)) + (-square - part)
            let (rest, normalised) = (rounding - squareError, high + (rounding - squareError))
            let c = L.splitting((hi: normalised, lo: rest - (normalised - high)))
            main = c.hi.addingProduct(L(0) - a.hi, x)
            low = c.lo - a.lo * x
        }
        return main + low.replacing(with: L(0), where: main.magnitude .== L(.infinity))
    }

    /// e^{y + low}/α for lanes where e^y overflows and α > 1: with α = m·2ᵉ (1 ≤ m < 2) and k = e + 1,
    /// e^{y + low}/α = e^{y − k ln 2 + low}/(m/2), whose exponential stays in range wherever the
    /// quotient does (m/2 < 1). y − k ln 2 is carried in two parts (two-sum, k ln 2's own low part), as
    /// in `Softplus.farTail`. The + α of f is added back (it dominates for α beyond about 10¹⁴⁶, 10¹⁶ in
    /// `Float`), the − 1/α (below 1) is not.
    @inline(__always) func exponentialOverAlpha<L: ElementaryLanes>(_ y: L, _ low: L) -> L {
        let (s, error) = plusMultipleOfLn2(y, low: low, -Double(Int(alpha.exponent) + 1))
        return exp(s, low: error) / L(alpha.significand / 2) + L(alpha)
    }

    /// f′(x) = 1/(1 − α(α + x)) if α < 0;  e^{αx} if α ≥ 0, in every lane of `x`. For α < 0, f is
    /// defined only where 1 − α(α + x) > 0 (x > α − 1/α); below it f is NaN, and so is f′ (the
    /// formula alone would give a finite, negative slope there).
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        if alpha < 0 {
            let inner = poleDistance(x)
            return (L(1) / inner).replacing(with: L(.nan), where: inner .< L(0))
        }
        if alpha > 0 {
            let split = L.splitting((hi: alpha, lo: 0))
            let y = split.hi * x
            return exp(y, low: lowPart(of: y, split, x))
        }
        return L(1)
    }

    /// [∂f/∂α], in every lane of `x`: the closed forms in the type's description, and 1 + x²/2 for |α| < 10⁻⁶.
    public func parameterGradients<L: ElementaryLanes>(_ x: L) -> [L] {
        let a = L(alpha)
        if abs(alpha) < 1e-6 { return [L(1).addingProduct(L(0.5) * x, x)] }
        if alpha > 0 {
            let ax = a * x
            return [(ax * L.exp(ax) - L.expMinusOne(ax)) / (a * a) + L(1)]
        }
        let inner = L(1) - a * (x + a)
        return [L.log(onePlus: -a * (x + a)) / (a * a) + (x + L(2) * a) / (a * inner)]
    }
}

/// Bent identity: (√(x² + 1) − 1)/2 + x, an identity with a gentle bend, written without cancellation.
public struct BentIdentity: ElementwiseActivation {
    /// Catalog metadata for `bent-identity` (classic; Sheehan 2017): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "bent-identity", name: "Bent identity", family: .smoothRectifiers,
        formula: "(√(x² + 1) − 1)/2 + x", derivative: "x/(2√(x² + 1)) + 1",
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .infinitely,
        zeroCentred: .partly, identityNearZero: true, reference: "classic; Sheehan 2017")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates BentIdentity; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}

    /// f(x) = (√(x² + 1) − 1)/2 + x, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let root = sqrtSquarePlus(x, L(1))
        // √(x²+1) − 1 = x²/(√(x²+1) + 1), and for x < −1, √(x²+1) + x = 1/(√(x²+1) − x).
        let nearZero = x.addingProduct(x, L(0.5) * (x / (root + L(1))))
        let farLeft = L(0.5) * (L(1) / (root - x) + (x - L(1)))
        return select(x .< L(-1), farLeft, nearZero).replacingLimits(
            of: x, atPlusInfinity: x, atMinusInfinity: x)
    }

    /// f′(x) = x/(2√(x² + 1)) + 1, in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let slope = L(0.5) * (x / sqrtSquarePlus(x, L(1))) + L(1)
        return slope.replacingLimits(of: x, atPlusInfinity: L(1.5), atMinusInfinity: L(0.5))
    }
}
