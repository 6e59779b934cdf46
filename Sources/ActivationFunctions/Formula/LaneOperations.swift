import RealModule

/// The operations of a formula over lanes, shared by the scalar tree walk and the block program so
/// that the two run the same algorithm and agree bit for bit. Each is a catalog primitive (`L.exp`,
/// `L.tanh`, …) or a short composition of them.
enum LaneOperations {
    @inline(__always)
    static func apply<L: ElementaryLanes>(_ f: UnaryFunction, _ u: L) -> L {
        switch f {
        case .negate: return L(0) - u
        case .exp: return L.exp(u)
        case .log: return L.log(u)
        case .log1p: return L.log(onePlus: u)
        case .expm1: return L.expMinusOne(u)
        case .sqrt: return u.squareRoot()
        case .abs: return u.magnitude
        case .sign: return select(u .> L(0), L(1), select(u .< L(0), L(-1), u * L(0)))  // keeps NaN and ±0
        case .sin: return L.sin(u)
        case .cos: return L.cos(u)
        case .tan: return L.sin(u) / L.cos(u)
        case .tanh: return L.tanh(u)
        case .atan: return L.atan(u)
        case .asinh: return L.asinh(u)
        case .erf: return erf(u)
        case .erfc: return L.erfc(u)
        }
    }

    @inline(__always)
    static func apply<L: ElementaryLanes>(_ op: BinaryOperator, _ a: L, _ b: L) -> L {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .min: return select(b .< a, b, a)
        case .max: return select(b .> a, b, a)
        case .power: return a.laneByLaneInDouble(with: b, power)  // small whole and half constant exponents are compiled apart
        }
    }

    /// aᵇ as C's `pow` has it, in `Double` (a `Float` lane's result rounded once from it): a negative base
    /// with a whole exponent keeps the sign an odd exponent gives, and a⁰ = 1 for every a. It was
    /// e^{b·ln a}, which gave NaN for (−2)³ and for x⁶⁵ at x < 0, NaN for 0⁰, and carried the rounding of
    /// b·ln a magnified |b·ln a|-fold (10³ came out 6 ulp off, 3¹⁰⁰ 50 ulp): C's `pow` is within an ulp.
    /// A lane at a time, through the C library: slower than the vectorised e^{b·ln a} it replaced (not
    /// measured), for every exponent but the constant small whole ones and ½ (`FormulaProgram`); an
    /// answer off by dozens of ulp, or NaN for (−2)³, was not worth that speed.
    static func power(_ a: Double, _ b: Double) -> Double {
        guard b.rounded() == b else { return Double.pow(a, b) }  // NaN for a < 0, as it should be
        // A whole exponent, ±∞ included (swift-numerics passes it to C's `pow`, which takes negative bases;
        // beyond 2⁶² every exponent is even).
        return b.magnitude < 0x1p62 ? Double.pow(a, Int(b)) : Double.pow(a.magnitude, b)
    }

    /// uⁿ for a small whole n (|n| ≤ 4: `FormulaProgram`), by repeated squaring (so a negative base works: (−2)³ = −8).
    @inline(__always)
    static func power<L: ElementaryLanes>(_ u: L, whole n: Int) -> L {
        var (result, base, k) = (L(1), u, n.magnitude)
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            base = base * base
            k >>= 1
        }
        return n < 0 ? L(1) / result : result
    }

    @inline(__always)
    static func compare<L: ElementaryLanes>(_ c: Comparison, _ a: L, _ b: L) -> L.Mask {
        switch c {
        case .less: a .< b
        case .lessOrEqual: a .<= b
        case .greater: a .> b
        case .greaterOrEqual: a .>= b
        }
    }

    /// 2/√π·Σ (−1)ⁿ x²ⁿ⁺¹/(n!(2n + 1)), fourteen terms: below |x| = 0.5 the next term is under 10⁻¹⁸.
    static let erfSeries: [Double] = (0..<14).map { n in
        let factorial = (1...max(n, 1)).reduce(1.0) { $0 * Double($1) }
        return (n.isMultiple(of: 2) ? 2 : -2) / Double.pi.squareRoot() / ((n == 0 ? 1 : factorial) * Double(2 * n + 1))
    }

    /// erf(x): the series near 0, where 1 − erfc(x) would cancel; elsewhere ±(1 − erfc(|x|)).
    @inline(__always)
    static func erf<L: ElementaryLanes>(_ x: L) -> L {
        let t = x * x
        var sum = L(erfSeries[erfSeries.count - 1])
        for c in erfSeries.dropLast().reversed() { sum = L(c).addingProduct(sum, t) }
        let series = x * sum
        let far = (L(1) - L.erfc(x.magnitude)).withSign(of: x)
        return select(x.magnitude .< L(0.5), series, far)
    }
}
