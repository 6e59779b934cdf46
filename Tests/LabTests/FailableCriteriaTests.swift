import ActivationFunctions
import Foundation
import NeuralNet
import Testing

@testable import Lab

/// The criteria that replaced facts for claims 16 and 23 measure what they say (checked against an independent
/// computation) and can fail: fed a case where the claim would not hold, they do. No test requires a verdict.
@Suite("criteria that can fail: claims 16 and 23, and claim 8's slope")
struct FailableCriteriaTests {
    /// Two normalised-looking inputs, 50 rows.
    static var inputs: Matrix<Double> {
        var rng = SeededGenerator(seed: 9)
        return Matrix(rows: 50, columns: 2, storage: (0..<100).map { _ in Double.random(in: -2...2, using: &rng) })
    }

    @Test("largestSums reads the weighted sums: layer 1 against x·W + b computed here")
    func largestSumsIndependent() throws {
        let network = try ActivationGrowth.network("tanh", seed: 5)
        let x = Self.inputs
        let layer = network.layers[0]
        var largest = 0.0
        for row in 0..<x.rows {
            for unit in 0..<layer.weights.columns {
                var z = layer.bias[unit]
                for input in 0..<x.columns { z += x[row, input] * layer.weights[input, unit] }
                largest = max(largest, abs(z))
            }
        }
        let measured = ActivationGrowth.largestSums(network, x)
        #expect(measured.count == ActivationGrowth.depth)
        #expect(abs(measured[0] - largest) <= 1e-12 * largest)
    }

    @Test("claim 16's measure: a ReLU net passes a 100× input on 100× (zero biases); its criterion fails there")
    func reluPassesTheScale() throws {
        let ratios = ActivationGrowth.sumRatios(try ActivationGrowth.network("relu", seed: 5), Self.inputs)
        #expect(ratios.count == ActivationGrowth.depth - 1)
        #expect(ratios.allSatisfy { abs($0 - 100) < 1e-9 })
        let criterion = ActivationGrowth.boundCriterion
        #expect(!criterion.passes(ratios.max()!))
    }

    @Test("claim 16's criterion can fail for tanh too: with weights so small that tanh stays in its linear part")
    func tanhInItsLinearPart() throws {
        var network = try ActivationGrowth.network("tanh", seed: 5)
        for l in network.layers.indices.dropLast() {
            network.layers[l].weights.storage = network.layers[l].weights.storage.map { $0 * 1e-4 }
        }
        let ratios = ActivationGrowth.sumRatios(network, Self.inputs)
        #expect(ratios.allSatisfy { $0 > 99 })  // tanh(z) ≈ z for tiny z: the 100× goes through
        #expect(!ActivationGrowth.boundCriterion.passes(ratios.max()!))
    }

    @Test("claim 23's firing share: counted here by hand, and a layer of mostly negligible outputs fails the criterion")
    func firingShare() {
        // largest 2; the cut is 0.02: 0.02 itself does not fire (strictly above), 0.03, −0.5 and 2 do.
        #expect(ReLUSparsity.firingShare([0, 0.01, 0.02, 0.03, -0.5, 2]) == 0.5)
        #expect(ReLUSparsity.firingShare([0, 0, 0]) == 0)
        #expect(ReLUSparsity.firingShare([-1, 1, 0.5]) == 1)
        let criterion = ReLUSparsity.firingCriterion
        // A sigmoid layer pushed to its low end: most outputs below 1% of the largest.
        let saturated = [0.9] + [Double](repeating: 0.001, count: 9)
        #expect(!criterion.passes(ReLUSparsity.firingShare(saturated)))
        // Half exact zeros, as ReLU at initialisation: not "almost every unit".
        #expect(!criterion.passes(ReLUSparsity.firingShare([0, 0, 1, 0.5])))
    }

    @Test("claim 8's slope from finite differences finds a curve: large for sigmoid, rounding for A = c·z")
    func secantDetectsCurvature() throws {
        let zs = stride(from: -10.0, through: 10, by: 0.5).map { $0 }
        let linear = try Activations.elementwise("identity", parameters: ["c": 3])
        #expect(LinearConstantGradient.largestSecantDeviation(linear, c: 3, at: zs) < 1e-12)
        #expect(LinearConstantGradient.largestSecantDeviation(Sigmoid(), c: 0.25, at: zs) > 0.5)
        #expect(LinearConstantGradient.largestSecantDeviation(linear, c: 1, at: zs) > 1)  // the wrong c
    }

    @Test("an experiment with facts only is not judged; with neither criteria nor facts it does not hold")
    func notJudged() {
        var empty = ExperimentResult(info: LinearConstantGradient().info, settings: ExperimentSettings())
        #expect(empty.verdict == .doesNotHold)
        empty.fact("a line has one slope", claims: [8])
        #expect(empty.verdict == .notJudged && empty.verdict(forClaim: 8) == nil)
        empty.check(Criterion("x", .atLeast, 1, claim: 8), 2, measured: "")
        #expect(empty.verdict == .holds)
    }
}
