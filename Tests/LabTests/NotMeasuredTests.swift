import Testing

@testable import Lab

/// A seed with nothing to measure (NaN: no unit dead halfway to follow) is left out of the pass count and said
/// so; it is not a failed seed.
@Suite("seeds with nothing to measure")
struct NotMeasuredTests {
    static let stayDead = Criterion(
        "of the ReLU units dead halfway, share still dead at the end", .atLeast, 0.9, claim: 25)

    @Test("a NaN seed is excluded from the share and the verdict, and the line says how many")
    func excluded() {
        let summary = CriterionSummary(criterion: Self.stayDead, values: [1, 0.95, .nan, 1])
        #expect(summary.share == 1 && summary.verdict == .holds)
        #expect(summary.measured.count == 3 && summary.unmeasuredCount == 1)
        #expect(summary.line.hasSuffix("3/3 seeds measured (1 of 4 had nothing to measure)"))
        let failing = CriterionSummary(criterion: Self.stayDead, values: [0.2, .nan, 0.1])
        #expect(failing.verdict == .doesNotHold && failing.share == 0)
    }

    @Test("no seed measured it: not measured, left out of the experiment's verdict, said in the text")
    func notMeasured() {
        var run = ExperimentResult(info: DyingReLU().info, settings: ExperimentSettings(seed: 6, quick: true))
        run.check(Criterion("share of ReLU units dead at the end", .atLeast, 0.1, claim: 25), 0.3, measured: "30%")
        run.check(Self.stayDead, .nan, measured: "none dead halfway")
        let result = SeedCombination.combine([run, run], settings: run.settings)
        #expect(result.criteria[1].verdict == .notMeasured && result.verdict == .holds)
        #expect(result.criteria[1].line.contains("not measured (none of 2 seeds had anything to measure)"))
        #expect(result.text.contains("  – [claim 25] of the ReLU units dead halfway"))
        #expect(!result.text.contains("✗"))
        #expect(SeedCombination.table(result.summaries, seeds: 2).rows[1].last == "not measured")
    }
}
