/// ELU: x for x > 0, α(eˣ − 1) below, pushing mean activations toward zero.
/// Uses expm1, so elu(−1e−7) keeps all its digits.
public struct ELU: ElementwiseActivation {
    /// Catalog metadata for `elu` (Clevert et al. 2015): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "elu", name: "ELU (exponential linear unit)", family: .rectifiers,
        formula: "x if x > 0, else α(eˣ − 1)", derivative: "1 if x > 0, else α·eˣ",
        parameters: [ParameterSpec("alpha", 1, .nonNegative, "saturation value −α for x → −∞")],
        range: "(−α, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .once,
        zeroCentred: .partly, identityNearZero: true, kinks: [], reference: "Clevert et al. 2015")
    /// Saturation value −α for x → −∞ (`alpha`; default 1, valid [0, ∞)).
    public let alpha: Double
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Reads `alpha` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { alpha = p["alpha"] }
    /// f(x) = x if x > 0, else α(eˣ − 1), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        select(x .> L(0), x, L(alpha) * L.expMinusOne(x))
    }
    /// f′(x) = 1 if x > 0, else α·eˣ, in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        select(x .> L(0), L(1), L(alpha) * L.exp(x))
    }
}

/// CELU: ELU reparameterised so that it is C¹ for every α: α(e^{x/α} − 1) below zero.
public struct CELU: ElementwiseActivation {
    /// Catalog metadata for `celu` (Barron 2017): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "celu", name: "CELU (continuously differentiable ELU)", family: .rectifiers,
        formula: "max(0, x) + min(0, α(e^{x/α} − 1))", derivative: "1 if x > 0, else e^{x/α}",
        parameters: [ParameterSpec("alpha", 1, .positive, "saturation value −α for x → −∞")],
        range: "(−α, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .once,
        zeroCentred: .partly, identityNearZero: true, reference: "Barron 2017")
    /// Saturation value −α for x → −∞ (`alpha`; default 1, valid (0, ∞)).
    public let alpha: Double
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Reads `alpha` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { alpha = p["alpha"] }
    /// f(x) = max(0, x) + min(0, α(e^{x/α} − 1)), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let u = x / L(alpha)
        var negative = L(alpha) * L.expMinusOne(u)
        // Where |x/α| < 2⁻²⁷, α(e^{x/α} − 1) = x(1 + u/2) to within u²/6: x/α went subnormal or to
        // 0 for α = 10³⁰⁰, and α·expm1 of it lost every digit (−1e-30 gave −0). A rare path: one test
        // per vector where no lane needs it.
        let tiny = u.magnitude .< L(0x1p-27)
        if L.anyLane(tiny) { negative = negative.replacing(with: x * (L(1) + L(0.5) * u), where: tiny) }  // −0 stays −0
        return select(x .> L(0), x, negative)
    }
    /// f′(x) = 1 if x > 0, else e^{x/α}, in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        select(x .> L(0), L(1), L.exp(x / L(alpha)))
    }
}

/// SELU: scaled ELU whose constants make activations self-normalising (mean 0, variance 1).
public struct SELU: ElementwiseActivation {
    /// λ = 1.0507009873554804934193349852946 (Klambauer et al. 2017).
    public static let lambda = 1.0507009873554804934193349852946
    /// α = 1.6732632423543772848170429916717 (Klambauer et al. 2017).
    public static let alpha = 1.6732632423543772848170429916717
    /// λ·α = 1.75809934084737685994…, rounded once (not the product of the rounded factors).
    public static let lambdaAlpha = 1.7580993408473768599402175208123
    /// λ as hi + lo, so that λx is rounded once even in `Float` (λx near the largest `Float`).
    static let lambdaParts = (hi: 1.0507009873554805, lo: 3.9874847667154144e-17)

    /// Catalog metadata for `selu` (Klambauer et al. 2017): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "selu", name: "SELU (scaled ELU)", family: .rectifiers,
        formula: "λx if x > 0, else λα(eˣ − 1);  λ ≈ 1.0507, α ≈ 1.6733",
        derivative: "λ if x > 0, else λα·eˣ",
        range: "(−λα, ∞) = (−1.7581, ∞)", monotonic: true, derivativeMonotonic: false,
        smoothness: .continuous, zeroCentred: .partly, identityNearZero: false, kinks: [.at(0)],
        reference: "Klambauer et al. 2017")
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Creates SELU; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    /// f(x) = λx if x > 0, else λα(eˣ − 1);  λ ≈ 1.0507, α ≈ 1.6733, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let lambda = L.splitting(Self.lambdaParts)
        let scaled = (lambda.lo * x).addingProduct(lambda.hi, x).replacing(with: x, where: x .== .infinity)
        return select(x .> L(0), scaled, L(Self.lambdaAlpha) * L.expMinusOne(x))
    }
    /// f′(x) = λ if x > 0, else λα·eˣ, in every lane of `x`. At the kink it returns f′ = 1.7580993408473768 at x = 0.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        select(x .> L(0), L(Self.lambda), L(Self.lambdaAlpha) * L.exp(x))
    }
}

/// ISRLU: identity for x ≥ 0, the inverse square root unit below: a cheaper ELU.
public struct ISRLU: ElementwiseActivation {
    /// Catalog metadata for `isrlu` (Carlile et al. 2017): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "isrlu", name: "ISRLU (inverse square root linear unit)", family: .rectifiers,
        formula: "x if x ≥ 0, else x/√(1 + αx²)", derivative: "1 if x ≥ 0, else (1 + αx²)^(−3/2)",
        parameters: [ParameterSpec("alpha", 1, .positive, "the saturation value is −1/√α")],
        range: "(−1/√α, ∞)", monotonic: true, derivativeMonotonic: true, smoothness: .twice,
        zeroCentred: .partly, identityNearZero: true, reference: "Carlile et al. 2017")
    /// The saturation value is −1/√α (`alpha`; default 1, valid (0, ∞)).
    public let alpha: Double
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Reads `alpha` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { alpha = p["alpha"] }
    /// f(x) = x if x ≥ 0, else x/√(1 + αx²), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        select(x .>= L(0), x, ISRU.isru(x, alpha: alpha))
    }
    /// f′(x) = 1 if x ≥ 0, else (1 + αx²)^(−3/2), in every lane of `x`.
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let t = inverseSquareRootUnit(x, alpha: alpha)
        return select(x .>= L(0), L(1), t * t * t)
    }
}

/// ISRU: x/√(1 + αx²), a sigmoid-shaped curve through the origin with slope 1.
public struct ISRU: ElementwiseActivation {
    /// Catalog metadata for `isru` (Carlile et al. 2017): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "isru", name: "ISRU (inverse square root unit)", family: .sigmoidLike,
        formula: "x/√(1 + αx²)", derivative: "(1 + αx²)^(−3/2)",
        parameters: [ParameterSpec("alpha", 1, .positive, "outputs lie in (−1/√α, 1/√α)")],
        range: "(−1/√α, 1/√α)", monotonic: true, derivativeMonotonic: false, smoothness: .infinitely,
        zeroCentred: .yes, identityNearZero: true, reference: "Carlile et al. 2017")
    /// Outputs lie in (−1/√α, 1/√α) (`alpha`; default 1, valid (0, ∞)).
    public let alpha: Double
    /// Its `value` and `derivative` return NaN for NaN by themselves (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .both }
    /// Reads `alpha` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { alpha = p["alpha"] }

    /// x/√(1 + αx²); for |x| > 1 it is sgn(x)/√(α + 1/x²), which also gives the limits ±1/√α at ±∞.
    @inline(__always) static func isru<L: ElementaryLanes>(_ x: L, alpha: Double) -> L {
        let inverse = L(1) / x.magnitude
        let large = L(1).withSign(of: x) / (L(alpha) + inverse * inverse).squareRoot()
        let small = x / (L(1) + L(alpha) * x * x).squareRoot()
        return select(x.magnitude .> L(1), large, small)
    }

    /// f(x) = x/√(1 + αx²), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L { Self.isru(x, alpha: alpha) }
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        let t = inverseSquareRootUnit(x, alpha: alpha)
        return t * t * t
    }
}
