import Foundation
import Testing

@testable import Lab

/// Each criterion names the claims it tests, and a claim is judged by those criteria alone.
@Suite("claim attribution")
struct ClaimAttributionTests {
    /// A one-seed result of `info` with the given criteria and values.
    static func result(_ info: ExperimentInfo, _ checks: [(Criterion, Double)]) -> ExperimentResult {
        var r = ExperimentResult(info: info, settings: ExperimentSettings())
        for (criterion, value) in checks { r.check(criterion, value, measured: "") }
        return SeedCombination.combine([r], settings: ExperimentSettings())
    }

    @Test("a control for claim 10 does not make claim 9 mixed; each cell quotes its own claim's criterion")
    func controlDoesNotLeak() {
        let collapse = Criterion("linear nets fit no better than a line", .atMost, 0.025, claim: 9)
        let control = Criterion("one hidden sigmoid, tanh or ReLU layer", .atLeast, 0.95, claim: 10)
        let result = Self.result(LinearCollapse().info, [(collapse, 0), (control, 0.5)])
        #expect(result.verdict == .mixed)
        #expect(result.verdict(forClaim: 9) == .holds && result.verdict(forClaim: 10) == .doesNotHold)
        let nine = ClaimTable.cell(result, 9)
        let ten = ClaimTable.cell(result, 10)
        #expect(nine.contains(">holds<") && nine.contains("no better than a line") && !nine.contains("hidden sigmoid"))
        #expect(ten.contains(">does not hold<") && ten.contains("hidden sigmoid") && !ten.contains("a line"))
    }

    @Test("a claim no criterion names gets no verdict, and the table says so")
    func unnamedClaim() {
        let result = Self.result(
            ReLUSparsity().info, [(Criterion("ReLU zero fraction near 50%", .atMost, 0.1, claim: 24), 0.01)])
        #expect(result.verdict(forClaim: 23) == nil && result.criteria(forClaim: 23).isEmpty)
        let cell = ClaimTable.cell(result, 23)
        #expect(cell.contains("no criterion") && !cell.contains("ReLU zero fraction") && !cell.contains("holds"))
        #expect(result.claimVerdicts == "claim 23: no criterion tests it; claim 24: holds")
    }

    @Test("sigmoid-steep-middle: claim 15 is judged by the identity, 17 by the peaks, 11 by σ′ alone")
    func steepMiddle() throws {
        let result = try Experiments.run(SigmoidSteepMiddle(), ExperimentSettings(quick: true))
        let names = { (claim: Int) in result.criteria(forClaim: claim).map(\.criterion.name) }
        #expect(names(15).count == 1 && names(15).allSatisfy { $0.contains("tanh(x) − (2σ(2x) − 1)") })
        #expect(names(17).count == 1 && names(17).allSatisfy { $0.contains("peak tanh′") })
        #expect(!names(11).isEmpty && names(11).allSatisfy { !$0.contains("tanh") })
        for summary in result.criteria {
            #expect(
                !summary.criterion.claims.isEmpty && summary.criterion.claims.allSatisfy(result.info.claims.contains))
        }
    }

    @Test("vanishing-gradient: claim 19 is judged by tanh's own gradient, with sigmoid's thresholds")
    func tanhVanishes() async throws {
        let result = try await ExperimentTests.run(
            VanishingGradient(), ExperimentSettings(quick: true, seedCount: 1))
        let nineteen = result.criteria(forClaim: 19)
        let tanhOwn = nineteen.filter { $0.criterion.name.hasPrefix("tanh:") }
        #expect(tanhOwn.count == 2 && nineteen.count == 2)
        #expect(nineteen.allSatisfy { !$0.criterion.name.hasPrefix("sigmoid") })
        let factor = try #require(tanhOwn.first { $0.criterion.name.contains("factor") })
        #expect(factor.values == [result.value("tanh.factor_per_layer")!])
        let sigmoidFactor = try #require(
            result.criteria(forClaim: 14).first { $0.criterion.name.hasPrefix("sigmoid: factor") })
        #expect(
            factor.criterion.threshold == sigmoidFactor.criterion.threshold
                && factor.criterion.comparison == sigmoidFactor.criterion.comparison)
    }
}
