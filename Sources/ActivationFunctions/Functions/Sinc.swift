/// Sinc, unnormalised: sin x / x, with sinc(0) = 1 (torch.sinc and jnp.sinc are sin(πx)/(πx)).
///
/// Its derivative (x cos x − sin x)/x² cancels near 0, so for |x| < 1 it comes from the Taylor series
/// Σₖ (−1)ᵏ·2k·x^{2k−1}/(2k + 1)!, eleven terms (the next is below 1e−21).
public struct Sinc: ElementwiseActivation {
    /// Catalog metadata for `sinc` (classic; Sheehan 2017): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "sinc", name: "Sinc (unnormalised)", family: .periodicAndBumps,
        formula: "sin x / x  (1 at x = 0)", derivative: "cos x / x − sin x / x²  (0 at x = 0)",
        range: "[−0.21723, 1]", monotonic: false, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "classic; Sheehan 2017",
        plotDomain: PlotDomain(-12, 12))
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates Sinc; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}

    /// f(x) = sin x / x  (1 at x = 0), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let ratio = (L.sin(x) / x).replacingLimits(of: x, atPlusInfinity: L(0), atMinusInfinity: L(0))
        return select(x .== L(0), L(1), ratio)
    }

    /// Σₖ (−1)ᵏ·2k·z^{k−1}/(2k + 1)! for k = 1…11 (z = x²), written out so that it compiles to eleven
    /// fused multiply-adds on constants; x times it is sinc′(x).
    @inline(__always) func derivativeSeries<L: ElementaryLanes>(_ z: L) -> L {
        var p = L(-22 / 25_852_016_738_884_976_640_000.0)  // k = 11: −22/23!
        p = L(20 / 51_090_942_171_709_440_000.0).addingProduct(p, z)  // 20/21!
        p = L(-18 / 121_645_100_408_832_000.0).addingProduct(p, z)  // −18/19!
        p = L(16 / 355_687_428_096_000.0).addingProduct(p, z)  // 16/17!
        p = L(-14 / 1_307_674_368_000.0).addingProduct(p, z)  // −14/15!
        p = L(12 / 6_227_020_800.0).addingProduct(p, z)  // 12/13!
        p = L(-10 / 39_916_800.0).addingProduct(p, z)  // −10/11!
        p = L(8 / 362_880.0).addingProduct(p, z)  // 8/9!
        p = L(-6 / 5040.0).addingProduct(p, z)  // −6/7!
        p = L(4 / 120.0).addingProduct(p, z)  // 4/5!
        return L(-2 / 6.0).addingProduct(p, z)  // k = 1: −2/3!
    }

    /// f′(x) = cos x / x − sin x / x²  (0 at x = 0), in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let direct = ((L.cos(x) - L.sin(x) / x) / x)
            .replacingLimits(of: x, atPlusInfinity: L(0), atMinusInfinity: L(0))
        return select(x.magnitude .< L(1), x * derivativeSeries(x * x), direct)
    }
}
