/// Sigmoid: 1/(1 + e^{−x}). Steepest between −2 and 2, flat at both ends, where gradients vanish.
/// Below x = −87 it is eˣ, so σ(−100) = 3.7e−44 rather than 0 (`Core/Stable.swift`).
public struct Sigmoid: OutputDerivative {
    /// Catalog metadata for `sigmoid` (Verhulst 1838; Rumelhart et al. 1986): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "sigmoid", name: "Sigmoid (logistic)", aliases: ["logistic"], family: .sigmoidLike,
        formula: "1/(1 + e^{−x})", derivative: "σ(x)·(1 − σ(x))",
        range: "(0, 1)", monotonic: true, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "Verhulst 1838; Rumelhart et al. 1986")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates Sigmoid; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = 1/(1 + e^{−x}), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { sigmoid(x) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { sigmoidSlope(x) }
    /// σ′ = y(1 − y) from y = σ(x) (1 − y is exact for y ≥ ½).
    @inline(__always) public func derivative<L: ElementaryLanes>(output y: L) -> L { y * (L(1) - y) }
}

/// Log-sigmoid: ln σ(x) = −softplus(−x); logsigmoid(−1000) = −1000, not −∞.
public struct LogSigmoid: OutputDerivative {
    /// Catalog metadata for `log-sigmoid` (PyTorch LogSigmoid): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "log-sigmoid", name: "Log-sigmoid", aliases: ["logsigmoid"], family: .sigmoidLike,
        formula: "ln σ(x) = −softplus(−x)", derivative: "σ(−x)",
        range: "(−∞, 0)", monotonic: true, derivativeMonotonic: true, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "PyTorch LogSigmoid")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates LogSigmoid; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = ln σ(x) = −softplus(−x), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { logSigmoid(x) }
    /// f′(x) = σ(−x) = s/(1 + e) with e = e^{−|x|} and s = e (x ≥ 0) or 1 (x < 0): one exponential,
    /// one addition, one division, as σ's own three roundings (PyTorch's kernel has the same form).
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let e = exp(rarelyOutsideNormalRange: L(0) - x.magnitude)
        return select(x .< L(0), L(1), e) / (L(1) + e)
    }
    /// σ(−x) = 1 − e^y = −(e^y − 1) from y = ln σ(x). Its condition number |y|e^y/(1 − e^y) is at
    /// most 1, so y's rounding is never amplified: a few ulp over the whole normal range of y.
    @inline(__always) public func derivative<L: ElementaryLanes>(output y: L) -> L { -L.expMinusOne(y) }
}

/// Hard sigmoid: relu6(x + 3)/6, the MobileNetV3 form (Keras 2 used clip(0.2x + 0.5)).
public struct HardSigmoid: ElementwiseActivation {
    /// Catalog metadata for `hard-sigmoid` (Courbariaux et al. 2015; Howard et al. 2019 (MobileNetV3)): names, formula,
    /// derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "hard-sigmoid", name: "Hard sigmoid", aliases: ["hardsigmoid"], family: .sigmoidLike,
        formula: "relu6(x + 3)/6 = clip(x/6 + ½, 0, 1)", derivative: "1/6 if −3 < x < 3, else 0",
        range: "[0, 1]", monotonic: true, derivativeMonotonic: false, smoothness: .continuous,
        zeroCentred: .no, identityNearZero: false, kinks: [.at(-3), .at(3)],
        reference: "Courbariaux et al. 2015; Howard et al. 2019 (MobileNetV3)")
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Creates HardSigmoid; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = relu6(x + 3)/6 = clip(x/6 + ½, 0, 1), in every lane of `x`.
    /// (t/6 without a division: `sixth`.)
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { sixth((x + L(3)).clamped(L(0), L(6))) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        select((x .> L(-3)) .& (x .< L(3)), L(1.0 / 6.0), L(0))
    }
}

/// Sparse sigmoid: ½·clip(x + 1, 0, 2), the one-dimensional sparsemax.
public struct SparseSigmoid: ElementwiseActivation {
    /// Catalog metadata for `sparse-sigmoid` (Martins & Astudillo 2016; Keras 3 / JAX sparse_sigmoid): names, formula,
    /// derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "sparse-sigmoid", name: "Sparse sigmoid", family: .sigmoidLike,
        formula: "½·clip(x + 1, 0, 2)", derivative: "½ if −1 < x < 1, else 0",
        range: "[0, 1]", monotonic: true, derivativeMonotonic: false, smoothness: .continuous,
        zeroCentred: .no, identityNearZero: false, kinks: [.at(-1), .at(1)],
        reference: "Martins & Astudillo 2016; Keras 3 / JAX sparse_sigmoid", plotDomain: PlotDomain(-3, 3))
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Creates SparseSigmoid; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = ½·clip(x + 1, 0, 2), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { L(0.5) * (x + L(1)).clamped(L(0), L(2)) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        select((x .> L(-1)) .& (x .< L(1)), L(0.5), L(0))
    }
}

/// Symmetric (bipolar) sigmoid: tanh(x/2) = 2σ(x) − 1.
public struct SymmetricSigmoid: ElementwiseActivation {
    /// Catalog metadata for `symmetric-sigmoid` (classic; Sheehan 2017): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "symmetric-sigmoid", name: "Symmetric sigmoid (bipolar)", aliases: ["bipolar-sigmoid"],
        family: .sigmoidLike,
        formula: "tanh(x/2) = (1 − e^{−x})/(1 + e^{−x})", derivative: "½(1 − f(x)²)",
        range: "(−1, 1)", monotonic: true, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .yes, identityNearZero: false, reference: "classic; Sheehan 2017")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates SymmetricSigmoid; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = tanh(x/2) = (1 − e^{−x})/(1 + e^{−x}), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { L.tanh(L(0.5) * x) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L(0.5) * sech2(L(0.5) * x) }
}

/// Log-log (inverse complementary log-log): 1 − e^{−eˣ}, an asymmetric sigmoid.
public struct LogLog: ElementwiseActivation {
    /// Catalog metadata for `log-log` (classic GLM link; Sheehan 2017): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "log-log", name: "Log-log (complementary log-log link)", aliases: ["cloglog"],
        family: .sigmoidLike,
        formula: "1 − e^{−eˣ}", derivative: "e^{x − eˣ}",
        range: "(0, 1)", monotonic: true, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "classic GLM link; Sheehan 2017")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates LogLog; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = 1 − e^{−eˣ}, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { -L.expMinusOne(-L.exp(x)) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        L.exp(x - L.exp(x)).replacingLimits(of: x, atPlusInfinity: L(0), atMinusInfinity: L(0))
    }
}
