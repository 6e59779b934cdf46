/// SReLU: three lines joined at tl and tr; identity in the middle, slopes al and ar outside.
/// At a joint the derivative is the outer slope, and ∂f/∂θ is that of the outer line too.
public struct SReLU: LearnableActivation {
    /// Catalog metadata for `srelu` (Jin et al. 2016): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "srelu", name: "SReLU (S-shaped ReLU)", family: .rectifiers,
        formula: "tl + al·(x − tl) if x ≤ tl;  x if tl < x < tr;  tr + ar·(x − tr) if x ≥ tr",
        derivative: "al if x ≤ tl;  1 if tl < x < tr;  ar if x ≥ tr",
        parameters: [
            ParameterSpec("tl", -1, .real, "left joint"),
            ParameterSpec("al", 0.1, .real, "slope left of tl"),
            ParameterSpec("tr", 1, .real, "right joint"),
            ParameterSpec("ar", 0.1, .real, "slope right of tr"),
        ],
        constraints: [ParameterConstraint("tl", atMost: "tr")],
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: false, smoothness: .continuous,
        zeroCentred: .partly, identityNearZero: true, kinks: [.parameter("tl"), .parameter("tr")],
        reference: "Jin et al. 2016")
    /// `tl`: left joint (default -1); `al`: slope left of tl (default 0.1); `tr`: right joint (default 1); `ar`: slope
    /// right of tr (default 0.1).
    public let tl: Double, al: Double, tr: Double, ar: Double
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Reads `tl`, `al`, `tr`, `ar` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)`
    /// makes such values with ranges checked).
    public init(_ p: ParameterValues) { (tl, al, tr, ar) = (p["tl"], p["al"], p["tr"], p["ar"]) }

    /// f(x) = tl + al·(x − tl) if x ≤ tl;  x if tl < x < tr;  tr + ar·(x − tr) if x ≥ tr, in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        let left = L(tl).addingProduct(L(al), x - L(tl))
        let right = L(tr).addingProduct(L(ar), x - L(tr))
        return select(x .<= L(tl), left, select(x .>= L(tr), right, x))
    }

    /// f′(x) = al if x ≤ tl;  1 if tl < x < tr;  ar if x ≥ tr, in every lane of `x`. At the kinks it returns f′ = 0.1
    /// at x = tl (-1 by default); f′ = 0.1 at x = tr (1 by default).
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        select(x .<= L(tl), L(al), select(x .>= L(tr), L(ar), L(1)))
    }

    /// ∂f/∂(tl, al, tr, ar): (1 − al, x − tl, 0, 0) left; (0, 0, 1 − ar, x − tr) right; 0 between.
    public func parameterGradients<L: ElementaryLanes>(_ x: L) -> [L] {
        let left = x .<= L(tl)
        let right = (x .>= L(tr)) .& .!left
        let zero = L(0)
        return [
            select(left, L(1 - al), zero), select(left, x - L(tl), zero),
            select(right, L(1 - ar), zero), select(right, x - L(tr), zero),
        ]
    }
}

/// PLU: identity on (−c, c) and slope alpha outside, so it is linear everywhere yet bounded in slope.
public struct PLU: ElementwiseActivation {
    /// Catalog metadata for `plu` (Nicolae 2018): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "plu", name: "PLU (piecewise linear unit)", family: .rectifiers,
        formula: "max(α(x + c) − c, min(α(x − c) + c, x))", derivative: "1 if |x| < c, else α",
        parameters: [
            ParameterSpec("alpha", 0.1, .unitInterval, "slope outside (−c, c)"),
            ParameterSpec("c", 1, .positive, "half-width of the identity region"),
        ],
        range: "(−∞, ∞)", monotonic: true, derivativeMonotonic: false, smoothness: .continuous,
        zeroCentred: .yes, identityNearZero: true, kinks: [.negatedParameter("c"), .parameter("c")],
        reference: "Nicolae 2018")
    /// `alpha`: slope outside (−c, c) (default 0.1, valid [0, 1]); `c`: half-width of the identity region (default 1,
    /// valid (0, ∞)).
    public let alpha: Double, c: Double
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Reads `alpha`, `c` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { (alpha, c) = (p["alpha"], p["c"]) }

    /// f(x) = max(α(x + c) − c, min(α(x − c) + c, x)), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        // α = 0 is the clamp to [−c, c], whose limits at ±∞ are ±c (0·∞ gave NaN).
        if alpha == 0 { return select(x .> L(c), L(c), select(x .< L(-c), L(-c), x)) }
        let above = L(c).addingProduct(L(alpha), x - L(c))
        let below = L(-c).addingProduct(L(alpha), x + L(c))
        return select(x .> L(c), above, select(x .< L(-c), below, x))
    }

    /// f′(x) = 1 if |x| < c, else α, in every lane of `x`. At the kinks it returns f′ = 0.1 at x = −c (-1 by default);
    /// f′ = 0.1 at x = c (1 by default).
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        select(x.magnitude .< L(c), L(1), L(alpha))
    }
}

/// APL with one hinge: ReLU plus a learned hinge a·max(0, b − x) (here with fixed a and b).
/// ∂f/∂a = max(0, b − x); ∂f/∂b = a for x < b, else 0 (at x = b the branch `derivative` takes).
public struct APL: LearnableActivation {
    /// Catalog metadata for `apl` (Agostinelli et al. 2014): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "apl", name: "APL (adaptive piecewise linear, one hinge)", family: .rectifiers,
        formula: "max(0, x) + a·max(0, b − x)", derivative: "H(x) − a·H(b − x)  (H(0) = 0)",
        parameters: [
            ParameterSpec("a", 0.2, .real, "hinge slope (learned)"),
            ParameterSpec("b", 0, .real, "hinge location (learned)"),
        ],
        range: "(−∞, ∞)", monotonic: false, derivativeMonotonic: false, smoothness: .continuous,
        zeroCentred: .partly, identityNearZero: false, kinks: [.at(0), .parameter("b")],
        reference: "Agostinelli et al. 2014")
    /// `a`: hinge slope (learned) (default 0.2); `b`: hinge location (learned) (default 0).
    public let a: Double, b: Double
    /// Its `value` returns NaN for NaN by itself (`keepsNaN`, held to it by the tests).
    public static var keepsNaN: KeepsNaN { .value }
    /// Reads `a`, `b` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { (a, b) = (p["a"], p["b"]) }

    /// f(x) = max(0, x) + a·max(0, b − x), in every lane of `x`.
    @inline(__always) public func value<L: ElementaryLanes>(_ x: L) -> L {
        guard a != 0 else { return x.positivePart }  // avoids 0·∞ at x = −∞
        return x.positivePart.addingProduct(L(a), (L(b) - x).positivePart)
    }

    /// f′(x) = H(x) − a·H(b − x)  (H(0) = 0), in every lane of `x`. At the kinks it returns f′ = 0 at x = 0; f′ = 0 at
    /// x = b (0 by default).
    @inline(__always) public func derivative<L: ElementaryLanes>(_ x: L) -> L {
        L.indicator(x .> L(0)) - L(a) * L.indicator(x .< L(b))
    }

    /// [∂f/∂a, ∂f/∂b] = [max(0, b − x), a if x < b else 0], in every lane of `x` (at x = b the branch `derivative`
    /// takes).
    public func parameterGradients<L: ElementaryLanes>(_ x: L) -> [L] {
        [(L(b) - x).positivePart, L(a) * L.indicator(x .< L(b))]
    }
}
