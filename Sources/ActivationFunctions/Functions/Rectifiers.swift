/// ReLU: max(0, x). Cheap, sparse (about half the units output exactly 0), but a unit whose input
/// stays negative never recovers: it dies.
public struct ReLU: ElementwiseActivation {
    /// Catalog metadata for `relu` (Nair & Hinton 2010): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "relu", name: "ReLU (rectified linear unit)", aliases: ["rectifier"], family: .rectifiers,
        formula: "max(0, x)", derivative: "1 if x > 0, else 0",
        range: "[0, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .continuous,
        zeroCentred: .no, identityNearZero: false, kinks: [.at(0)], reference: "Nair & Hinton 2010")
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Creates ReLU; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = max(0, x), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { x.positivePart }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L.indicator(x .> L(0)) }
}

/// ReLU6: ReLU capped at 6, as in MobileNet.
public struct ReLU6: ElementwiseActivation {
    /// Catalog metadata for `relu6` (Krizhevsky 2010; Howard et al. 2017 (MobileNet)): names, formula, derivative,
    /// parameters, properties.
    public static let info = ActivationInfo(
        id: "relu6", name: "ReLU6 (capped ReLU)", family: .rectifiers,
        formula: "min(max(0, x), 6)", derivative: "1 if 0 < x < 6, else 0",
        range: "[0, 6]", monotonic: true, derivativeMonotonic: false, smoothness: .continuous,
        zeroCentred: .no, identityNearZero: false, kinks: [.at(0), .at(6)],
        reference: "Krizhevsky 2010; Howard et al. 2017 (MobileNet)", plotDomain: PlotDomain(-3, 9))
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Creates ReLU6; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = min(max(0, x), 6), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { x.clamped(L(0), L(6)) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        L.indicator((x .> L(0)) .& (x .< L(6)))
    }
}

/// Squared ReLU: max(0, x)², from the Primer architecture search.
public struct SquaredReLU: ElementwiseActivation {
    /// Catalog metadata for `squared-relu` (So et al. 2021 (Primer)): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "squared-relu", name: "Squared ReLU", aliases: ["relu2"], family: .rectifiers,
        formula: "max(0, x)²", derivative: "2·max(0, x)",
        range: "[0, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .once,
        zeroCentred: .no, identityNearZero: false, reference: "So et al. 2021 (Primer)",
        plotDomain: PlotDomain(-3, 3))
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates SquaredReLU; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = max(0, x)², in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let r = x.positivePart
        return r * r
    }
    /// f′(x) = 2·max(0, x), in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L(2) * x.positivePart }
}

/// x for x > 0, else slope·x; the derivative at 0 is the slope (PyTorch's convention), so a zero
/// slope gives exactly ReLU.
@inline(__always) func leaky<L: ElementaryLanes>(_ x: L, slope: Double) -> L { select(x .> L(0), x, L(slope) * x) }

@inline(__always) func leakySlope<L: ElementaryLanes>(_ x: L, slope: Double) -> L { select(x .> L(0), L(1), L(slope)) }

/// Leaky ReLU: a small slope for negative inputs keeps a gradient flowing, so units cannot die.
public struct LeakyReLU: ElementwiseActivation {
    /// Catalog metadata for `leaky-relu` (Maas et al. 2013): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "leaky-relu", name: "Leaky ReLU", aliases: ["leakyrelu"], family: .rectifiers,
        formula: "x if x > 0, else slope·x", derivative: "1 if x > 0, else slope",
        parameters: [ParameterSpec("slope", 0.01, .unitInterval, "slope for negative inputs")],
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .continuous,
        zeroCentred: .partly, identityNearZero: false, kinks: [.at(0)], reference: "Maas et al. 2013")
    /// Slope for negative inputs (`slope`; default 0.01, valid [0, 1]).
    public let slope: Double
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Reads `slope` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { slope = p["slope"] }
    /// f(x) = x if x > 0, else slope·x, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { leaky(x, slope: slope) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { leakySlope(x, slope: slope) }
}

/// PReLU: leaky ReLU whose slope is learned (here: fixed at its value; the network learns it).
/// ∂f/∂a = x for x ≤ 0, else 0 (at 0 the negative branch, as in `derivative`: 0 either way).
public struct PReLU: LearnableActivation {
    /// Catalog metadata for `prelu` (He et al. 2015): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "prelu", name: "PReLU (parametric ReLU)", family: .rectifiers,
        formula: "x if x > 0, else a·x (a learned)", derivative: "1 if x > 0, else a;  ∂f/∂a = min(0, x)",
        parameters: [ParameterSpec("slope", 0.25, .real, "the learned slope a; initial value")],
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .continuous,
        zeroCentred: .partly, identityNearZero: false, kinks: [.at(0)], reference: "He et al. 2015")
    /// The learned slope a; initial value (`slope`; default 0.25).
    public let slope: Double
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Reads `slope` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { slope = p["slope"] }
    /// f(x) = x if x > 0, else a·x (a learned), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { leaky(x, slope: slope) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { leakySlope(x, slope: slope) }
    /// [∂f/∂slope] = [min(0, x)]: x for x ≤ 0, else 0, in every lane of `x`.
    public func parameterGradients<L: ElementaryLanes>(_ x: L) -> [L] { [select(x .> L(0), L(0), x)] }
}

/// RReLU: in training the negative slope is drawn from U(lower, upper) per element; in evaluation
/// (here) it is the mean, (lower + upper)/2. `training(_:draw:)` is the training forward, with the
/// derivative for the same draw beside it (at 0, as leaky ReLU, the slope).
public struct RReLU: RandomizedActivation {
    /// Catalog metadata for `rrelu` (Xu et al. 2015): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "rrelu", name: "RReLU (randomised leaky ReLU)", family: .rectifiers,
        formula: "x if x > 0, else a·x;  a ~ U(lower, upper) in training, (lower+upper)/2 in evaluation",
        derivative: "1 if x > 0, else a",
        parameters: [
            ParameterSpec("lower", 0.125, .unitInterval, "lower bound of the sampled slope"),
            ParameterSpec("upper", 1.0 / 3.0, .unitInterval, "upper bound of the sampled slope"),
        ],
        constraints: [ParameterConstraint("lower", atMost: "upper")],
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .continuous,
        zeroCentred: .partly, identityNearZero: false, kinks: [.at(0)], reference: "Xu et al. 2015")
    /// Lower bound of the sampled slope (`lower`; default 0.125, valid [0, 1]).
    public let lower: Double
    /// Upper bound of the sampled slope (`upper`; default 1/3, valid [0, 1]).
    public let upper: Double
    /// The evaluation slope, (lower + upper)/2.
    public var meanSlope: Double { (lower + upper) / 2 }
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Reads `lower`, `upper` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes
    /// such values with ranges checked).
    public init(_ p: ParameterValues) { (lower, upper) = (p["lower"], p["upper"]) }
    /// f(x) = x if x > 0, else a·x;  a ~ U(lower, upper) in training, (lower+upper)/2 in evaluation, in every lane of
    /// `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { leaky(x, slope: meanSlope) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { leakySlope(x, slope: meanSlope) }

    /// The training forward for one element: the slope is lower + (upper − lower)·u for a uniform draw `u` in [0, 1),
    /// and the derivative is that of the same draw (at 0, the slope).
    public func training(_ x: Double, draw u: Double) -> (value: Double, derivative: Double) {
        let slope = lower + (upper - lower) * u
        return (leaky(x, slope: slope), leakySlope(x, slope: slope))
    }
}
