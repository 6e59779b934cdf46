/// Mish: x·tanh(softplus(x)).
///
/// With e = e^{−|x|} ≤ 1, tanh(softplus x) and sech²(softplus x) are rational in e, so neither the
/// value nor the derivative overflows or cancels (the raw e^{x}, e^{2x}, e^{3x} formula gives NaN
/// at x = 5000; dlib PR #1938):
/// - x ≤ 0: n = e(e + 2), tanh = n/(n + 2), sech² = 4(n + 1)/(n + 2)²;
/// - x > 0: d = 1 + 2e + 2e², tanh = (1 + 2e)/d, sech² = 4e²(1 + e)²/d².
public struct Mish: ElementwiseActivation {
    /// Catalog metadata for `mish` (Misra 2019): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "mish", name: "Mish", family: .gated,
        formula: "x·tanh(softplus(x))", derivative: "tanh(sp) + x·σ(x)·sech²(sp),  sp = softplus(x)",
        range: "[−0.30884, ∞)", monotonic: false, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .partly, identityNearZero: false, reference: "Misra 2019")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates Mish; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}

    /// tanh(softplus x), sech²(softplus x) and σ(x).
    @inline(__always) func parts<L: ElementaryLanes>(_ x: L) -> (tanh: L, sech2: L, sigmoid: L) {
        let e = L.exp(-x.magnitude)
        let onePlusE = L(1) + e
        // x ≤ 0
        let n = e * (e + L(2))
        let nPlus2 = n + L(2)
        let tanhNegative = n / nPlus2
        let sech2Negative = L(4) * (n + L(1)) / (nPlus2 * nPlus2)
        // x > 0
        let twoE = L(2) * e
        let d = (L(1) + twoE).addingProduct(twoE, e)
        let tanhPositive = (L(1) + twoE) / d
        let ratio = twoE * onePlusE / d
        let positive = x .> L(0)
        return (
            select(positive, tanhPositive, tanhNegative),
            select(positive, ratio * ratio, sech2Negative),
            select(positive, L(1) / onePlusE, e / onePlusE)
        )
    }

    /// f(x) = x·tanh(softplus(x)), in every lane of `x`. Below x = −87, tanh(softplus x) = eˣ to within
    /// eˣ relative, so those lanes take x·eˣ with x applied before eˣ's scaling (as silu does): where eˣ
    /// is subnormal and the product is not, x·tanh lost eˣ's digits (140 ulp at x = −713.5). That path
    /// runs only for a vector holding such a lane.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        var y = x * parts(x).tanh
        let farLeft = x .< L(-87)
        if L.anyLane(farLeft) { y = y.replacing(with: L.exp(x, times: x), where: farLeft) }
        return y.replacingLimits(of: x, atPlusInfinity: x, atMinusInfinity: L(-0.0))
    }

    /// f′(x) = tanh(sp) + x·σ(x)·sech²(sp),  sp = softplus(x), in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let (t, s2, s) = parts(x)
        return t.addingProduct(x * s, s2).replacingLimits(of: x, atPlusInfinity: L(1), atMinusInfinity: L(0))
    }
}
