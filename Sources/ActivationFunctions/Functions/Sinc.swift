/// Sinc, unnormalised: sin x / x, with sinc(0) = 1 (torch.sinc and jnp.sinc are sin(πx)/(πx)).
///
/// Its derivative (x cos x − sin x)/x² cancels near 0, so for |x| < 1 it comes from the Taylor series
/// Σₖ (−1)ᵏ·2k·x^{2k−1}/(2k + 1)!, eleven terms (the next is below 1e−21).
public struct Sinc: ElementwiseActivation {
    /// (−1)ᵏ·2k/(2k + 1)! for k = 1…11.
    static let seriesCoefficients: [Double] = (1...11).map { k in
        let factorial = (1...(2 * k + 1)).reduce(1.0) { $0 * Double($1) }
        return (k.isMultiple(of: 2) ? 1 : -1) * Double(2 * k) / factorial
    }

    public static let info = ActivationInfo(
        id: "sinc", name: "Sinc (unnormalised)", family: .periodicAndBumps,
        formula: "sin x / x  (1 at x = 0)", derivative: "cos x / x − sin x / x²  (0 at x = 0)",
        range: "[−0.21723, 1]", monotonic: false, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: false, reference: "classic; Sheehan 2017",
        plotDomain: PlotDomain(-12, 12))
    public init(_ p: ParameterValues) {}

    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let ratio = (L.sin(x) / x).replacingLimits(of: x, atPlusInfinity: L(0), atMinusInfinity: L(0))
        return select(x .== L(0), L(1), ratio)
    }

    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let square = x * x
        var series = L(Self.seriesCoefficients[Self.seriesCoefficients.count - 1])
        for coefficient in Self.seriesCoefficients.dropLast().reversed() {
            series = L(coefficient).addingProduct(series, square)
        }
        let direct = ((L.cos(x) - L.sin(x) / x) / x)
            .replacingLimits(of: x, atPlusInfinity: L(0), atMinusInfinity: L(0))
        return select(x.magnitude .< L(1), x * series, direct)
    }
}
