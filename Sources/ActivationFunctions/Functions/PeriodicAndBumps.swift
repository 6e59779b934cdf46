/// Absolute value: |x|, with derivative sgn x (0 at 0, as in PyTorch).
public struct Absolute: ElementwiseActivation {
    /// Catalog metadata for `absolute` (classic; Sheehan 2017): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "absolute", name: "Absolute value", aliases: ["abs"], family: .periodicAndBumps,
        formula: "|x|", derivative: "sgn x (0 at 0)",
        range: "[0, ∞)", monotonic: false, derivativeMonotonic: true, smoothness: .continuous,
        zeroCentred: .no, identityNearZero: false, kinks: [.at(0)], reference: "classic; Sheehan 2017")
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Creates Absolute; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = |x|, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { x.magnitude }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        select(x .> L(0), L(1), select(x .< L(0), L(-1), L(0)))
    }
}

/// Gaussian: e^{−x²}, a bump (radial basis). x² is carried exactly, so the tails keep their digits.
public struct Gaussian: ElementwiseActivation {
    /// Catalog metadata for `gaussian` (radial basis networks; Wikipedia table): names, formula, derivative,
    /// parameters, properties.
    public static let info = ActivationInfo(
        id: "gaussian", name: "Gaussian", family: .periodicAndBumps,
        formula: "e^{−x²}", derivative: "−2x·e^{−x²}",
        range: "(0, 1]", monotonic: false, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "radial basis networks; Wikipedia table",
        plotDomain: PlotDomain(-4, 4))
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates Gaussian; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = e^{−x²}, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { gaussian(x) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        (L(-2) * (x * gaussian(x))).replacingLimits(of: x, atPlusInfinity: L(0), atMinusInfinity: L(0))
    }
}

/// SQ-RBF: a piecewise-quadratic bump, 1 − x²/2 near 0 and (2 − |x|)²/2 out to ±2.
public struct SQRBF: ElementwiseActivation {
    /// Catalog metadata for `sq-rbf` (Wuraola & Patel 2018): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "sq-rbf", name: "SQ-RBF (square radial basis)", family: .periodicAndBumps,
        formula: "1 − x²/2 if |x| ≤ 1;  (2 − |x|)²/2 if 1 < |x| < 2;  0 if |x| ≥ 2",
        derivative: "−x if |x| ≤ 1;  x − 2·sgn x if 1 < |x| < 2;  0 if |x| ≥ 2",
        range: "[0, 1]", monotonic: false, derivativeMonotonic: false, smoothness: .once,
        zeroCentred: .no, identityNearZero: false, kinks: [], reference: "Wuraola & Patel 2018",
        plotDomain: PlotDomain(-3, 3))
    /// Creates SQRBF; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = 1 − x²/2 if |x| ≤ 1;  (2 − |x|)²/2 if 1 < |x| < 2;  0 if |x| ≥ 2, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let a = x.magnitude
        let gap = L(2) - a
        let inner = L(1) - L(0.5) * x * x
        let outer = L(0.5) * gap * gap
        return select(a .<= L(1), inner, select(a .< L(2), outer, L(0)))
    }
    /// f′(x) = −x if |x| ≤ 1;  x − 2·sgn x if 1 < |x| < 2;  0 if |x| ≥ 2, in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let a = x.magnitude
        let outer = (L(2) - a).withSign(of: -x)
        return select(a .<= L(1), -x, select(a .< L(2), outer, L(0)))
    }
}

/// Sinusoid: sin x. Periodic: every input range maps onto [−1, 1].
public struct Sinusoid: ElementwiseActivation {
    /// Catalog metadata for `sinusoid` (Sitzmann et al. 2020 (SIREN); Sheehan 2017): names, formula, derivative,
    /// parameters, properties.
    public static let info = ActivationInfo(
        id: "sinusoid", name: "Sinusoid", aliases: ["sin"], family: .periodicAndBumps,
        formula: "sin x", derivative: "cos x",
        range: "[−1, 1]", monotonic: false, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .yes, identityNearZero: true, reference: "Sitzmann et al. 2020 (SIREN); Sheehan 2017",
        plotDomain: PlotDomain(-8, 8))
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates Sinusoid; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = sin x, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { L.sin(x) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L.cos(x) }
}

/// Cosine: cos x.
public struct Cosine: ElementwiseActivation {
    /// Catalog metadata for `cos` (classic; Sheehan 2017): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "cos", name: "Cosine", aliases: ["cosine"], family: .periodicAndBumps,
        formula: "cos x", derivative: "−sin x",
        range: "[−1, 1]", monotonic: false, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "classic; Sheehan 2017",
        plotDomain: PlotDomain(-8, 8))
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates Cosine; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = cos x, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { L.cos(x) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { -L.sin(x) }
}
