import ActivationFunctions
import Testing

/// Reference points from outside this project: the values the issue and the numerics note quote
/// (mpmath, 200-bit, in reference/numerics-and-validation.md §3), checked to their printed digits.
@Suite("Published reference values")
struct PublishedValueTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let id: String
        let x: Double
        let expected: Double
        /// Relative tolerance: about one unit in the last printed digit.
        let tolerance: Double
        var testDescription: String { "\(id)(\(x)) = \(expected)" }
    }

    static let cases: [Case] = [
        Case(id: "sigmoid", x: -100, expected: 3.72e-44, tolerance: 2e-3),
        Case(id: "gelu", x: -10, expected: -7.62e-23, tolerance: 1e-3),
        // The issue prints −9.99999995e−8, one 9 too many: e^{−1e−7} − 1 = −1e−7 + 5e−15 − … (mpmath agrees).
        Case(id: "elu", x: -1e-7, expected: -9.9999995e-8, tolerance: 1e-9),
        Case(id: "tanh-shrink", x: 1e-3, expected: 3.333e-10, tolerance: 2e-4),
        Case(id: "log-cosh", x: 1000, expected: 999.30685, tolerance: 1e-8),
        Case(id: "softplus", x: 1000, expected: 1000, tolerance: 0),
        Case(id: "log-sigmoid", x: -1000, expected: -1000, tolerance: 0),
        Case(id: "gelu", x: -6, expected: -5.91953e-9, tolerance: 1e-5),
        Case(id: "sigmoid", x: -88.8, expected: 2.7205e-39, tolerance: 1e-4),
        Case(id: "gelu", x: -3, expected: -0.00404969409, tolerance: 3e-9),
        Case(id: "gelu", x: 3, expected: 2.99595031, tolerance: 1e-8),
        Case(id: "silu", x: -3, expected: -0.142277620, tolerance: 1e-8),
        Case(id: "silu", x: 3, expected: 2.85772238, tolerance: 1e-8),
        Case(id: "mish", x: -3, expected: -0.145647461, tolerance: 1e-8),
        Case(id: "mish", x: 3, expected: 2.98653500, tolerance: 1e-8),
        Case(id: "elu", x: -3, expected: -0.950212932, tolerance: 1e-8),
        Case(id: "selu", x: -3, expected: -1.67056873, tolerance: 1e-8),
        Case(id: "selu", x: 3, expected: 3.15210296, tolerance: 1e-8),
        Case(id: "sigmoid", x: -3, expected: 0.0474258732, tolerance: 1e-8),
        Case(id: "sigmoid", x: 3, expected: 0.952574127, tolerance: 1e-8),
        Case(id: "softplus", x: -3, expected: 0.0485873516, tolerance: 1e-8),
        Case(id: "softplus", x: 3, expected: 3.04858735, tolerance: 1e-8),
        Case(id: "gelu", x: 1, expected: 0.8413447, tolerance: 1e-7),
        Case(id: "gelu-tanh", x: 1, expected: 0.8411920, tolerance: 1e-7),
        Case(id: "selu", x: -10, expected: -1.7580194, tolerance: 1e-7),
        Case(id: "hard-swish", x: 1e30, expected: 1e30, tolerance: 0),
    ]

    @Test(arguments: cases)
    func value(_ c: Case) throws {
        let f = try Activations.elementwise(c.id)
        let y: Double = f(c.x)
        #expect(abs(y - c.expected) <= c.tolerance * abs(c.expected), "\(c.id)(\(c.x)) = \(y)")
    }

    @Test("softplus keeps the exact value above PyTorch's threshold: softplus(20.5) = 20.5 + 1.25e−9")
    func softplusHasNoThreshold() throws {
        let f = try Activations.elementwise("softplus")
        #expect(abs((f(20.5) - 20.5) - 1.2501528e-9) < 4e-15)
    }

    @Test(
        "published extrema of the non-monotone gates",
        arguments: [
            ("gelu", -0.16997), ("gelu-tanh", -0.17004), ("quick-gelu", -0.16361), ("silu", -0.27846),
            ("mish", -0.30884), ("hard-swish", -0.375), ("sinc", -0.21723),
        ])
    func minimum(id: String, expected: Double) throws {
        let f = try Activations.elementwise(id)
        let grid = stride(from: -6.0, through: 6.0, by: 1e-4).map { f($0) }
        #expect(abs(grid.min()! - expected) < 1e-5)
    }
}
