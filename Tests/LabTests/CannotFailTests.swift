import Testing

@testable import Lab

/// A criterion that cannot fail (true by definition or by construction) is no evidence: such numbers are shown
/// as facts, not judged, and the claim they were attached to gets no verdict from them.
@Suite("criteria that cannot fail are shown, not judged")
struct CannotFailTests {
    static let settings = ExperimentSettings(quick: true, seedCount: 1)

    static func names(_ result: ExperimentResult) -> [String] { result.criteria.map(\.criterion.name) }

    @Test(
        "activation-growth: the 100× sum (linearity) and tanh ≤ 1 (definition) are facts; claims 2 and 16 get no verdict"
    )
    func activationGrowth() async throws {
        let result = try await ExperimentTests.run(ActivationGrowth(), Self.settings)
        #expect(!Self.names(result).contains { $0.contains("scale 100") || $0.hasPrefix("tanh: largest") })
        #expect(result.verdict(forClaim: 2) == nil && result.verdict(forClaim: 16) == nil)
        #expect(result.facts(forClaim: 2).first?.text.contains("exactly 100× by construction") == true)
        #expect(result.facts(forClaim: 16).first?.text.contains("never exceeds 1 by definition") == true)
        #expect(result.verdict(forClaim: 22) != nil)
        #expect(
            ClaimTable.cell(result, 16).contains("shown, not judged") && !ClaimTable.cell(result, 16).contains("holds"))
        #expect(ExperimentPage(result: result).html.contains("Shown, not judged"))
        #expect(result.text.contains("shown, not judged [claim 2]"))
    }

    @Test("linear-constant-gradient: the spread of ∂L/∂z (constant by construction) is a fact")
    func linearConstantGradient() async throws {
        let result = try await ExperimentTests.run(LinearConstantGradient(), Self.settings)
        #expect(!Self.names(result).contains { $0.contains("spread") })
        #expect(result.facts(forClaim: 8).contains { $0.text.contains("by construction") })
    }

    @Test("relu-sparsity: sigmoid's and tanh's exact zeros (none by definition) are a fact; claim 23 gets no verdict")
    func reluSparsity() async throws {
        let result = try await ExperimentTests.run(ReLUSparsity(), Self.settings)
        #expect(result.criteria(forClaim: 23).isEmpty && result.verdict(forClaim: 23) == nil)
        #expect(result.facts(forClaim: 23).first?.text.contains("dense by definition") == true)
        #expect(result.verdict(forClaim: 24) != nil)
    }

    @Test("step-no-gradient: the step's unmoved weights (zero derivative) are a fact, not a criterion")
    func stepNoGradient() async throws {
        let result = try await ExperimentTests.run(StepNoGradient(), Self.settings)
        #expect(!Self.names(result).contains { $0.contains("largest change") })
        #expect(result.facts(forClaim: 5).first?.text.contains("cannot move") == true)
    }
}

@Suite("claim 5: softmax against the maximum")
struct SoftmaxBetterStillTests {
    @Test("claim 5's 'softmax is better still' is a criterion: softmax accuracy minus the maximum read-out's")
    func softmaxAgainstMax() async throws {
        let result = try await ExperimentTests.run(StepNoGradient(), ExperimentSettings(quick: true, seedCount: 1))
        for dataset in ["blobs", "digits"] {
            let criterion = try #require(
                result.criteria(forClaim: 5).first {
                    $0.criterion.name.hasPrefix("\(dataset): softmax accuracy minus the maximum read-out's")
                })
            let expected = result.value("\(dataset).softmax.accuracy")! - result.value("\(dataset).max.accuracy")!
            #expect(abs(criterion.values[0] - expected) < 1e-12)
            #expect(criterion.criterion.comparison == .greaterThan && criterion.criterion.threshold == 0)
        }
    }
}
