/// Tanh: a sigmoid stretched to (−1, 1), tanh x = 2σ(2x) − 1; zero-centred, with a slope of 1 at 0.
public struct Tanh: OutputDerivative {
    /// Catalog metadata for `tanh` (LeCun et al. 1998): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "tanh", name: "Tanh (hyperbolic tangent)", family: .sigmoidLike,
        formula: "tanh x = (eˣ − e^{−x})/(eˣ + e^{−x})", derivative: "1 − tanh²x",
        range: "(−1, 1)", monotonic: true, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .yes, identityNearZero: true, reference: "LeCun et al. 1998")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates Tanh; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = tanh x = (eˣ − e^{−x})/(eˣ + e^{−x}), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { L.tanh(x) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { sech2(x) }
    /// tanh′ = 1 − y² from y = tanh x, as (1 − y)(1 + y): for |y| ≥ ½ the factor near 0 is exact,
    /// where 1 − y·y would subtract a rounded square and cancel.
    @inline(__always) public func derivative<L: ElementaryLanes>(output y: L) -> L { (L(1) - y) * (L(1) + y) }
}

/// LeCun's scaled tanh: 1.7159·tanh(2x/3), so that f(±1) = ±1.
public struct LeCunTanh: ElementwiseActivation {
    static let amplitude = 1.7159
    /// Catalog metadata for `lecun-tanh` (LeCun et al. 1998 (Efficient BackProp)): names, formula, derivative,
    /// parameters, properties.
    public static let info = ActivationInfo(
        id: "lecun-tanh", name: "LeCun tanh (scaled tanh)", aliases: ["scaled-tanh"], family: .sigmoidLike,
        formula: "1.7159·tanh(2x/3)", derivative: "1.7159·(2/3)·(1 − tanh²(2x/3))",
        range: "(−1.7159, 1.7159)", monotonic: true, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .yes, identityNearZero: false, reference: "LeCun et al. 1998 (Efficient BackProp)")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates LeCunTanh; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = 1.7159·tanh(2x/3), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { L(Self.amplitude) * L.tanh(L(2) * x / L(3)) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        L(Self.amplitude * 2 / 3) * sech2(L(2) * x / L(3))
    }
}

/// Hard tanh: x clamped to [min, max].
public struct HardTanh: ElementwiseActivation {
    /// Catalog metadata for `hard-tanh` (Collobert 2004): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "hard-tanh", name: "Hard tanh", aliases: ["hardtanh"], family: .sigmoidLike,
        formula: "clamp(x, min, max)", derivative: "1 if min < x < max, else 0",
        parameters: [
            ParameterSpec("min", -1, .real, "lower clamp"),
            ParameterSpec("max", 1, .real, "upper clamp"),
        ],
        constraints: [ParameterConstraint("min", lessThan: "max")],
        range: "[min, max]", monotonic: true, derivativeMonotonic: false, smoothness: .continuous,
        zeroCentred: .yes, identityNearZero: true, kinks: [.parameter("min"), .parameter("max")],
        reference: "Collobert 2004")
    /// the parameter `min`: lower clamp (default -1); the parameter `max`: upper clamp (default 1).
    public let lower: Double, upper: Double
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Reads `min`, `max` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { (lower, upper) = (p["min"], p["max"]) }
    /// f(x) = clamp(x, min, max), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { x.clamped(L(lower), L(upper)) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        L.indicator((x .> L(lower)) .& (x .< L(upper)))
    }
}

/// Soft clipping: (1/α)·ln((1 + e^{αx})/(1 + e^{α(x−1)})), a smooth clamp to (0, 1).
/// Computed as ln(1 + r)/α with r = (1 − e^{−α})/(e^{−αx} + e^{−α}), which neither overflows nor
/// cancels; the derivative is σ(αx) − σ(α(x − 1)).
public struct SoftClipping: ElementwiseActivation {
    /// Catalog metadata for `soft-clipping` (Klimek & Perelstein 2018): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "soft-clipping", name: "Soft clipping", family: .sigmoidLike,
        formula: "(1/α)·ln((1 + e^{αx})/(1 + e^{α(x−1)}))", derivative: "σ(αx) − σ(α(x − 1))",
        parameters: [ParameterSpec("alpha", 1, .positive, "sharpness; α → ∞ approaches clamp(x, 0, 1)")],
        range: "(0, 1)", monotonic: true, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "Klimek & Perelstein 2018",
        plotDomain: PlotDomain(-4, 5))
    /// Sharpness; α → ∞ approaches clamp(x, 0, 1) (`alpha`; default 1, valid (0, ∞)).
    public let alpha: Double
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Reads `alpha` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { alpha = p["alpha"] }

    /// f(x) = (1/α)·ln((1 + e^{αx})/(1 + e^{α(x−1)})) = ln(1 + r)/α with r = (1 − e^{−α})/(e^{−αx} + e^{−α}),
    /// in every lane of `x`. The rounding of αx (and in `Float` lanes of α) is applied to first order,
    /// as in `SoftExponential` (130 ulp at α = 0.3, x = −1700, where f ≈ r/α carries e^{αx}'s error).
    /// Where the denominator falls below 2⁻¹²⁶ (α above about 87 and αx too) it lost its digits or
    /// became 0, and f came out ∞ at α = 800, x = 1: those lanes take
    /// f = min(x, 1) − ln(1 + e^{−α|1 − x|})/α, exact there to far below an ulp (the dropped
    /// ln(1 + e^{−αx})/α is below 2⁻¹²⁶/α).
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let a = L.splitting((hi: alpha, lo: 0))
        let eAlpha = L.exp(L(0) - a.hi)
        let numerator = (L(0) - L.expMinusOne(L(0) - a.hi)).addingProduct(eAlpha, a.lo)  // 1 − e^{−α}
        let y = L(0) - a.hi * x
        let yLow = lowPart(of: y, (L(0) - a.hi, L(0) - a.lo), x)
        let denominator = exp(y, low: yLow) + eAlpha.addingProduct(eAlpha, L(0) - a.lo)
        var result = L.log(onePlus: numerator / denominator) / L(alpha)
        // Far left e^{−αx} overflows and r came out 0, where f ≈ r/α = ((1 − e^{−α})/α)·e^{αx} is
        // still a subnormal number (2.8e−309 at x = −710; 0 from −710 in `Double`, −89 in `Float`).
        let overflowed = denominator .== L(.infinity)
        if L.anyLane(overflowed) {
            let tail = (numerator / L(alpha)) * exp(L(0) - y, low: L(0) - yLow)
            result = result.replacing(with: tail, where: overflowed)
        }
        let far = denominator .< L(0x1p-126)
        guard L.anyLane(far) else { return result }
        let near = L.log(onePlus: L.exp(L(0) - a.hi * (L(1) - x).magnitude)) / L(alpha)
        return result.replacing(with: select(x .< L(1), x, L(1)) - near, where: far)
    }

    /// f′(x) = σ(αx) − σ(α(x − 1)), in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        sigmoid(L(alpha) * x) - sigmoid(L(alpha) * (x - L(1)))
    }
}

/// Arctan: tan⁻¹x, bounded by ±π/2.
public struct ArcTan: ElementwiseActivation {
    /// Catalog metadata for `arctan` (classic; Sheehan 2017): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "arctan", name: "ArcTan", aliases: ["atan"], family: .sigmoidLike,
        formula: "tan⁻¹x", derivative: "1/(1 + x²)",
        range: "(−π/2, π/2)", monotonic: true, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .yes, identityNearZero: true, reference: "classic; Sheehan 2017")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates ArcTan; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = tan⁻¹x, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { L.atan(x) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L(1) / (L(1) + x * x) }
}

/// ArSinH: ln(x + √(x² + 1)), unbounded but logarithmic.
public struct ArSinH: ElementwiseActivation {
    /// Catalog metadata for `arsinh` (classic; Wikipedia table): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "arsinh", name: "ArSinH (inverse hyperbolic sine)", aliases: ["asinh"], family: .sigmoidLike,
        formula: "ln(x + √(x² + 1))", derivative: "1/√(x² + 1)",
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .yes, identityNearZero: true, reference: "classic; Wikipedia table")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates ArSinH; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = ln(x + √(x² + 1)), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { L.asinh(x) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L(1) / sqrtSquarePlus(x, L(1)) }
}

/// Softsign: x/(1 + |x|), a polynomially saturating tanh (softsign(±∞) = ±1).
public struct Softsign: ElementwiseActivation {
    /// Catalog metadata for `softsign` (Elliott 1993; Turian et al. 2009): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "softsign", name: "Softsign (ElliotSig)", aliases: ["elliot"], family: .sigmoidLike,
        formula: "x/(1 + |x|)", derivative: "1/(1 + |x|)²",
        range: "(−1, 1)", monotonic: true, derivativeMonotonic: false, smoothness: .once,
        zeroCentred: .yes, identityNearZero: true, reference: "Elliott 1993; Turian et al. 2009")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates Softsign; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = x/(1 + |x|), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        (x / (L(1) + x.magnitude)).replacingLimits(of: x, atPlusInfinity: L(1), atMinusInfinity: L(-1))
    }
    /// f′(x) = 1/(1 + |x|)², in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let d = L(1) + x.magnitude
        return L(1) / (d * d)
    }
}

/// SQNL: a square nonlinearity, x ∓ x²/4 on [−2, 2] and ±1 outside.
public struct SQNL: ElementwiseActivation {
    /// Catalog metadata for `sqnl` (Wuraola & Patel 2018): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "sqnl", name: "SQNL (square nonlinearity)", family: .sigmoidLike,
        formula: "1 if x > 2;  x − x²/4 if 0 ≤ x ≤ 2;  x + x²/4 if −2 ≤ x < 0;  −1 if x < −2",
        derivative: "1 ∓ x/2 on [−2, 2], else 0",
        range: "[−1, 1]", monotonic: true, derivativeMonotonic: false, smoothness: .once,
        zeroCentred: .yes, identityNearZero: true, kinks: [], reference: "Wuraola & Patel 2018",
        plotDomain: PlotDomain(-4, 4))
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates SQNL; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = 1 if x > 2;  x − x²/4 if 0 ≤ x ≤ 2;  x + x²/4 if −2 ≤ x < 0;  −1 if x < −2, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let inner = x * (L(1) - L(0.25) * x.magnitude)
        return select(x .> L(2), L(1), select(x .< L(-2), L(-1), inner))
    }
    /// f′(x) = 1 ∓ x/2 on [−2, 2], else 0, in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let inner = L(1) - L(0.5) * x.magnitude
        return select(x.magnitude .> L(2), L(0), inner)
    }
}
