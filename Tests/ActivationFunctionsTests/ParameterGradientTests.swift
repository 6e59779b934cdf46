import ActivationFunctions
import Testing

/// ∂f/∂θ of every learnable catalog function against central finite differences in θ (Double,
/// h = 1e−6), at points more than 1e−3 from any kink, for the defaults and for shifted parameters.
/// The functions are found by walking the catalog, not by a list of ids.
@Suite("Parameter gradients against finite differences")
struct ParameterGradientTests {
    static let h = 1e-6
    static let learnable = Activations.all.compactMap { $0 as? any LearnableActivation.Type }
    static let ids = learnable.map { $0.info.id }

    /// The defaults, and each parameter moved up by 0.37 and down by 0.29.
    static func parameterSets(_ info: ActivationInfo) -> [[String: Double]] {
        let defaults = info.defaultParameters.values
        return [defaults, defaults.mapValues { $0 + 0.37 }, defaults.mapValues { $0 - 0.29 }]
    }

    static func make(_ definition: any LearnableActivation.Type, _ values: [String: Double]) -> any LearnableActivation
    {
        definition.init(ParameterValues(unvalidated: values))
    }

    @Test("∂f/∂θ against central differences", arguments: ids)
    func finiteDifferences(_ id: String) throws {
        let definition = try #require(Self.learnable.first { $0.info.id == id })
        let names = definition.info.parameters.map(\.name)
        #expect(!names.isEmpty)
        for values in Self.parameterSets(definition.info) {
            let f = Self.make(definition, values)
            let kinks = definition.info.kinks.map { $0.location(in: ParameterValues(unvalidated: values)) }
            for x in stride(from: -4.0, through: 4.0, by: 0.05).map({ $0 + 3.21e-4 })
            where kinks.allSatisfy({ abs(x - $0) > 1e-3 }) {
                let gradients = f.parameterGradients(at: x)
                #expect(gradients.count == names.count)
                for (index, name) in names.enumerated() {
                    let up = Self.make(definition, values.merging([name: values[name]! + Self.h]) { $1 })
                    let down = Self.make(definition, values.merging([name: values[name]! - Self.h]) { $1 })
                    let numeric = (up(x) - down(x)) / (2 * Self.h)
                    guard numeric.isFinite else { continue }  // soft exponential α < 0 is undefined below 1/α − α
                    let analytic = gradients[index]
                    #expect(
                        abs(numeric - analytic) <= 1e-5 + 1e-3 * abs(analytic),
                        "\(id) ∂f/∂\(name) at x = \(x), \(values): \(analytic), numeric \(numeric)")
                }
            }
        }
    }

    @Test("the SIMD lanes give the scalar gradients bit for bit", arguments: ids)
    func lanes(_ id: String) throws {
        let definition = try #require(Self.learnable.first { $0.info.id == id })
        let f = Self.make(definition, Self.parameterSets(definition.info)[1])
        let xs = SIMD4<Double>(-2.5, -0.3, 0.7, 3.1)
        let vector = f.parameterGradients(xs)
        for lane in 0..<4 {
            #expect(vector.map { $0[lane] } == f.parameterGradients(at: xs[lane]))
        }
    }

    @Test("soft exponential's ∂f/∂α is continuous through α = 0 (its limit 1 + x²/2)")
    func softExponentialNearZero() throws {
        for x in [-2.0, 0.5, 3.0] {
            let limit = 1 + x * x / 2  // d/dα of x + α(1 + x²/2) + O(α²)
            for alpha in [-1e-4, 0.0, 1e-4] {
                let f = SoftExponential(ParameterValues(unvalidated: ["alpha": alpha]))
                #expect(abs(f.parameterGradients(at: x)[0] - limit) < 1e-3 * max(1, abs(x * x * x)))
            }
        }
    }
}
