/// GELU, exact: x·Φ(x) = ½x·erfc(−x/√2). The erfc form keeps the left tail (gelu(−10) = −7.6e−23),
/// and −x/√2 is carried in two parts because erfc amplifies its argument's rounding error by ~2z².
public struct GELU: ElementwiseActivation {
    /// Catalog metadata for `gelu` (Hendrycks & Gimpel 2016): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "gelu", name: "GELU (Gaussian error linear unit, exact)", family: .gated,
        formula: "x·Φ(x) = ½x·(1 + erf(x/√2))", derivative: "Φ(x) + x·φ(x)",
        range: "[−0.16997, ∞)", monotonic: false, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .partly, identityNearZero: false, reference: "Hendrycks & Gimpel 2016")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates GELU; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}

    /// x·Φ(x), with Φ from `ElementaryLanes.normalCDF` (for `Float`: e^{−x²/2}·erfcx with x² in two parts
    /// on |x| ≤ 8, erfc of −x/√2 in two parts beyond), which also gives the limits x at +∞ and −0 at −∞.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { L.normalCDF(x, times: x) }

    /// f′(x) = Φ(x) + x·φ(x), in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let slope = L.normalCDF(x, times: L(1)).addingProduct(x, L.normalDensity(x))
        return slope.replacingLimits(of: x, atPlusInfinity: L(1), atMinusInfinity: L(0))
    }
}

/// The input a gate's argument is computed from: beyond ±10⁵ every gate here is exactly 0 or 1,
/// and clamping keeps x³ and 1.702x from overflowing.
@inline(__always) func gateInput<L: ElementaryLanes>(_ x: L) -> L { x.clamped(L(-1e5), L(1e5)) }

/// x·σ(v) for a gate whose argument v(x) is given in two parts.
@inline(__always) func gated<L: ElementaryLanes>(_ x: L, _ v: DoubleDouble<L>) -> L {
    (x * sigmoid(v)).replacingLimits(of: x, atPlusInfinity: x, atMinusInfinity: L(-0.0))
}

/// The derivative of x·σ(v(x)): σ(v) + x·v′·σ′(v), over the one denominator (1 + e)² with
/// e = e^{−|v|}: σ(v) = s·(1 + e)/(1 + e)² with s = 1 (v ≥ 0) or e (v < 0), and σ′(v) = e/(1 + e)²
/// (`sigmoidSlope`). One division, where σ and 1 − σ each took one. v′ is computed from the clamped
/// input (`gateInput`) and multiplies e before x does, so far out the term is exactly 0, never ∞·0.
/// x = ±∞ makes |v| > 87 in every gate here (silu: ±∞, quick-gelu: ±1.7·10⁵, gelu-tanh: about
/// ±7·10¹³), so the limits are set only for a vector that takes the full eˣ for such a lane; a new
/// gate must keep that true. (An explicit |x| > 1000 guard here made LLVM scalarise the backward loop:
/// 3× slower.)
@inline(__always) func gatedSlope<L: ElementaryLanes>(_ x: L, _ v: L, _ vSlope: L) -> L {
    let exponent = L(0) - v.magnitude
    let far = L.anyLane(exponent .< L(-87))
    let e = far ? L.exp(exponent) : L.expNormalRange(exponent)
    let s = select(v .< L(0), e, L(1))
    let numerator = (x * (vSlope * e)).addingProduct(s, L(1) + e)
    let slope = numerator / L(1).addingProduct(e, e + L(2))
    return far ? slope.replacingLimits(of: x, atPlusInfinity: L(1), atMinusInfinity: L(0)) : slope
}

/// t/6 without a division (a vector division takes several times a multiply-add's throughput):
/// q = t·(1/6), then one correction by the exact residual t − 6q (a fused multiply-add), which leaves
/// q within about ½ ulp of t/6, as the division's own rounding but for rare near-ties.
@inline(__always) func sixth<L: Lanes>(_ t: L) -> L {
    let (six, reciprocal) = (L(6), L(1.0 / 6.0))
    let q = t * reciprocal
    return q.addingProduct(t.addingProduct(-q, six), reciprocal)
}

/// GELU with the tanh approximation: ½x(1 + tanh(√(2/π)(x + 0.044715x³))) = x·σ(2√(2/π)(x + 0.044715x³)).
public struct GELUTanh: ElementwiseActivation {
    /// 2√(2/π) and 0.044715, each as hi + lo.
    static let twoSqrtTwoOverPi = (hi: 1.5957691216057308, lo: -9.96930880911092e-17)
    static let cubic = (hi: 0.044715, lo: 2.1960211427085595e-18)

    /// Catalog metadata for `gelu-tanh` (Hendrycks & Gimpel 2016): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "gelu-tanh", name: "GELU (tanh approximation)", aliases: ["gelu-approximate"], family: .gated,
        formula: "½x·(1 + tanh(√(2/π)·(x + 0.044715x³)))",
        derivative: "½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 0.134145x²),  t = tanh(…)",
        range: "[−0.17004, ∞)", monotonic: false, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .partly, identityNearZero: false, reference: "Hendrycks & Gimpel 2016")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates GELUTanh; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}

    /// 2√(2/π)(x + 0.044715x³) in two parts.
    @inline(__always) func gateArgument<L: ElementaryLanes>(_ input: L) -> DoubleDouble<L> {
        let x = gateInput(input)
        let cube = DoubleDouble.product(x, x).times(x)
        return cube.times(Self.cubic).plus(x).times(Self.twoSqrtTwoOverPi)
    }

    /// f(x) = ½x·(1 + tanh(√(2/π)·(x + 0.044715x³))), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { gated(x, gateArgument(x)) }

    /// f′(x) = ½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 0.134145x²),  t = tanh(…), in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let clamped = gateInput(x)
        let argumentSlope = L(Self.twoSqrtTwoOverPi.hi) * (L(1) + L(3 * Self.cubic.hi) * clamped * clamped)
        return gatedSlope(x, gateArgument(x).hi, argumentSlope)
    }
}

/// QuickGELU: x·σ(1.702x), the sigmoid approximation of GELU used by CLIP and MLX.
public struct QuickGELU: ElementwiseActivation {
    static let scale = (hi: 1.702, lo: 4.263256414560601e-17)

    /// Catalog metadata for `quick-gelu` (Hendrycks & Gimpel 2016; CLIP (2021)): names, formula, derivative,
    /// parameters, properties.
    public static let info = ActivationInfo(
        id: "quick-gelu", name: "QuickGELU (sigmoid GELU)", aliases: ["gelu-sigmoid"], family: .gated,
        formula: "x·σ(1.702x)", derivative: "s + 1.702x·s(1 − s),  s = σ(1.702x)",
        range: "[−0.16361, ∞)", monotonic: false, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .partly, identityNearZero: false, reference: "Hendrycks & Gimpel 2016; CLIP (2021)")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates QuickGELU; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}

    /// f(x) = x·σ(1.702x), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        gated(x, DoubleDouble.product(Self.scale, gateInput(x)))
    }
    /// f′(x) = s + 1.702x·s(1 − s),  s = σ(1.702x), in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        gatedSlope(x, L(Self.scale.hi) * gateInput(x), L(Self.scale.hi))
    }
}

/// SiLU (swish): x·σ(x), the self-gated unit.
public struct SiLU: ElementwiseActivation {
    /// Catalog metadata for `silu` (Hendrycks & Gimpel 2016; Elfwing et al. 2017; Ramachandran et al. 2017): names,
    /// formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "silu", name: "SiLU (sigmoid linear unit, swish)", aliases: ["swish"], family: .gated,
        formula: "x·σ(x)", derivative: "σ(x)·(1 + x·(1 − σ(x)))",
        range: "[−0.27846, ∞)", monotonic: false, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .partly, identityNearZero: false,
        reference: "Hendrycks & Gimpel 2016; Elfwing et al. 2017; Ramachandran et al. 2017")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates SiLU; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = x·σ(x) = x/(1 + e^{−x}), in every lane of `x` (`sigmoid(_:times:)`, which also gives the
    /// limits: +∞ at +∞, −0 at −∞).
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { sigmoid(x, times: x) }
    /// f′(x) = σ(x)·(1 + x·(1 − σ(x))), in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { gatedSlope(x, x, L(1)) }
}

/// Hard swish: x·relu6(x + 3)/6, MobileNetV3's piecewise swish. Exactly x for x ≥ 3.
public struct HardSwish: ElementwiseActivation {
    /// Catalog metadata for `hard-swish` (Howard et al. 2019 (MobileNetV3)): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "hard-swish", name: "Hard swish", aliases: ["hardswish", "hard-silu"], family: .gated,
        formula: "x·relu6(x + 3)/6", derivative: "0 if x ≤ −3;  (2x + 3)/6 if −3 < x < 3;  1 if x ≥ 3",
        range: "[−0.375, ∞)", monotonic: false, derivativeMonotonic: false, smoothness: .continuous,
        zeroCentred: .partly, identityNearZero: false, kinks: [.at(-3), .at(3)],
        reference: "Howard et al. 2019 (MobileNetV3)")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates HardSwish; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = x·relu6(x + 3)/6, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let middle = sixth(x * (x + L(3)))
        return select(x .<= L(-3), L(0), select(x .>= L(3), x, middle))
    }
    /// f′(x) = 0 if x ≤ −3;  (2x + 3)/6 if −3 < x < 3;  1 if x ≥ 3, in every lane of `x`. At the kinks it returns f′ =
    /// 0 at x = -3; f′ = 1 at x = 3.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let middle = sixth(L(2) * x + L(3))
        return select(x .<= L(-3), L(0), select(x .>= L(3), L(1), middle))
    }
}
