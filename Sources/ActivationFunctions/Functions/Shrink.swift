/// Tanh-shrink: x − tanh x, cubic near 0 (tanhshrink(1e−3) = 3.3e−10).
///
/// For |x| ≤ 2 the difference comes from Lambert's continued fraction tanh x = x/(1 + s), with
/// s = z/(3 + z/(5 + z/(7 + …))) and z = x², so x − tanh x = x·s/(1 + s) with no cancellation. Its
/// twelfth convergent s = A(z)/B(z), multiplied out, gives x − tanh x = x·A(z)/(A(z) + B(z)): two
/// polynomials with positive integer coefficients and one division (the convergent converges to 1e−20
/// at |x| = 2). Beyond 2 the direct difference loses at most a factor of two.
public struct TanhShrink: ElementwiseActivation {
    public static let info = ActivationInfo(
        id: "tanh-shrink", name: "Tanh-shrink", aliases: ["tanhshrink"], family: .shrink,
        formula: "x − tanh x", derivative: "tanh²x",
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .yes, identityNearZero: false, reference: "PyTorch Tanhshrink")
    public init(_ p: ParameterValues) {}

    /// x·A/(A + B), with A(z)/z and A(z) + B(z) of the twelfth convergent written out (`sum`). A and B follow
    /// the recurrence Aₙ = (2n + 1)Aₙ₋₁ + z·Aₙ₋₂ (the same for B) from A₋₁ = 1, A₀ = 0, B₋₁ = 0, B₀ = 1.
    @inline(__always) func nearZero<L: ElementaryLanes>(_ x: L) -> L {
        let z = x * x
        var a = L(90)
        a = L(116_025).addingProduct(a, z)
        a = L(38_798_760).addingProduct(a, z)
        a = L(4_714_049_340).addingProduct(a, z)
        a = L(210_822_762_150).addingProduct(a, z)
        a = L(2_635_284_526_875).addingProduct(a, z)
        a = a * z
        var sum = L(91)
        sum = L(120_120).addingProduct(sum, z)
        sum = L(41_351_310).addingProduct(sum, z)
        sum = L(5_237_832_600).addingProduct(sum, z)
        sum = L(252_070_693_875).addingProduct(sum, z)
        sum = L(3_794_809_718_700).addingProduct(sum, z)
        sum = L(7_905_853_580_625).addingProduct(sum, z)
        return x * a / sum
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
