import ActivationFunctions
import Testing

/// Formulas against the catalog functions they spell out, and against finite differences.
@Suite("Formulas: values and derivatives")
struct FormulaTests {
    /// Formulas that spell out a catalog function at its defaults (written from the papers' formulas).
    static let corpus: [(formula: String, id: String)] = [
        ("f(x) = x*sigmoid(x)", "silu"),
        ("f(x) = x / (1 + exp(-x))", "silu"),
        ("f(x) = x*tanh(softplus(x))", "mish"),
        ("f(x) = x * tanh(log(1 + exp(x)))", "mish"),
        ("f(x) = log(1 + exp(x))", "softplus"),
        ("f(x) = x > 0 ? x : 0.01*x", "leaky-relu"),
        ("f(x) = max(0.01·x, x)", "leaky-relu"),
        ("f(x) = 0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3)))", "gelu-tanh"),
        ("f(x) = x/2 × (1 + erf(x/sqrt(2)))", "gelu"),
        ("f(x) = max(0, x)", "relu"),
        ("f(x) = 1/(1 + exp(-x))", "sigmoid"),
        ("f(x) = (exp(x) - exp(-x))/(exp(x) + exp(-x))", "tanh"),
        ("f(x) = x < 0 ? expm1(x) : x", "elu"),
        ("f(x) = x/(1 + abs(x))", "softsign"),
        ("f(x) = exp(-x^2)", "gaussian"),
    ]

    static let points = stride(from: -6.0, through: 6.0, by: 0.05).map { $0 + 1.234e-3 }

    @Test("each corpus formula equals its catalog function, f and f′", arguments: corpus.indices)
    func matchesCatalog(_ index: Int) throws {
        let (text, id) = Self.corpus[index]
        let formula = try Formula(parsing: text)
        let f = try Activations.elementwise(id)
        for x in Self.points {
            let (mine, reference) = (formula(x), f(x))
            #expect(
                abs(mine - reference) <= 1e-9 * (1 + abs(reference)), "\(text) at \(x): \(mine) vs \(id) \(reference)")
            let (slope, referenceSlope) = (formula.derivative(at: x), f.derivative(at: x))
            #expect(
                abs(slope - referenceSlope) <= 1e-9 * (1 + abs(referenceSlope)),
                "\(text)′ at \(x): \(slope) vs \(id)′ \(referenceSlope)")
        }
        #expect(formula.catalogMatches().contains(id))
    }

    @Test("each corpus formula's derivative against central differences", arguments: corpus.indices)
    func finiteDifferences(_ index: Int) throws {
        let formula = try Formula(parsing: Self.corpus[index].formula)
        let h = 1e-6
        for x in Self.points where abs(x) > 1e-3 {
            let numeric = (formula(x + h) - formula(x - h)) / (2 * h)
            let analytic = formula.derivative(at: x)
            #expect(abs(numeric - analytic) <= 1e-5 + 1e-3 * abs(analytic), "\(Self.corpus[index].formula)′(\(x))")
        }
    }

    /// The acceptance test: `eval 'f(x)=x*sigmoid(x)'` against `eval silu` at −3, 0, 3.
    @Test("x*sigmoid(x) through the batch kernels is within 4 ulp of silu, f and f′, Double and Float")
    func siluWithinFourUlp() throws {
        let formula = try #require(try Activations.elementwise("f(x)=x*sigmoid(x)") as? Formula)
        let silu = try Activations.elementwise("silu")
        let xs = [-3.0, 0, 3]
        let ones = [Double](repeating: 1, count: 3)
        for (mine, reference) in zip(
            formula.forward(xs) + formula.backward(xs, ones), silu.forward(xs) + silu.backward(xs, ones))
        {
            #expect(abs(mine - reference) <= 4 * reference.ulp, "\(mine) vs \(reference)")
        }
        let xf = xs.map(Float.init)
        let onesf = ones.map(Float.init)
        for (mine, reference) in zip(
            formula.forward(xf) + formula.backward(xf, onesf), silu.forward(xf) + silu.backward(xf, onesf))
        {
            #expect(abs(mine - reference) <= 4 * reference.ulp, "\(mine) vs \(reference)")
        }
    }

    @Test(
        "the batch kernels give the scalar path's bits, Double and Float, with a short last block",
        arguments: corpus.indices)
    func kernelsMatchScalar(_ index: Int) throws {
        let formula = try Formula(parsing: Self.corpus[index].formula)
        let xs = (0..<600).map { -8 + Double($0) * 0.027 } + [.nan, .infinity, -.infinity, 0, -0.0]
        let ones = [Double](repeating: 1, count: xs.count)
        #expect(formula.forward(xs).map(\.bitPattern) == xs.map { formula($0).bitPattern })
        #expect(formula.backward(xs, ones).map(\.bitPattern) == xs.map { formula.derivative(at: $0).bitPattern })
        let xf = xs.map(Float.init)
        #expect(formula.forward(xf).map(\.bitPattern) == xf.map { formula($0).bitPattern })
        #expect(
            formula.backward(xf, xf.map { _ in 1 }).map(\.bitPattern)
                == xf.map { formula.derivative(at: $0).bitPattern })
    }

    @Test("parameters: defaults in the formula, overrides, and their derivative")
    func parameters() throws {
        let formula = try Formula(parsing: "f(x; a=1.5) = x*sigmoid(a*x)")
        #expect(abs(formula(2) - 2 / (1 + Double.exp(-3))) < 1e-15)
        let two = try Formula(parsing: "f(x; a=1.5) = x*sigmoid(a*x)", parameters: ["a": 2])
        #expect(abs(two(2) - 2 / (1 + Double.exp(-4))) < 1e-15)
        #expect(two.info.parameters.map(\.name) == ["a"])
        #expect(two.parameterValues == ["a": 2])
        #expect(try Formula(parsing: "f(x; a, b=2) = a*x + b", parameters: ["a": 3])(1.0) == 5)
        let cube = try Formula(parsing: "f(x; a=3) = x^a")  // a whole exponent works for a negative base, in f and f′
        #expect(cube(-2.0) == -8 && cube.derivative(at: -2.0) == 12)
        #expect(try Formula(parsing: "f(x) = x^(1+1)").derivative(at: -3.0) == -6)
    }

    /// An exponent that is not a constant: C's `pow`, negative bases and 0⁰ included. The values are
    /// exact powers (3¹⁰⁰, 5⁶⁵ and 7²⁰ as Python's exact integers rounded to the nearest `Double`); it was
    /// e^{b·ln a}: NaN for (−2)³, x⁶⁵ at x < 0 and 0⁰, and 10³ = 1000.0000000000007.
    @Test("a power whose exponent is not a constant, in f and in the batch kernels, Double and Float")
    func powerWithAVariableExponent() throws {
        let cases: [(formula: String, x: Double, expected: Double)] = [
            ("f(x) = 2^x", 4, 16), ("f(x) = 3^x", 2, 9), ("f(x) = 10^x", 3, 1000), ("f(x) = 10^x", -3, 0.001),
            ("f(x) = (-2)^x", 2, 4), ("f(x) = (-2)^x", 3, -8), ("f(x) = (-2)^x", 0.5, .nan),
            ("f(x) = x^x", 0, 1), ("f(x) = x^x", -3, -1.0 / 27), ("f(x) = x^(x + 97)", 3, 5.153775207320113e+47),
            ("f(x) = x^(60 + x)", 5, 2.710505431213761e+45), ("f(x) = 7^(2*x)", 10, 7.9792266297612e+16),
            ("f(x) = x^(65 + 0*x)", -1, -1), ("f(x) = x^(65 + 0*x)", -2, -3.6893488147419103e+19),
            ("f(x) = (-1)^x", .infinity, 1), ("f(x) = 2^x", -.infinity, 0),
        ]
        for (text, x, expected) in cases {
            let formula = try Formula(parsing: text)
            for value in [formula(x), formula.forward([x, x, x, x, x])[4]] {
                let same = value == expected || (value.isNaN && expected.isNaN)
                #expect(same, "\(text) at \(x): \(value), expected \(expected)")
            }
            let single = Float(expected)
            for value in [formula(Float(x)), formula.forward([Float](repeating: Float(x), count: 17))[16]] {
                let same = value == single || (value.isNaN && single.isNaN)
                #expect(same, "\(text) at \(x) in Float: \(value), expected \(single)")
            }
        }
    }

    /// Constant whole exponents beyond 4 go through `pow` too: by repeated squaring x⁸ was up to 4.9 ulp
    /// off and x⁶⁴ 48. References: the exact rational power of the `Double` x, rounded (Python's
    /// `Fraction`); within 1 ulp, C's `pow`'s bound.
    @Test("constant whole exponents are within an ulp", arguments: [
        ("f(x) = x^8", 1.1, 2.1435888100000016), ("f(x) = x^64", 1.01, 1.8904618694795547),
        ("f(x) = x^-5", 3.7, 0.0014420867271822976), ("f(x) = x^13", -1.3, -30.287510659225312),
    ])
    func constantWholeExponents(_ text: String, _ x: Double, _ expected: Double) throws {
        let formula = try Formula(parsing: text)
        for value in [formula(x), formula.forward([x, x, x, x, x])[4]] {
            #expect(abs(value - expected) <= expected.ulp, "\(text) at \(x): \(value), expected \(expected)")
        }
    }

    @Test("the derivative is printed as a person writes it")
    func printedDerivative() throws {
        #expect(try Formula(parsing: "f(x)=x*sigmoid(x)").info.derivativeFormula == "sigmoid(x) + x·sigmoid′(x)")
        #expect(try Formula(parsing: "f(x)=x^3 - 2*x").info.derivativeFormula == "3·x^2 - 2")
        #expect(try Formula(parsing: "f(x)=tanh(x)").info.derivativeFormula == "1 - tanh(x)^2")
        #expect(try Formula(parsing: "f(x)=x > 0 ? x : 0.01*x").info.derivativeFormula == "x > 0 ? 1 : 0.01")
        #expect(try Formula(parsing: "f(x; a=2) = exp(a*x)").info.derivativeFormula == "exp(a·x)·a")
    }

    @Test("measured properties of familiar shapes")
    func measuredProperties() throws {
        let leaky = try Formula(parsing: "f(x) = max(0.1*x, x)").info
        #expect(leaky.kinks == [.at(0)] && leaky.monotonic == true && leaky.zeroCentred == .partly)
        #expect(leaky.approximatesIdentityNearZero == false && leaky.smoothness == .continuous)
        let tanh = try Formula(parsing: "f(x) = tanh(x)").info
        #expect(tanh.zeroCentred == .yes && tanh.approximatesIdentityNearZero == true && tanh.kinks.isEmpty)
        #expect(tanh.outputRange.contains("measured") && tanh.reference.contains("measured"))
        let step = try Formula(parsing: "f(x) = x >= 1 ? 1 : 0").info
        #expect(step.smoothness == .discontinuous && step.kinks == [.at(1)])
        #expect(try Formula(parsing: "f(x) = log(x)").warnings.contains { $0.hasPrefix("f is NaN") })
        #expect(try Formula(parsing: "f(x) = exp(exp(x))").warnings.contains { $0.hasPrefix("f is ±∞") })
        // f′ = sech²(x^x^x)·(x^x^x)′ is 0·∞ = NaN where tanh is flat: a warning, not "an internal error".
        for text in ["f(x) = tanh(x^x^x)", "f(x) = sigmoid(x^x^x)", "f(x) = exp(-x^x^x)"] {
            let formula = try Formula(parsing: text)
            #expect(formula.warnings.contains { $0.hasPrefix("f′ is NaN") }, "\(text): \(formula.warnings)")
        }
    }

    /// A formula undefined on half the range "equalled" twelve catalog functions, each compared where
    /// it was defined; was "zero-centred"; and had slope 0 where it had no value.
    @Test("a formula NaN on part of the range: no false matches, no borrowed properties, no slope")
    func partlyUndefined() throws {
        let half = try Formula(parsing: "f(x) = x < 0 ? 0/0 : x")
        #expect(half.catalogMatches().isEmpty, "\(half.catalogMatches())")
        #expect(half.info.zeroCentred == .no)
        #expect(half.info.kinks == [.at(0)], "where it stops being defined")
        #expect(half.derivative(-1.0).isNaN && half.derivative(-1 as Float).isNaN && half.derivative(2.0) == 1)
        #expect(half.info.derivativeFormula.contains("nan"), "\(half.info.derivativeFormula)")
        // The same with the NaN from a parameter's value, and a finite constant part keeps slope 0.
        #expect(try Formula(parsing: "f(x; a=0) = x < 0 ? a/a : x").derivative(-1.0).isNaN)
        #expect(try Formula(parsing: "f(x; a=2) = x < 0 ? a/a : x").derivative(-1.0) == 0)
        #expect(try Formula(parsing: "f(x) = sqrt(x)").info.zeroCentred == .no)
        // log's slope where log is undefined was 1/x's (−1 at x = −1, the slope of log|x|), and its
        // measured range stopped at the last finite sample (−4.6) where log(0) is −∞.
        let log = try Formula(parsing: "f(x) = log(x)")
        #expect(log.derivative(-1.0).isNaN && log.derivative(-1 as Float).isNaN && log.derivative(2.0) == 0.5)
        #expect(log.derivative(0.0) == .infinity)
        #expect(log.info.outputRange == "[−∞, 2.3026] measured on [−10, 10] where f is a number", "\(log.info.outputRange)")
        let log1p = try Formula(parsing: "f(x) = log1p(x)")
        #expect(log1p.derivative(-3.0).isNaN && log1p.derivative(1.0) == 0.5)
        #expect(try Formula(parsing: "f(x) = log(x^2 + 1)").derivative(-1.0) == -1, "defined everywhere, slope everywhere")
        // min and max take the slope of the operand their value is, NaN operands included (the slope
        // was the other operand's where a NaN made the comparison false: f = NaN beside f′ = 1).
        let maxLog = try Formula(parsing: "f(x) = max(log(x), x)")
        #expect(maxLog.value(-1.0).isNaN && maxLog.derivative(-1.0).isNaN && maxLog.derivative(-1 as Float).isNaN)
        #expect(maxLog.derivative(0.5) == 1 && maxLog.derivative(2.0) == 1)
        let maxOfNaN = try Formula(parsing: "f(x) = max(2*x, log(x))")  // a NaN second operand: f = 2x, f′ = 2
        #expect(maxOfNaN.value(-1.0) == -2 && maxOfNaN.derivative(-1.0) == 2)
        let minLog = try Formula(parsing: "f(x) = min(log(x), x)")
        #expect(minLog.value(-1.0).isNaN && minLog.derivative(-1.0).isNaN && minLog.derivative(2.0) == 0.5)
        // At a tie, the first operand's slope (as before): max(0, x)′(0) = 0, max(x, 0)′(0) = 1.
        #expect(try Formula(parsing: "f(x) = max(0, x)").derivative(0.0) == 0)
        #expect(try Formula(parsing: "f(x) = max(x, 0)").derivative(0.0) == 1)
        #expect(try Formula(parsing: "f(x) = exp(x)").info.outputRange == "[0, 22026.4658] measured on [−10, 10]")
        // Still a match where the formula is the catalog's function everywhere on [−10, 10].
        #expect(try Formula(parsing: "f(x) = max(x, 0)").catalogMatches().contains("relu"))
    }

    /// A comparison that never switches on [−10, 10] made the formula "C¹" (`x > 20 ? x + 100 : x`).
    @Test("smoothness is measured where the samples are")
    func smoothnessOfABranchNotTaken() throws {
        #expect(try Formula(parsing: "f(x) = x > 20 ? x + 100 : x").info.smoothness == .infinitely)
        #expect(try Formula(parsing: "f(x) = x > 0 ? x + x^2 : x").info.smoothness == .once)
        #expect(try Formula(parsing: "f(x) = x > 5 ? x + 100 : x").info.smoothness == .discontinuous)
        // A pole inside the interval is a discontinuity; an overflow running to its end is not.
        #expect(try Formula(parsing: "f(x) = 1/x").info.smoothness == .discontinuous)
        #expect(try Formula(parsing: "f(x) = exp(100*x)").info.smoothness == .infinitely)
        #expect(try Formula(parsing: "f(x) = log(abs(x - 2))").info.smoothness == .discontinuous)
        // Poles that overflow over a few samples: exp(1/x²) over 7, 1/x²⁰⁰ over 5, exp(10/|x|) over 3.
        for pole in ["exp(1/x^2)", "1/x^200", "exp(10/abs(x))"] {
            #expect(try Formula(parsing: "f(x) = " + pole).info.smoothness == .discontinuous, "\(pole)")
        }
        // An interval where f overflows or is undefined, inside [−10, 10]: measured where f is a number.
        #expect(try Formula(parsing: "f(x) = exp(800 - x^2)").info.smoothness == .infinitely)
        #expect(try Formula(parsing: "f(x) = sqrt(x^2 - 1)").info.smoothness == .infinitely)
    }
}
