/// Tanh-shrink: x − tanh x, cubic near 0 (tanhshrink(1e−3) = 3.3e−10).
///
/// For |x| ≤ 2 the difference is taken from Lambert's continued fraction,
/// tanh x = x/(1 + s) with s = x²/(3 + x²/(5 + x²/(7 + …))), so x − tanh x = x·s/(1 + s) with no
/// cancellation; twelve levels converge to 1e−20 at |x| = 2. Beyond 2 the direct difference loses
/// at most a factor of two.
public struct TanhShrink: ElementwiseActivation {
    static let continuedFractionDepth = 12

    public static let info = ActivationInfo(
        id: "tanh-shrink", name: "Tanh-shrink", aliases: ["tanhshrink"], family: .shrink,
        formula: "x − tanh x", derivative: "tanh²x",
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .yes, identityNearZero: false, reference: "PyTorch Tanhshrink")
    public init(_ p: ParameterValues) {}

    func nearZero<L: ElementaryLanes>(_ x: L) -> L {
        let square = x * x
        var denominator = L(Double(2 * Self.continuedFractionDepth + 1))
        for level in stride(from: Self.continuedFractionDepth - 1, through: 1, by: -1) {
            denominator = L(Double(2 * level + 1)) + square / denominator
        }
        let s = square / denominator
        return x * s / (L(1) + s)
    }

    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let far = (x - L.tanh(x)).replacingLimits(of: x, atPlusInfinity: x, atMinusInfinity: x)
        return select(x.magnitude .> L(2), far, nearZero(x))
    }

    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let t = L.tanh(x)
        return t * t
    }
}

/// Soft-shrink: moves x toward 0 by λ and zeroes the band [−λ, λ] (a proximal step of the L1 norm).
public struct SoftShrink: ElementwiseActivation {
    public static let info = ActivationInfo(
        id: "soft-shrink", name: "Soft-shrink", aliases: ["softshrink"], family: .shrink,
        formula: "x − λ if x > λ;  x + λ if x < −λ;  else 0", derivative: "1 if |x| > λ, else 0",
        parameters: [ParameterSpec("lambda", 0.5, .nonNegative, "half-width of the zeroed band")],
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: false, smoothness: .continuous,
        zeroCentred: .yes, identityNearZero: false,
        kinks: [.negatedParameter("lambda"), .parameter("lambda")], reference: "Donoho 1995; PyTorch Softshrink")
    public let lambda: Double
    public init(_ p: ParameterValues) { lambda = p["lambda"] }
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let band = L(lambda)
        return select(x .> band, x - band, select(x .< -band, x + band, x.signedZero))
    }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L.indicator(x.magnitude .> L(lambda)) }
}

/// Hard-shrink: keeps x when |x| > λ and zeroes the band [−λ, λ].
public struct HardShrink: ElementwiseActivation {
    public static let info = ActivationInfo(
        id: "hard-shrink", name: "Hard-shrink", aliases: ["hardshrink"], family: .shrink,
        formula: "x if |x| > λ, else 0", derivative: "1 if |x| > λ, else 0",
        parameters: [ParameterSpec("lambda", 0.5, .nonNegative, "half-width of the zeroed band")],
        range: "(−∞, −λ) ∪ {0} ∪ (λ, ∞)", monotonic: true, derivativeMonotonic: false,
        smoothness: .discontinuous, zeroCentred: .yes, identityNearZero: false,
        kinks: [.negatedParameter("lambda"), .parameter("lambda")], reference: "Donoho 1995; PyTorch Hardshrink")
    public let lambda: Double
    public init(_ p: ParameterValues) { lambda = p["lambda"] }
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        select(x.magnitude .> L(lambda), x, x.signedZero)
    }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L.indicator(x.magnitude .> L(lambda)) }
}
