import ActivationFunctions
import Testing

/// Derivatives against central finite differences in Double (PyTorch gradcheck's defaults: h = 1e−6,
/// atol 1e−5, rtol 1e−3), at points more than 1e−3 from any kink.
@Suite("Derivatives against finite differences")
struct DerivativeTests {
    static let h = 1e-6

    @Test(arguments: Activations.elementwiseIDs)
    func finiteDifferences(id: String) throws {
        let f = try Activations.elementwise(id)
        let kinks = f.info.kinks.map { $0.location(in: f.info.defaultParameters) }
        let domain = f.info.plotDomain
        let points = stride(from: domain.lower, through: domain.upper, by: (domain.upper - domain.lower) / 400)
            .map { $0 + 1.234e-4 }  // off the grid of round numbers
            .filter { x in kinks.allSatisfy { abs(x - $0) > 1e-3 } }
        for x in points {
            let numeric = (f(x + Self.h) - f(x - Self.h)) / (2 * Self.h)
            let analytic = f.derivative(at: x)
            #expect(
                abs(numeric - analytic) <= 1e-5 + 1e-3 * abs(analytic),
                "\(id)′(\(x)): \(analytic) vs numeric \(numeric)")
        }
    }

    @Test(
        "with non-default parameters",
        arguments: [
            ("leaky-relu", ["slope": 0.2]), ("elu", ["alpha": 0.5]), ("celu", ["alpha": 2]), ("softplus", ["beta": 3]),
            ("squareplus", ["b": 1]), ("soft-exponential", ["alpha": 0.5]), ("soft-exponential", ["alpha": -0.5]),
            ("soft-clipping", ["alpha": 3]), ("isru", ["alpha": 0.3]), ("isrlu", ["alpha": 3]),
            ("srelu", ["tl": -2, "al": 0.5, "tr": 2, "ar": 0.25]), ("plu", ["alpha": 0.25, "c": 2]),
            ("apl", ["a": 0.5, "b": 1]), ("identity", ["c": 2.5]), ("hard-tanh", ["min": -2, "max": 0.5]),
        ])
    func parameters(id: String, parameters: [String: Double]) throws {
        let f = try Activations.elementwise(id, parameters: parameters)
        let kinks = f.info.kinks.map { $0.location(in: try! f.info.validate(parameters)) }
        for x in stride(from: -4.0, through: 4.0, by: 0.01).map({ $0 + 3.21e-4 })
        where kinks.allSatisfy({ abs(x - $0) > 1e-3 }) {
            let numeric = (f(x + Self.h) - f(x - Self.h)) / (2 * Self.h)
            guard numeric.isFinite else { continue }  // soft-exponential α < 0 is undefined below 1/α − α
            let analytic = f.derivative(at: x)
            #expect(
                abs(numeric - analytic) <= 1e-5 + 1e-3 * abs(analytic), "\(id)′(\(x)) = \(analytic), numeric \(numeric)"
            )
        }
    }
}

/// Identities the article states.
@Suite("The article's identities")
struct IdentityTests {
    @Test("tanh is a stretched sigmoid: tanh(x) = 2σ(2x) − 1, to rounding error")
    func tanhIsStretchedSigmoid() throws {
        let tanh = try Activations.elementwise("tanh")
        let sigmoid = try Activations.elementwise("sigmoid")
        for x in stride(from: -20.0, through: 20.0, by: 0.01) {
            #expect(abs(tanh(x) - (2 * sigmoid(2 * x) - 1)) <= 4 * Double.ulpOfOne)
        }
    }

    @Test("tanh′ peaks at 1, four times sigmoid′'s peak of 0.25, both at 0")
    func derivativePeaks() throws {
        let tanh = try Activations.elementwise("tanh")
        let sigmoid = try Activations.elementwise("sigmoid")
        #expect(tanh.derivative(at: 0.0) == 1)
        #expect(sigmoid.derivative(at: 0.0) == 0.25)
        for x in (-50...50).map({ Double($0) / 10 }) where x != 0 {
            #expect(tanh.derivative(at: x) < 1 && sigmoid.derivative(at: x) < 0.25)
        }
    }

    @Test("stacked identity layers compose to one linear map: W₂·id(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂)")
    func linearLayersCollapse() throws {
        let linear = try Activations.elementwise("linear", parameters: ["c": 1.5])
        let w1: [[Double]] = [[0.5, -1], [2, 0.25], [-0.75, 1]]
        let b1: [Double] = [0.1, -0.2, 0.3]
        let w2: [[Double]] = [[1, -0.5, 2], [0.25, 0.75, -1]]
        let b2: [Double] = [-0.4, 0.6]
        func apply(_ w: [[Double]], _ x: [Double], _ b: [Double]) -> [Double] {
            w.indices.map { i in zip(w[i], x).map(*).reduce(0, +) + b[i] }
        }
        // One layer: (W₂·c·W₁) x + (W₂·c·b₁ + b₂).
        let cW1 = w1.map { $0.map { 1.5 * $0 } }
        let cB1 = b1.map { 1.5 * $0 }
        let merged = w2.map { row in (0..<2).map { j in zip(row, cW1.map { $0[j] }).map(*).reduce(0, +) } }
        let mergedBias = apply(w2, cB1, b2)
        for x in [[1.0, 2.0], [-3, 0.5], [0, 0], [10, -7]] {
            let deep = apply(w2, linear.forward(apply(w1, x, b1)), b2)
            let single = apply(merged, x, mergedBias)
            for (a, b) in zip(deep, single) { #expect(abs(a - b) <= 1e-12 * max(1, abs(a))) }
        }
    }
}
