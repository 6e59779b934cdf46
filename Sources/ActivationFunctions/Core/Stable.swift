/// Stable building blocks shared by several activations. Each keeps full relative accuracy in the
/// tails, where the textbook formula overflows or cancels.

/// σ(x) and σ(−x) = 1 − σ(x), both accurate in both tails: with e = e^{−|x|} ≤ 1,
/// the pair is 1/(1+e) and e/(1+e), swapped by the sign of x.
@inline(__always) func sigmoidPair<L: ElementaryLanes>(_ x: L) -> (positive: L, negative: L) {
    let (big, small) = sigmoidOfMagnitude(x)
    let xIsNegative = x .< L(0)
    return (select(xIsNegative, small, big), select(xIsNegative, big, small))
}

/// σ(|x|) and σ(−|x|): 1/(1 + e) and e/(1 + e) with e = e^{−|x|}. (σ′ is computed more
/// cheaply and more accurately by `sigmoidSlope` than as their product.)
@inline(__always) func sigmoidOfMagnitude<L: ElementaryLanes>(_ x: L) -> (big: L, small: L) {
    let e = exp(rarelyOutsideNormalRange: L(0) - x.magnitude)  // 0 − |x| is one subtraction; −|x| was not
    let big = reciprocalOfOnePlus(e)
    return (big, e * big)
}

/// σ′(x) = σ(x)σ(−x) = e/(1 + e)² with e = e^{−|x|} ≤ 1, the square taken as 1 + e(e + 2) in one
/// fused multiply-add, so the rounding of 1 + e is not doubled. Nothing cancels: 2.379 ulp in `Float`
/// over all 2³² inputs, where σ(|x|)·σ(−|x|) from the ½-ulp pair of `sigmoidOfMagnitude` measured
/// 3.295 at seven operations more, and e/((1 + e)·(1 + e)) 4.217. A subnormal result keeps its
/// digits: e comes from the full eˣ there.
@inline(__always) func sigmoidSlope<L: ElementaryLanes>(_ x: L) -> L {
    let e = exp(rarelyOutsideNormalRange: L(0) - x.magnitude)
    return e / L(1).addingProduct(e, e + L(2))
}

/// e^x, bit for bit `L.exp(x)`, through the shorter `expNormalRange` unless some lane lies outside
/// [−87, 88], where e^x leaves the normal range. The branch is taken per vector, and both paths give
/// the same bits wherever both are exact, so a result never depends on its neighbours.
@inlinable @inline(__always) func exp<L: ElementaryLanes>(rarelyOutsideNormalRange x: L) -> L {
    L.anyLane(x .< L(-87), or: x .> L(88)) ? L.exp(x) : L.expNormalRange(x)
}

/// 1/(1 + e) for 0 ≤ e ≤ 1, correcting the roundings of 1 + e and of the division (both exact by
/// two-sum and a fused multiply-add), so the result is within about ½ ulp plus e's own error × e.
@inline(__always) func reciprocalOfOnePlus<L: Lanes>(_ e: L) -> L {
    let d = L(1) + e
    let dError = (L(1) - d) + e
    let q = L(1) / d
    let residual = L(1).addingProduct(-q, d)
    return q.addingProduct(q, residual - dError * q)
}

/// σ(x) = 1/(1 + e^{−x}) for x ≥ −87, where nothing cancels and three roundings (e^{−x}, 1 + e^{−x},
/// the division) stay within 2.5 ulp (2.481 in `Float`, measured over all 2³² inputs). Below −87,
/// e^{−x} nears overflow and σ(x) = eˣ to within 1e−38 relative, so those lanes take eˣ, which keeps
/// subnormal results' digits. That path runs only for a vector holding such a lane and leaves the
/// other lanes' values unchanged, so a result never depends on its neighbours. (`sigmoidPair` gives
/// σ and 1 − σ to ½ ulp, for derivatives.)
@inline(__always) func sigmoid<L: ElementaryLanes>(_ x: L) -> L { sigmoid(x, times: L(1)) }

/// factor·σ(x) = factor/(1 + e^{−x}), as `sigmoid(_:)` with the factor in the numerator (one rounding
/// fewer than factor·σ(x)); below −87, factor·eˣ with the factor applied before eˣ's scaling, and at
/// x = −∞ a zero with the factor's sign (the limit of x·σ(x) for silu, whose factor·eˣ would be −∞·0).
/// At +∞ the quotient is the factor itself (e^{−x} comes out 0 or about 2⁻¹²⁶), so an ordinary vector
/// tests for no infinity. For silu, x/(1 + e^{−x}): 2.403 ulp in `Float` over all inputs.
@inline(__always) func sigmoid<L: ElementaryLanes>(_ x: L, times factor: L) -> L {
    let plain = factor / (L(1) + L.expNormalRange(-x))  // an e^{−x} below 2⁻¹²⁶ vanishes beside 1
    let farLeft = x .< L(-87)
    guard L.anyLane(farLeft) else { return plain }
    let far = L.exp(x, times: factor).replacing(with: factor.signedZeroOfAny, where: x .== -.infinity)
    return plain.replacing(with: far, where: farLeft)
}

/// σ(hi + lo) for an argument carried in two parts: σ(hi)·(1 + σ(−hi)·lo), since (ln σ)′ = 1 − σ.
@inline(__always) func sigmoid<L: ElementaryLanes>(_ v: DoubleDouble<L>) -> L {
    let (s, complement) = sigmoidPair(v.hi)
    return s.addingProduct(s, complement * v.lo)
}

/// ln σ(x) = min(x, 0) − ln(1 + e^{−|x|}), as `Softplus` computes ln(1 + e^{−|x|}) (below x = −87,
/// where e^{−|x|} is subnormal, those vectors take the full eˣ, digits included); written −(ln(1 + e) −
/// min(x, 0)), the same rounding, so that where e^{−|x|} underflows (x > 104) the result is −0, on
/// the side of the true value −e^{−x}, not +0.
@inline(__always) func logSigmoid<L: ElementaryLanes>(_ x: L) -> L {
    -(logOnePlusUnit(exp(rarelyOutsideNormalRange: L(0) - x.magnitude)) - x.negativePart)  // a sign-bit flip
}

/// ln(1 + e) for e in [0, 1]: `Float` lanes take the kernel made for that range
/// (`vectorLogOnePlusUnit`: one division, where ln(1 + x) for any x takes two); other lanes `log(onePlus:)`.
@inline(__always) func logOnePlusUnit<L: ElementaryLanes>(_ e: L) -> L {
    if L.self == SIMD16<Float>.self {
        return unsafeBitCast(SIMD16<Float>.vectorLogOnePlusUnit(unsafeBitCast(e, to: SIMD16<Float>.self)), to: L.self)
    }
    if L.self == Float.self {
        let lanes = SIMD16<Float>(repeating: unsafeBitCast(e, to: Float.self))
        return unsafeBitCast(SIMD16<Float>.vectorLogOnePlusUnit(lanes)[0], to: L.self)
    }
    return L.log(onePlus: e)
}

/// sech²x = 1 − tanh²x, computed as 4q/(1 + q)² with q = e^{−2|x|} so the tails keep their digits;
/// the square is 1 + q(q + 2) in one fused multiply-add, as in `sigmoidSlope`. 2.755 ulp in `Float`
/// over all 2³² inputs, at x = 44.18, where q is subnormal and 4q is not.
@inline(__always) func sech2<L: ElementaryLanes>(_ x: L) -> L {
    let q = exp(rarelyOutsideNormalRange: L(-2) * x.magnitude)
    return L(4) * q / L(1).addingProduct(q, q + L(2))
}

/// √(x² + c) for c ≥ 0, without overflowing x² when |x| is large.
@inline(__always) func sqrtSquarePlus<L: ElementaryLanes>(_ x: L, _ c: L) -> L {
    let small = (x * x + c).squareRoot()
    let inverse = L(1) / x
    let large = x.magnitude * (L(1) + c * inverse * inverse).squareRoot()
    return select(x.magnitude .> L(1), large, small)
}

/// e^{−x²}, with x² carried exactly so that its rounding error is not amplified by the exponential.
@inline(__always) func gaussian<L: ElementaryLanes>(_ x: L) -> L {
    let square = DoubleDouble.product(x, x)
    let e = L.exp(-square.hi)
    let corrected = e.addingProduct(-e, square.lo)
    return select(square.hi .== .infinity, L(0), corrected)
}

/// 1/√(1 + αx²) for α > 0, computed as (1/|x|)/√(α + 1/x²) when |x| > 1 so nothing overflows.
@inline(__always) func inverseSquareRootUnit<L: ElementaryLanes>(_ x: L, alpha: Double) -> L {
    let small = L(1) / (L(1) + L(alpha) * x * x).squareRoot()
    let inverse = L(1) / x.magnitude
    let large = inverse / (L(alpha) + inverse * inverse).squareRoot()
    return select(x.magnitude .> L(1), large, small)
}
