/// Identity: A = c·x, the article's linear activation. However many are stacked, the result is linear.
public struct Identity: ElementwiseActivation {
    /// Catalog metadata for `identity` (linear unit; every library): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "identity", name: "Linear (c·x)", aliases: ["linear"], family: .stepAndLinear,
        formula: "c·x", derivative: "c",
        parameters: [ParameterSpec("c", 1, .real, "slope of the line A = c·x")],
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .infinitely,
        zeroCentred: .yes, identityNearZero: true, reference: "linear unit; every library")
    /// Slope of the line A = c·x (`c`; default 1).
    public let c: Double
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Reads `c` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such values
    /// with ranges checked).
    public init(_ p: ParameterValues) { c = p["c"] }
    /// f(x) = c·x, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { scaled(x, by: c) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L(c) }
}

/// Binary step: fires (1) when x is above the threshold, else 0. Its derivative is zero everywhere
/// it is defined, so gradient descent cannot learn through it.
public struct Step: ElementwiseActivation {
    /// Catalog metadata for `step` (McCulloch & Pitts 1943; Rosenblatt 1958): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "step", name: "Binary step", aliases: ["heaviside"], family: .stepAndLinear,
        formula: "1 if x > threshold, else 0", derivative: "0 (undefined at the threshold)",
        parameters: [ParameterSpec("threshold", 0, .real, "where the output jumps from 0 to 1")],
        range: "{0, 1}", monotonic: true, derivativeMonotonic: true, smoothness: .discontinuous,
        zeroCentred: .no, identityNearZero: false, kinks: [.parameter("threshold")],
        reference: "McCulloch & Pitts 1943; Rosenblatt 1958")
    /// Where the output jumps from 0 to 1 (`threshold`; default 0).
    public let threshold: Double
    /// Reads `threshold` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { threshold = p["threshold"] }
    /// f(x) = 1 if x > threshold, else 0, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { L.indicator(x .> L(threshold)) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L(0) }
}

/// Signum: −1, 0 or 1 by the sign of x (±0 stays ±0).
public struct Sign: ElementwiseActivation {
    /// Catalog metadata for `sign` (classic; Sheehan 2017): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "sign", name: "Signum", aliases: ["signum"], family: .stepAndLinear,
        formula: "sgn x", derivative: "0 (undefined at 0)",
        range: "{−1, 0, 1}", monotonic: true, derivativeMonotonic: true, smoothness: .discontinuous,
        zeroCentred: .yes, identityNearZero: false, kinks: [.at(0)], reference: "classic; Sheehan 2017")
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Creates Sign; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = sgn x, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        select(x .> L(0), L(1), select(x .< L(0), L(-1), x))
    }
    /// f′(x) = 0 (undefined at 0), in every lane of `x`. At the kink it returns f′ = 0 at x = 0.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L(0) }
}

/// Threshold: passes x above the threshold and replaces the rest with a constant value.
public struct Threshold: ElementwiseActivation {
    /// Catalog metadata for `threshold` (PyTorch nn.Threshold; Keras threshold): names, formula, derivative,
    /// parameters, properties.
    public static let info = ActivationInfo(
        id: "threshold", name: "Threshold", aliases: ["thresholded-relu"], family: .stepAndLinear,
        formula: "x if x > threshold, else value", derivative: "1 if x > threshold, else 0",
        parameters: [
            ParameterSpec("threshold", 0, .real, "inputs above it pass through"),
            ParameterSpec("value", 0, .real, "output for inputs at or below the threshold"),
        ],
        range: "{value} ∪ (threshold, ∞)", monotonic: true, derivativeMonotonic: true,
        smoothness: .continuous, zeroCentred: .no, identityNearZero: false,
        kinks: [.parameter("threshold")], reference: "PyTorch nn.Threshold; Keras threshold")
    /// Inputs above it pass through (`threshold`; default 0).
    public let threshold: Double
    /// the parameter `value`: output for inputs at or below the threshold (default 0).
    public let replacement: Double
    /// Reads `threshold`, `value` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)`
    /// makes such values with ranges checked).
    public init(_ p: ParameterValues) { (threshold, replacement) = (p["threshold"], p["value"]) }
    /// f(x) = x if x > threshold, else value, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        select(x .> L(threshold), x, L(replacement))
    }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L.indicator(x .> L(threshold)) }
}

/// c·x, whose limit at ±∞ for c = 0 is 0 (signed as c·x is for finite x), not 0·∞ = NaN. `c` is
/// the same for every lane, so the test costs nothing in the kernels' loops.
@inline(__always) private func scaled<L: ElementaryLanes>(_ x: L, by c: Double) -> L {
    guard c == 0 else { return L(c) * x }
    return L(0) * x.replacingLimits(of: x, atPlusInfinity: L(1), atMinusInfinity: L(-1))
}
