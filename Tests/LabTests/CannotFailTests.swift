import Testing

@testable import Lab

/// A criterion that cannot fail (true by definition or by construction) is no evidence: such numbers are shown
/// as facts, not judged, and the claim they were attached to gets no verdict from them.
@Suite("criteria that cannot fail are shown, not judged")
struct CannotFailTests {
    static let settings = ExperimentSettings(quick: true, seedCount: 1)

    static func names(_ result: ExperimentResult) -> [String] { result.criteria.map(\.criterion.name) }

    @Test(
        "activation-growth: the 100× sum (linearity) and tanh ≤ 1 (definition) are facts; claim 2 gets no verdict, 16 a measured one"
    )
    func activationGrowth() async throws {
        let result = try await ExperimentTests.run(ActivationGrowth(), Self.settings)
        #expect(!Self.names(result).contains { $0.contains("scale 100") && !$0.hasPrefix("tanh:") })
        #expect(!Self.names(result).contains { $0.hasPrefix("tanh: largest |activation|") })
        #expect(result.verdict(forClaim: 2) == nil)
        #expect(result.facts(forClaim: 2).first?.text.contains("exactly 100× by construction") == true)
        #expect(result.facts(forClaim: 16).first?.text.contains("never exceeds 1 by definition") == true)
        #expect(result.facts(forClaim: 16).contains { $0.text.contains("cannot exceed 1 by definition") })
        #expect(result.verdict(forClaim: 16) != nil && result.verdict(forClaim: 22) != nil)
        // Claim 16 is judged by the stated criterion on the measured number, nothing else.
        let sixteen = result.criteria(forClaim: 16)
        #expect(sixteen.map(\.criterion) == [ActivationGrowth.boundCriterion])
        #expect(sixteen.first?.values == [result.value("tanh.sum_ratio_scale100_over_1.largest")!])
        #expect(
            ClaimTable.cell(result, 2).contains("shown, not judged") && !ClaimTable.cell(result, 2).contains("holds"))
        #expect(ExperimentPage(result: result).html.contains("Shown, not judged"))
        #expect(result.text.contains("shown, not judged [claim 2]"))
        #expect(result.claimVerdicts.contains("claim 2: not judged (no criterion; shown as a fact)"))
    }

    @Test(
        "linear-constant-gradient: the constant derivative (definition) and the updates (chain rule) are facts; no verdict"
    )
    func linearConstantGradient() async throws {
        let result = try await ExperimentTests.run(LinearConstantGradient(), Self.settings)
        #expect(result.criteria.isEmpty && result.verdict(forClaim: 8) == nil)
        #expect(result.verdict == .notJudged)
        #expect(result.facts(forClaim: 8).contains { $0.text.contains("by construction") })
        #expect(result.facts(forClaim: 8).contains { $0.text.contains("by definition") })
        let cell = ClaimTable.cell(result, 8)
        #expect(cell.contains("no verdict: shown, not judged") && !cell.contains("holds"))
        #expect(result.verdictLine.hasPrefix("not judged: no criterion"))
        #expect(result.text.hasSuffix(result.verdictLine))
        #expect(ExperimentPage(result: result).html.contains("Not judged: no criterion"))
        #expect(result.json().contains("\"verdict\":\"not judged\""))
        #expect(LabReport(results: [result]).index.contains("1 not judged"))
    }

    @Test("relu-sparsity: sigmoid's and tanh's exact zeros (none by definition) are a fact; claim 23 is judged on firing")
    func reluSparsity() async throws {
        let result = try await ExperimentTests.run(ReLUSparsity(), Self.settings)
        #expect(result.facts(forClaim: 23).first?.text.contains("dense by definition") == true)
        let twentyThree = result.criteria(forClaim: 23)
        #expect(twentyThree.map(\.criterion) == [ReLUSparsity.firingCriterion])
        // It reads the lowest of sigmoid's and tanh's measured shares (2 datasets × 2 layers each).
        let shares = result.measurements.filter {
            $0.name.hasPrefix("sigmoid.trained.firing_share") || $0.name.hasPrefix("tanh.trained.firing_share")
        }.map(\.value)
        #expect(shares.count == 8 && twentyThree.first?.values == [shares.min()!])
        #expect(result.verdict(forClaim: 23) != nil && result.verdict(forClaim: 24) != nil)
    }

    @Test("sigmoid-steep-middle: σ′'s symmetry (the kernel reads |x|) is a fact, not a criterion")
    func steepMiddleSymmetry() throws {
        let result = try Experiments.run(SigmoidSteepMiddle(), ExperimentSettings(quick: true))
        #expect(!Self.names(result).contains { $0.contains("σ′(−x)") })
        #expect(result.facts(forClaim: 11).first?.text.contains("by construction") == true)
        #expect(result.verdict(forClaim: 11) != nil)
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
    @Test("claim 4 counts the points where several classes fire, as the article does; none firing is shown beside it")
    func claim4CountsSeveralFiring() async throws {
        let result = try await ExperimentTests.run(StepNoGradient(), ExperimentSettings(quick: true, seedCount: 1))
        for dataset in ["blobs", "digits"] {
            let criterion = try #require(result.criteria(forClaim: 4).first { $0.criterion.name.hasPrefix("\(dataset), step read-out") })
            #expect(criterion.values[0] == result.value("\(dataset).step.several_fire_fraction"))
            // Points where none fires exist here, so a criterion that still added them would differ.
            #expect(result.value("\(dataset).step.none_fires_fraction")! > 0)
        }
    }

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
