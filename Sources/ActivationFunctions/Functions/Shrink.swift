/// Tanh-shrink: x − tanh x, cubic near 0 (tanhshrink(1e−3) = 3.3e−10).
///
/// For |x| ≤ 2 the difference comes from Lambert's continued fraction tanh x = x/(1 + s), with
/// s = z/(3 + z/(5 + z/(7 + …))) and z = x², so x − tanh x = x·s/(1 + s) with no cancellation. Its
/// twelfth convergent s = A(z)/B(z), multiplied out, gives x − tanh x = x·A/(A + B) = x³·N(z)/D(z) with
/// A = z·N: two polynomials with positive integer coefficients (nothing cancels) and one division; the
/// convergent converges to 1e−20 at |x| = 2. x³ is carried in two parts, so that only N, D, the
/// division and the last product round. Beyond 2 the direct difference loses at most a factor of two.
/// `Float`: 3.933 ulp at most, measured over all 2³² inputs (at x = 1.946, where the result lies just
/// below 1).
public struct TanhShrink: ElementwiseActivation {
    /// Catalog metadata for `tanh-shrink` (PyTorch Tanhshrink): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "tanh-shrink", name: "Tanh-shrink", aliases: ["tanhshrink"], family: .shrink,
        formula: "x − tanh x", derivative: "tanh²x",
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .yes, identityNearZero: false, reference: "PyTorch Tanhshrink")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates TanhShrink; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}

    /// x³·N(z)/D(z), with N = A/z and D = A + B of the twelfth convergent written out. A and B follow
    /// the recurrence Aₙ = (2n + 1)Aₙ₋₁ + z·Aₙ₋₂ (the same for B) from A₋₁ = 1, A₀ = 0, B₋₁ = 0, B₀ = 1.
    @inline(__always) func nearZero<L: ElementaryLanes>(_ x: L) -> L {
        let square = DoubleDouble.product(x, x)
        let z = square.hi
        var n = L(90)
        n = L(116_025).addingProduct(n, z)
        n = L(38_798_760).addingProduct(n, z)
        n = L(4_714_049_340).addingProduct(n, z)
        n = L(210_822_762_150).addingProduct(n, z)
        n = L(2_635_284_526_875).addingProduct(n, z)
        var d = L(91)
        d = L(120_120).addingProduct(d, z)
        d = L(41_351_310).addingProduct(d, z)
        d = L(5_237_832_600).addingProduct(d, z)
        d = L(252_070_693_875).addingProduct(d, z)
        d = L(3_794_809_718_700).addingProduct(d, z)
        d = L(7_905_853_580_625).addingProduct(d, z)
        let q = n / d
        let cube = DoubleDouble.product(x, z)  // x³ = cube.hi + cube.lo + x·square.lo
        let cubeLow = cube.lo.addingProduct(x, square.lo)
        return (cubeLow * q).addingProduct(cube.hi, q).replacing(with: x, where: x .== L(0))  // keeps −0
    }

    /// f(x) = x − tanh x, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let far = (x - L.tanh(x)).replacingLimits(of: x, atPlusInfinity: x, atMinusInfinity: x)
        return select(x.magnitude .> L(2), far, nearZero(x))
    }

    /// f′(x) = tanh²x, in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let t = L.tanh(x)
        return t * t
    }
}

/// Soft-shrink: moves x toward 0 by λ and zeroes the band [−λ, λ] (a proximal step of the L1 norm).
public struct SoftShrink: ElementwiseActivation {
    /// Catalog metadata for `soft-shrink` (Donoho 1995; PyTorch Softshrink): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "soft-shrink", name: "Soft-shrink", aliases: ["softshrink"], family: .shrink,
        formula: "x − λ if x > λ;  x + λ if x < −λ;  else 0", derivative: "1 if |x| > λ, else 0",
        parameters: [ParameterSpec("lambda", 0.5, .nonNegative, "half-width of the zeroed band")],
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: false, smoothness: .continuous,
        zeroCentred: .yes, identityNearZero: false,
        kinks: [.negatedParameter("lambda"), .parameter("lambda")], reference: "Donoho 1995; PyTorch Softshrink")
    /// Half-width of the zeroed band (`lambda`; default 0.5, valid [0, ∞)).
    public let lambda: Double
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Reads `lambda` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { lambda = p["lambda"] }
    /// f(x) = x − λ if x > λ;  x + λ if x < −λ;  else 0, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let band = L(lambda)
        return select(x .> band, x - band, select(x .< -band, x + band, x.signedZero))
    }
    /// f′(x) = 1 if |x| > λ, else 0, in every lane of `x`. At the kinks it returns f′ = 0 at x = −lambda (-0.5 by
    /// default); f′ = 0 at x = lambda (0.5 by default).
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L.indicator(x.magnitude .> L(lambda)) }
}

/// Hard-shrink: keeps x when |x| > λ and zeroes the band [−λ, λ].
public struct HardShrink: ElementwiseActivation {
    /// Catalog metadata for `hard-shrink` (Donoho 1995; PyTorch Hardshrink): names, formula, derivative, parameters,
    /// properties.
    public static let info = ActivationInfo(
        id: "hard-shrink", name: "Hard-shrink", aliases: ["hardshrink"], family: .shrink,
        formula: "x if |x| > λ, else 0", derivative: "1 if |x| > λ, else 0",
        parameters: [ParameterSpec("lambda", 0.5, .nonNegative, "half-width of the zeroed band")],
        range: "(−∞, −λ) ∪ {0} ∪ (λ, ∞)", monotonic: true, derivativeMonotonic: false,
        smoothness: .discontinuous, zeroCentred: .yes, identityNearZero: false,
        kinks: [.negatedParameter("lambda"), .parameter("lambda")], reference: "Donoho 1995; PyTorch Hardshrink")
    /// Half-width of the zeroed band (`lambda`; default 0.5, valid [0, ∞)).
    public let lambda: Double
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Reads `lambda` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { lambda = p["lambda"] }
    /// f(x) = x if |x| > λ, else 0, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        select(x.magnitude .> L(lambda), x, x.signedZero)
    }
    /// f′(x) = 1 if |x| > λ, else 0, in every lane of `x`. At the kinks it returns f′ = 0 at x = −lambda (-0.5 by
    /// default); f′ = 0 at x = lambda (0.5 by default).
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L { L.indicator(x.magnitude .> L(lambda)) }
}
