/// LiSHT: x·tanh x, an even, non-negative self-gate.
public struct LiSHT: ElementwiseActivation {
    /// Catalog metadata for `lisht` (Roy et al. 2019): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "lisht", name: "LiSHT (linearly scaled hyperbolic tangent)", family: .smoothRectifiers,
        formula: "x·tanh x", derivative: "tanh x + x·sech²x",
        range: "[0, ∞)", monotonic: false, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "Roy et al. 2019")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates LiSHT; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = x·tanh x, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { x * L.tanh(x) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        L.tanh(x).addingProduct(x, sech2(x)).replacingLimits(of: x, atPlusInfinity: L(1), atMinusInfinity: L(-1))
    }
}

/// Log-cosh: ln cosh x, quadratic near 0 and |x| − ln 2 far out.
/// Near 0 it is ln(1 + m²/(2(1 + m))) with m = e^{|x|} − 1, since cosh x − 1 = m²/(2e^{|x|}).
public struct LogCosh: ElementwiseActivation {
    static let ln2 = 0.6931471805599453

    /// Catalog metadata for `log-cosh` (NNlib logcosh): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "log-cosh", name: "Log-cosh", aliases: ["logcosh"], family: .smoothRectifiers,
        formula: "ln cosh x", derivative: "tanh x",
        range: "[0, ∞)", monotonic: false, derivativeMonotonic: true, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "NNlib logcosh")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates LogCosh; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}

    /// f(x) = ln cosh x, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let a = x.magnitude
        let m = L.expMinusOne(a)
        let nearZero = L.log(onePlus: m * m / (L(2) * (m + L(1))))
        let far = (a - L(Self.ln2)) + L.log(onePlus: L.exp(L(-2) * a))
        return select(a .> L(2), far, nearZero)
    }

    /// f′(x) = tanh x, in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L.tanh(x) }
}

/// Exponential: eˣ, its own derivative.
public struct Exponential: ElementwiseActivation {
    /// Catalog metadata for `exponential` (Keras exponential): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "exponential", name: "Exponential", aliases: ["exp"], family: .smoothRectifiers,
        formula: "eˣ", derivative: "eˣ",
        range: "(0, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "Keras exponential",
        plotDomain: PlotDomain(-4, 3))
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates Exponential; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = eˣ, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { L.exp(x) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L.exp(x) }
}
