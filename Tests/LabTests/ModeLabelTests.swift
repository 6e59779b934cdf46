import Foundation
import Testing

@testable import Lab

/// Quick runs under-train on smaller data and nets, and their verdicts can differ from the full run's: the mode and
/// the base seed are shown wherever a result is, and a quick verdict is labelled as one.
@Suite("quick and full runs are labelled")
struct ModeLabelTests {
    static let caveat = "quick-run verdict: smaller data and nets, fewer epochs; the full run is the reference"

    static func result(quick: Bool, seed: UInt64 = 7) -> ExperimentResult {
        let settings = ExperimentSettings(seed: seed, quick: quick)
        var r = ExperimentResult(info: LinearCollapse().info, settings: settings)
        r.check(Criterion("collapse error", .atMost, 1e-12, claim: 9), 0, measured: "")
        r.check(Criterion("one nonlinear layer", .atLeast, 0.95, claim: 10), 0.99, measured: "")
        var combined = SeedCombination.combine([r], settings: settings)
        combined.seeds = [seed]
        return combined
    }

    @Test("the quick caveat does not say quick runs fewer seeds: it runs 10 to full mode's 5")
    func caveatMatchesSeedCounts() {
        #expect(ExperimentSettings(quick: true).seeds.count == 10)
        #expect(ExperimentSettings(quick: false).seeds.count == 5)
        #expect(!ExperimentSettings.quickCaveat.contains("seeds"), "\(ExperimentSettings.quickCaveat)")
        #expect(ExperimentSettings.quickCaveat.contains("fewer epochs"))
    }

    @Test("text and JSON: the mode and seed on the mode line, a quick verdict labelled, a full one not")
    func text() throws {
        let quick = Self.result(quick: true)
        #expect(
            quick.text.contains(
                "mode: quick run (smaller data and nets, fewer epochs; the full run is the reference), base seed 7"))
        #expect(quick.verdictLine.hasPrefix("holds (\(Self.caveat)): "))
        #expect(quick.text.contains("quick-run verdicts per claim: claim 9: holds; claim 10: holds"))
        let full = Self.result(quick: false)
        #expect(full.text.contains("mode: full run, base seed 7") && full.verdictLine.hasPrefix("holds: "))
        #expect(!full.text.contains("quick"))
        let json = try JSONSerialization.jsonObject(with: Data(quick.json().utf8)) as! [String: Any]
        #expect(json["mode"] as? String == "quick" && json["seed"] as? Int == 7)
        #expect(json["verdictScope"] as? String == Self.caveat)
    }

    @Test(
        "pages and the index: the mode and seed at the top, quick verdicts labelled in the banner and the claim table")
    func pages() {
        let quickPage = ExperimentPage(result: Self.result(quick: true)).html
        #expect(
            quickPage.contains(
                "quick run (smaller data and nets, fewer epochs; the full run is the reference), base seed 7"))
        #expect(quickPage.contains("Holds <span class=\"note\">(\(Self.caveat))</span>"))
        let fullPage = ExperimentPage(result: Self.result(quick: false)).html
        #expect(fullPage.contains("full run, base seed 7") && !fullPage.contains("quick-run verdict"))

        let quickIndex = LabReport(results: [Self.result(quick: true)]).index
        #expect(quickIndex.contains("Quick run (smaller data and nets, fewer epochs; the full run is the reference)"))
        #expect(quickIndex.contains("every verdict here is a quick-run verdict. Base seed 7."))
        #expect(quickIndex.contains("holds</strong></span> <span class=\"note\">(quick run)</span>"))
        let fullIndex = LabReport(results: [Self.result(quick: false, seed: 3)]).index
        #expect(fullIndex.contains("Full run, base seed 3.") && !fullIndex.contains("(quick run)"))
        #expect(quickIndex.contains("(1 holds, 0 mixed, 0 do not hold)"))
        #expect(LabReport.counted(2, .holds) == "2 hold" && LabReport.counted(1, .doesNotHold) == "1 does not hold")
        let mixed = LabReport(results: [Self.result(quick: true), Self.result(quick: false, seed: 3)]).index
        #expect(mixed.contains("Mixed modes: 1 of 2 experiments are quick runs") && mixed.contains("base seeds 7, 3"))
    }
}
