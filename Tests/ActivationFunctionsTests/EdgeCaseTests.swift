import ActivationFunctions
import Testing

/// Kinks, NaN, infinities and signed zeros (reference/numerics-and-validation.md §5.1).
@Suite("Edge cases")
struct EdgeCaseTests {
    /// Derivatives at kinks, following PyTorch (issue 2, §3.2 of the numerics note).
    static let kinkConventions: [(id: String, parameters: [String: Double], x: Double, derivative: Double)] = [
        ("relu", [:], 0, 0),
        ("leaky-relu", [:], 0, 0.01),
        ("leaky-relu", ["slope": 0.3], 0, 0.3),
        ("prelu", [:], 0, 0.25),
        ("rrelu", [:], 0, (0.125 + 1.0 / 3.0) / 2),
        ("relu6", [:], 0, 0), ("relu6", [:], 6, 0),
        ("hard-tanh", [:], -1, 0), ("hard-tanh", [:], 1, 0),
        ("hard-sigmoid", [:], -3, 0), ("hard-sigmoid", [:], 3, 0),
        ("hard-swish", [:], -3, 0), ("hard-swish", [:], 3, 1),
        ("elu", [:], 0, 1), ("elu", ["alpha": 0.5], 0, 0.5),
        ("selu", [:], 0, 1.0507009873554804934193349852946 * 1.6732632423543772848170429916717),
        ("celu", [:], 0, 1), ("celu", ["alpha": 0.5], 0, 1),
        ("step", [:], 0, 0), ("step", [:], 1, 0), ("sign", [:], 0, 0), ("sign", [:], -2, 0),
        ("absolute", [:], 0, 0),
        ("threshold", ["threshold": 1], 1, 0),
        ("soft-shrink", [:], 0.5, 0), ("soft-shrink", [:], -0.5, 0),
        ("hard-shrink", [:], 0.5, 0), ("hard-shrink", [:], -0.5, 0),
        ("sparse-plus", [:], -1, 0), ("sparse-plus", [:], 1, 1),
        ("sparse-sigmoid", [:], -1, 0), ("sparse-sigmoid", [:], 1, 0),
        ("srelu", [:], -1, 0.1), ("srelu", [:], 1, 0.1),
        ("plu", [:], 1, 0.1), ("plu", [:], -1, 0.1),
        ("apl", [:], 0, 0), ("apl", ["b": 1], 1, 1),
    ]

    @Test("derivatives at kinks follow PyTorch", arguments: kinkConventions.indices)
    func kink(index: Int) throws {
        let (id, parameters, x, expected) = Self.kinkConventions[index]
        let f = try Activations.elementwise(id, parameters: parameters)
        #expect(abs(f.derivative(at: x) - expected) <= 1e-15, "\(id)′(\(x)) = \(f.derivative(at: x))")
        #expect(f.derivative(at: Float(x)) == Float(expected), "\(id)′(\(x)) in Float")
    }

    /// Where e^{αx} overflows but (e^{αx} − 1)/α + α does not, for a huge α the + α is most of f:
    /// α = 10³⁰⁰, x = 7.5·10⁻²⁹⁸ gives αx = 750 and f = e^{750}/10³⁰⁰ + 10³⁰⁰ ≈ 10³⁰⁰(1 + 10⁻²⁷⁴), which
    /// rounds to 10³⁰⁰; in `Float`, α = 10³⁰ at x = 10⁻²⁸ gives e^{100}/10³⁰ + 10³⁰ ≈ 10³⁰(1 + 2.7·10⁻¹⁷).
    /// (The overflow path gave 5.26·10²⁵ and 2.7·10¹³ without it.)
    @Test("soft-exponential keeps its + α where e^{αx} overflows")
    func softExponentialHugeAlpha() throws {
        let double = try Activations.elementwise("soft-exponential", parameters: ["alpha": 1e300])
        #expect(double(7.5e-298) == 1e300, "\(double(7.5e-298))")
        let float = try Activations.elementwise("soft-exponential", parameters: ["alpha": 1e30])
        #expect(float(Float(1e-28)) == Float(1e30), "\(float(Float(1e-28)))")
    }

    /// Where x/α (CELU) or αx (soft exponential) is far below 1, the function is x(1 + u/2 + u²/6 + …):
    /// to `Double`'s precision, x itself (plus α for soft exponential). For α = 10³⁰⁰ (CELU) and
    /// 10⁻³⁰⁰ (soft exponential) u went subnormal or to 0, and the quotient lost every digit: CELU gave
    /// −9.99988·10⁻²¹ at −10⁻²⁰ and −0 at −10⁻³⁰; soft exponential gave +10⁻³⁰⁰ at −10⁻³⁰.
    @Test("CELU and soft-exponential where x/α or αx is tiny: x (plus α), by the series")
    func tinyScaledArgument() throws {
        let celu = try Activations.elementwise("celu", parameters: ["alpha": 1e300])
        for x in [-1e-20, -1e-30, -1e-300, -3.5] {
            #expect(celu(x) == x, "celu(\(x)) = \(celu(x))")
            #expect(celu.forward([x]) == [x])
        }
        #expect(celu(-0.0).sign == .minus && celu(-0.0) == 0, "−0 stays −0")
        let soft = try Activations.elementwise("soft-exponential", parameters: ["alpha": 1e-300])
        for x in [-1e-30, -1e-20, 2.5, -1e200] {
            #expect(soft(x) == x, "soft-exponential(\(x)) = \(soft(x))")  // x + 10⁻³⁰⁰ rounds to x
            #expect(soft.forward([x]) == [x])
        }
        #expect(soft(0.0) == 1e-300)
        // An ordinary α near 0: x + x²/2 + α, against the series (x = 10⁻⁹, α = 1: e^x − 1 + 1).
        let one = try Activations.elementwise("soft-exponential", parameters: ["alpha": 1])
        #expect(one(1e-9) == 1 + 1e-9 + 5e-19, "\(one(1e-9))")
    }

    /// A slope of 0 makes these functions 0 (or, for PLU, the clamp to [−c, c]) on a side, and the
    /// limit at ±∞ is that constant; 0·∞ gave NaN there. (Leaky ReLU and RReLU keep that exception at
    /// −∞ for a slope of exactly 0: the test slowed their kernels; see Accuracy.md.)
    @Test("a slope of 0: the limits at ±∞ are the constant, not NaN", arguments: ["identity", "plu"])
    func zeroSlopeLimits(_ id: String) throws {
        let parameters: [String: Double] =
            switch id {
            case "identity": ["c": 0]
            case "leaky-relu": ["slope": 0]
            case "rrelu": ["lower": 0, "upper": 0]
            default: ["alpha": 0, "c": 1]
            }
        let f = try Activations.elementwise(id, parameters: parameters)
        let minus: Double = id == "plu" ? -1 : 0
        let plus: Double = id == "plu" ? 1 : id == "identity" ? 0 : .infinity
        #expect(f(-Double.infinity) == minus && f(Double.infinity) == plus, "\(id): \(f(-Double.infinity)), \(f(Double.infinity))")
        #expect(f(-Float.infinity) == Float(minus) && f(Float.infinity) == Float(plus))
        #expect(f.forward([-Double.infinity, -1e308, 3, .infinity]) == [minus, minus, id == "identity" ? 0 : id == "plu" ? 1 : 3, plus])
        #expect(f(Double.nan).isNaN)
    }

    /// Soft exponential with α < 0 is defined only for x > α − 1/α (−1.5 at α = −0.5): below it the
    /// value is NaN, and the slope must be too (it was the formula's finite −1.333 at x = −3). The
    /// batch kernels agree with the scalar calls.
    @Test("soft-exponential with α < 0: no slope where there is no value")
    func softExponentialOutsideItsDomain() throws {
        let f = try Activations.elementwise("soft-exponential", parameters: ["alpha": -0.5])
        for x in [-3.0, -1.6, -1e300, -.infinity] {
            #expect(f(x).isNaN && f.derivative(at: x).isNaN, "f(\(x)) = \(f(x)), f′ = \(f.derivative(at: x))")
            #expect(f(Float(x)).isNaN && f.derivative(at: Float(x)).isNaN, "Float \(x)")
        }
        let inside = -1.4  // 1 − α(α + x) = 0.05: f′ = 20
        #expect(abs(f.derivative(at: inside) - 20) <= 1e-12, "\(f.derivative(at: inside))")
        let xs = [-3.0, -1.4, 0, 2]
        let batch = f.backward(xs, [Double](repeating: 1, count: xs.count))
        #expect(batch[0].isNaN && batch[1...] == xs[1...].map { f.derivative(at: $0) }[...], "\(batch)")
    }

    /// With α < 0, f grows like −ln(−αx)/α to +∞ and f′ = 1/(1 − α(α + x)) falls to 0 as x → +∞. The
    /// distance to the pole is carried in parts (α and 1 − α² each hi + lo); at x = +∞ those low parts
    /// are 0·∞ or ∞ − ∞, which must not reach the limits. α = −0.3 is not a power of two, so its `Float`
    /// lanes carry a nonzero low part.
    @Test("soft-exponential with α < 0: the limits at +∞, in both types and lanes of the batch kernels")
    func softExponentialNegativeAlphaAtInfinity() throws {
        for alpha in [-0.3, -0.5, -3.0, -1e-300] {
            let f = try Activations.elementwise("soft-exponential", parameters: ["alpha": alpha])
            #expect(f(Double.infinity) == .infinity && f.derivative(at: Double.infinity) == 0, "α = \(alpha)")
            #expect(f(Float.infinity) == .infinity && f.derivative(at: Float.infinity) == 0, "Float, α = \(alpha)")
            let xs: [Float] = [0.5, .infinity] + [Float](repeating: 1, count: 30)
            let (y, dx) = (f.forward(xs), f.backward(xs, [Float](repeating: 1, count: xs.count)))
            #expect(y[1] == .infinity && dx[1] == 0, "Float batch, α = \(alpha): \(y[1]), \(dx[1])")
        }
    }

    /// Squareplus far left is about b/(4|x|) (√(x² + b) = |x|(1 + b/2x² + …)): it was 0 below −9·10³⁰⁷
    /// (−1.7·10³⁸ in `Float`), where √(x² + b) − x overflowed. At b = 4 the value is 1/|x| to within
    /// 10⁻⁶⁰⁰ relative, so the correctly rounded quotient is the reference; the slope b/(4x²) underflows.
    @Test("squareplus keeps b/(4|x|) down to the most negative number")
    func squareplusFarLeft() throws {
        let f = try Activations.elementwise("squareplus")
        for x in [Double.greatestFiniteMagnitude, 9e307, 1e300] {
            #expect(f(-x) == 1 / x, "f(−\(x)) = \(f(-x)), 1/x = \(1 / x)")
        }
        for x in [Float.greatestFiniteMagnitude, 2e38] {
            #expect(f(-x) == 1 / x, "Float f(−\(x)) = \(f(-x)), 1/x = \(1 / x)")
        }
        #expect(f.derivative(at: -Double.greatestFiniteMagnitude) == 0)
        let slope = f.derivative(at: -1e100)  // b/(4x²), within a few roundings
        #expect(abs(slope - 1e-200) <= 4 * (1e-200).ulp, "b/(4x²): \(slope)")
    }

    /// With the smallest b (5e−324) b/4 underflows to 0, and the slope's left form made 0/0 = NaN at
    /// x = −10⁻³⁰⁰, where f′ = ½(1 + x/√(x² + b)) = ½ − 2·10⁻¹³⁹ rounds to ½ exactly.
    @Test("squareplus keeps its slope of ½ near 0 at the smallest b")
    func squareplusSmallestB() throws {
        let f = try Activations.elementwise("squareplus", parameters: ["b": 5e-324])
        #expect(f.derivative(at: -1e-300) == 0.5 && f.derivative(at: 1e-300) == 0.5)
        #expect(f.backward([-1e-300] as [Double], [1]) == [0.5])
    }

    /// A softplus β below `Float`'s range is 0 in `Float` lanes: every finite x overflows (ln 2/β is
    /// above 10²⁹⁹), and ±∞·0 made the limits NaN.
    @Test("softplus with a β below Float's range keeps its limits at ±∞ in Float")
    func softplusBetaBelowFloat() throws {
        let f = try Activations.elementwise("softplus", parameters: ["beta": 1e-300])
        #expect(f.forward([Float.infinity, -.infinity, 0, -3e38]) == [.infinity, 0, .infinity, .infinity])
        #expect(f.backward([Float.infinity, -.infinity, 0], [1, 1, 1]) == [1, 0, 0.5])
        #expect(f.forward([Float.nan])[0].isNaN && f.backward([Float.nan], [1])[0].isNaN)
    }

    @Test(
        "NaN in gives NaN out, for values and derivatives, in Double and Float",
        arguments: Activations.elementwiseIDs)
    func nanPropagates(id: String) throws {
        let f = try Activations.elementwise(id)
        #expect(f(Double.nan).isNaN)
        #expect(f.derivative(at: Double.nan).isNaN)
        #expect(f(Float.nan).isNaN)
        #expect(f.derivative(at: Float.nan).isNaN)
    }

    @Test(
        "a function that skips evaluate's NaN blend returns NaN for NaN by itself, in every lane type",
        arguments: Activations.elementwiseIDs)
    func nanKeptWithoutTheBlend(id: String) throws {
        for parameters in Self.parameterChoices(id) {
            let f = try Activations.elementwise(id, parameters: parameters)
            let kept = Self.rawKeepsNaN(f)
            let declared = type(of: f).keepsNaN
            if declared.contains(.value) { #expect(kept.value, "\(id) \(parameters): value drops a NaN") }
            if declared.contains(.derivative) { #expect(kept.derivative, "\(id) \(parameters): derivative drops a NaN") }
        }
    }

    /// The defaults, then each parameter on its own at a few other valid values (0, ½, 3, its bounds).
    static func parameterChoices(_ id: String) -> [[String: Double]] {
        guard let info = Activations.named(id)?.info else { return [[:]] }
        var choices: [[String: Double]] = [[:]]
        for spec in info.parameters {
            for value in [0, 0.5, 3, spec.range.lower, spec.range.upper] where value.isFinite {
                if (try? info.validate([spec.name: value])) != nil { choices.append([spec.name: value]) }
            }
        }
        return choices
    }

    /// Whether `value` and `derivative` alone (no blend) give NaN in every NaN lane: quiet NaNs of
    /// both signs and with a payload, in `Float`, `Double`, `SIMD16<Float>` and `SIMD4<Double>`; in
    /// vectors of ordinary numbers only (the fast paths) and beside zeros, infinities, kinks and numbers
    /// large enough to send a vector down its careful path (exponentials beyond their range).
    static func rawKeepsNaN<F: ElementwiseActivation>(_ f: F) -> (value: Bool, derivative: Bool) {
        var (value, derivative) = (true, true)
        func note<T: BinaryFloatingPoint>(_ y: T, _ slope: T) {
            value = value && y.isNaN
            derivative = derivative && slope.isNaN
        }
        let floatNaNs = [Float.nan, -Float.nan, Float(nan: 0x123, signaling: false), -Float(nan: 0x123, signaling: false)]
        let doubleNaNs = [Double.nan, -Double.nan, Double(nan: 0x1234, signaling: false), -Double(nan: 0x1234, signaling: false)]
        for x in floatNaNs { note(f.value(x), f.derivative(x)) }
        for x in doubleNaNs { note(f.value(x), f.derivative(x)) }
        let (n, m) = (floatNaNs, doubleNaNs)
        let floatVectors: [SIMD16<Float>] = [
            [n[0], 0.5, -0.5, n[1], 1, -1, 2, -2, n[2], 0.25, -0.25, 1.5, -1.5, 0.75, -0.75, n[3]],
            [n[0], 0, -0.0, n[1], 1, -1, .infinity, -.infinity, n[2], 3, -3, 0.5, -0.5, 100, -100, n[3]],
            [n[0], 200, -200, n[1], 1e30, -1e30, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, n[2], 89, -89,
             6, -6, 1e-40, -1e-40, n[3]],
        ]
        for v in floatVectors {
            let (y, slope) = (f.value(v), f.derivative(v))
            for k in 0..<16 where v[k].isNaN { note(y[k], slope[k]) }
        }
        let doubleVectors: [SIMD4<Double>] = [
            [m[0], 0.5, -1.5, m[1]], [m[2], 0, -0.0, m[3]], [m[0], .infinity, -.infinity, m[3]],
            [m[1], -800, 800, m[2]], [m[0], 1e300, -1e300, m[3]], [m[1], 3, -3, m[2]],
        ]
        for v in doubleVectors {
            let (y, slope) = (f.value(v), f.derivative(v))
            for k in 0..<4 where v[k].isNaN { note(y[k], slope[k]) }
        }
        return (value, derivative)
    }

    /// f(+∞), f(−∞), f′(+∞), f′(−∞): the mathematical limits (NaN where there is none).
    static let limits: [String: (Double, Double, Double, Double)] = [
        "identity": (.infinity, -.infinity, 1, 1), "step": (1, 0, 0, 0), "sign": (1, -1, 0, 0),
        "threshold": (.infinity, 0, 1, 0), "relu": (.infinity, 0, 1, 0), "relu6": (6, 0, 0, 0),
        "squared-relu": (.infinity, 0, .infinity, 0), "leaky-relu": (.infinity, -.infinity, 1, 0.01),
        "prelu": (.infinity, -.infinity, 1, 0.25),
        "rrelu": (.infinity, -.infinity, 1, (0.125 + 1.0 / 3.0) / 2),
        "srelu": (.infinity, -.infinity, 0.1, 0.1), "plu": (.infinity, -.infinity, 0.1, 0.1),
        "apl": (.infinity, .infinity, 1, -0.2), "elu": (.infinity, -1, 1, 0), "celu": (.infinity, -1, 1, 0),
        "selu": (.infinity, -1.7580993408473766, 1.0507009873554805, 0), "isrlu": (.infinity, -1, 1, 0),
        "isru": (1, -1, 0, 0), "gelu": (.infinity, 0, 1, 0), "gelu-tanh": (.infinity, 0, 1, 0),
        "quick-gelu": (.infinity, 0, 1, 0), "silu": (.infinity, 0, 1, 0), "hard-swish": (.infinity, 0, 1, 0),
        "mish": (.infinity, 0, 1, 0), "softplus": (.infinity, 0, 1, 0), "squareplus": (.infinity, 0, 1, 0),
        "sparse-plus": (.infinity, 0, 1, 0), "soft-exponential": (.infinity, -.infinity, 1, 1),
        "bent-identity": (.infinity, -.infinity, 1.5, 0.5), "lisht": (.infinity, .infinity, 1, -1),
        "log-cosh": (.infinity, .infinity, 1, -1), "exponential": (.infinity, 0, .infinity, 0),
        "sigmoid": (1, 0, 0, 0), "log-sigmoid": (0, -.infinity, 0, 1), "hard-sigmoid": (1, 0, 0, 0),
        "sparse-sigmoid": (1, 0, 0, 0), "symmetric-sigmoid": (1, -1, 0, 0), "log-log": (1, 0, 0, 0),
        "tanh": (1, -1, 0, 0), "lecun-tanh": (1.7159, -1.7159, 0, 0), "hard-tanh": (1, -1, 0, 0),
        "soft-clipping": (1, 0, 0, 0), "arctan": (.pi / 2, -.pi / 2, 0, 0), "arsinh": (.infinity, -.infinity, 0, 0),
        "softsign": (1, -1, 0, 0), "sqnl": (1, -1, 0, 0), "tanh-shrink": (.infinity, -.infinity, 1, 1),
        "soft-shrink": (.infinity, -.infinity, 1, 1), "hard-shrink": (.infinity, -.infinity, 1, 1),
        "absolute": (.infinity, .infinity, 1, -1), "gaussian": (0, 0, 0, 0), "sq-rbf": (0, 0, 0, 0),
        "sinusoid": (.nan, .nan, .nan, .nan), "cos": (.nan, .nan, .nan, .nan), "sinc": (0, 0, 0, 0),
    ]

    @Test("every elementwise function has its limits at ±∞ listed", arguments: Activations.elementwiseIDs)
    func limitsListed(id: String) {
        #expect(Self.limits[id] != nil)
    }

    @Test("±∞ gives the mathematical limit", arguments: Self.limits.keys.sorted())
    func infinities(id: String) throws {
        let f = try Activations.elementwise(id)
        let (plus, minus, slopePlus, slopeMinus) = Self.limits[id]!
        let cases = [
            (f(Double.infinity), plus), (f(-Double.infinity), minus),
            (f.derivative(at: .infinity), slopePlus), (f.derivative(at: -.infinity), slopeMinus),
        ]
        for (index, (got, expected)) in cases.enumerated() {
            let close =
                got == expected || (got.isNaN && expected.isNaN)
                || abs(got - expected) <= 2 * expected.magnitude.ulp
            #expect(close, "\(id) case \(index) [f(+∞), f(−∞), f′(+∞), f′(−∞)]: got \(got), expected \(expected)")
        }
        #expect(
            f(Float.infinity) == Float(plus) || (plus.isNaN && f(Float.infinity).isNaN)
                || abs(Double(f(Float.infinity)) - plus) <= 2 * Double(Float(plus).ulp))
    }

    @Test(
        "odd functions map ±0 to ±0",
        arguments: Activations.all.map { $0.info }
            .filter { $0.zeroCentred == .yes && $0.family != .vector }.map(\.id)
            + ["leaky-relu", "prelu", "rrelu", "elu", "selu", "celu"])
    func signedZero(id: String) throws {
        let f = try Activations.elementwise(id)
        #expect(f(-0.0) == 0 && f(-0.0).sign == .minus, "\(id)(−0) = \(f(-0.0))")
        #expect(f(0.0) == 0 && f(0.0).sign == .plus, "\(id)(+0) = \(f(0.0))")
        #expect(f(-Float(0)).sign == .minus)
    }

    @Test("log-sigmoid is below 0 everywhere: where −e^{−x} underflows it is −0, never +0")
    func logSigmoidUnderflowsToMinusZero() throws {
        let f = try Activations.elementwise("log-sigmoid")
        for x: Float in [110, 200, 1e30, .greatestFiniteMagnitude] {
            #expect(f(x) == 0 && f(x).sign == .minus, "log-sigmoid(\(x)) = \(f(x))")
        }
        #expect(f.forward([Float](repeating: 300, count: 37)).allSatisfy { $0 == 0 && $0.sign == .minus })
        for x: Double in [750, 1e300] {
            #expect(f(x) == 0 && f(x).sign == .minus, "log-sigmoid(\(x)) = \(f(x))")
        }
        #expect(f(Float(50)) < 0 && f(Double(50)) < 0)  // −e^{−50}: a number, not yet 0
    }

    @Test("ReLU keeps NaN where max(x, 0) would drop it (pytorch#7999), and exact zeros elsewhere")
    func reluNaN() throws {
        let relu = try Activations.elementwise("relu")
        #expect(
            relu.forward([Double.nan, -1, 0, 2, .nan, -3, 4, 5, .nan]).map { $0.isNaN } == [
                true, false, false, false, true, false, false, false, true,
            ])
    }
}
