import Foundation
import TestSupport
import Testing

@testable import Lab

/// The experiments' mechanics: catalog, coverage of the article's claims, seeds, the verdict rule and
/// the outputs. No test here requires any verdict to come out one way: an honest "does not hold" passes.
@Suite("experiments")
struct ExperimentTests {
    /// Runs an experiment on a thread of its own: experiments are minutes of synchronous work in a
    /// debug build, which on the cooperative pool held up every other async test past its time limit.
    static func run(_ experiment: any Experiment, _ settings: ExperimentSettings) async throws -> ExperimentResult {
        try await onAThreadOfItsOwn { try Experiments.run(experiment, settings) }
    }

    /// The seeds per run in these tests: 3, fewer than quick mode's 10. The tests check mechanics, never a
    /// verdict, and 3 seeds keep the debug-build runs as short as they were.
    static let seedCount = 3

    @Test("the catalog: kebab-case ids, each once, each with claims, source, claim and method")
    func catalog() {
        #expect(Set(Experiments.ids).count == Experiments.ids.count)
        for experiment in Experiments.all {
            let info = experiment.info
            #expect(info.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(info.id)")
            #expect(!info.claims.isEmpty && info.claims.allSatisfy((1...32).contains), "\(info.id)")
            #expect(!info.source.isEmpty && !info.claim.isEmpty && !info.method.isEmpty, "\(info.id)")
            #expect(Experiments.named(info.id.uppercased())?.info == info)
        }
        #expect(Experiments.named("no-such-claim") == nil)
    }

    @Test("every testable claim of the article has an experiment, and no definition is claimed as tested")
    func coverage() {
        #expect(ArticleClaims.all.map(\.number) == Array(1...32))
        let covered = Set(Experiments.all.flatMap(\.info.claims))
        let testable = Set(1...32).subtracting(Experiments.untestedClaims)
        #expect(testable.subtracting(covered).isEmpty, "uncovered: \(testable.subtracting(covered).sorted())")
        #expect(covered.intersection(Experiments.untestedClaims).isEmpty)
        #expect(Experiments.untestedClaims == [1, 3, 7, 13, 20, 30, 32])
    }

    @Test(
        "seeds: 10 in quick mode, 5 in full, or as many as asked; distinct, fixed by the base seed, different for another base seed"
    )
    func seeds() {
        let quick = ExperimentSettings(seed: 1, quick: true)
        let full = ExperimentSettings(seed: 1)
        #expect(quick.seeds.count == 10 && full.seeds.count == 5)
        #expect(Set(quick.seeds).count == 10)
        #expect(Array(quick.seeds.prefix(5)) == full.seeds)
        #expect(ExperimentSettings(seed: 1, quick: true, seedCount: 3).seeds == Array(quick.seeds.prefix(3)))
        #expect(ExperimentSettings(seed: 1, seedCount: 0).seeds.count == 1)
        #expect(ExperimentSettings(seed: 1).seeds == full.seeds)
        #expect(Set(ExperimentSettings(seed: 2, quick: true).seeds).isDisjoint(with: quick.seeds))
    }

    @Test("the verdict rule: every seed, 80% with a clear mean, none, and mixed between")
    func verdictRule() {
        let atLeast = Criterion("x", .atLeast, 1, claim: 11)
        func verdict(_ values: [Double]) -> Verdict { CriterionSummary(criterion: atLeast, values: values).verdict }
        #expect(verdict([2, 2, 2]) == .holds)
        #expect(verdict([0, 0, 0]) == .doesNotHold)
        #expect(verdict([2, 2, 0]) == .mixed)
        #expect(verdict([0, 0, 2]) == .mixed)
        #expect(verdict([3, 3, 3, 3, 0.9]) == .holds)  // 80%, mean 2.58 past 1 by more than its sd (0.94)
        #expect(verdict([1.1, 1.1, 1.1, 1.1, -20]) == .mixed)  // 80%, but the mean is below the threshold
        #expect(verdict([0, 0, 0, 0, 1.5]) == .doesNotHold)  // 20%, mean clearly below
        #expect(verdict([.nan, 2, 2]) == .holds)  // a seed with nothing to measure is left out, not failed
        #expect(verdict([.nan, .nan]) == .notMeasured)
        #expect(Verdict.combining([.holds, .notMeasured]) == .holds)
        #expect(Verdict.combining([.notMeasured]) == .notMeasured)
        #expect(Verdict.combining([.holds, .holds]) == .holds)
        #expect(Verdict.combining([.holds, .doesNotHold]) == .mixed)
        #expect(Verdict.combining([.doesNotHold, .doesNotHold]) == .doesNotHold)
        #expect(Verdict.combining([]) == .doesNotHold)
    }

    @Test("criteria compute from the measurements: a doctored measurement flips the verdict")
    func doctored() throws {
        let honest = try Experiments.run(SigmoidSteepMiddle(), ExperimentSettings(quick: true))
        #expect(!honest.criteria.isEmpty)
        for index in honest.checks.indices {
            var runs = [honest]
            let check = honest.checks[index]
            let above = [Criterion.Comparison.atLeast, .greaterThan].contains(check.criterion.comparison)
            let passing = check.criterion.threshold + (above ? 1 : -1)
            let failing = check.criterion.threshold + (above ? -1 : 1)
            let wrong = check.passed ? failing : passing
            runs[0].checks[index] = Check(criterion: check.criterion, value: wrong, measured: check.measured)
            let doctored = SeedCombination.combine(runs, settings: honest.settings)
            #expect(doctored.criteria[index].verdict != honest.criteria[index].verdict, "\(check.criterion.name)")
        }
    }

    @Test(
        "combining seeds: values per criterion in seed order, mean and sd, share, a missing criterion is not measured")
    func combine() {
        let info = SigmoidSteepMiddle().info
        let a = Criterion("a", .greaterThan, 0, claim: 11)
        let b = Criterion("b", .atMost, 1, claim: 15)
        let runs = [[2.0, 0.5], [4.0, 3.0], [6.0]].map { values -> ExperimentResult in
            var r = ExperimentResult(info: info, settings: ExperimentSettings())
            for (criterion, value) in zip([a, b], values) { r.check(criterion, value, measured: "") }
            r.measure("m", values[0])
            return r
        }
        let combined = SeedCombination.combine(runs, settings: ExperimentSettings())
        #expect(combined.summaries.map(\.criterion) == [a, b])
        #expect(
            combined.summaries[0].values == [2, 4, 6] && combined.summaries[0].mean == 4
                && combined.summaries[0].standardDeviation == 2)
        #expect(combined.summaries[0].share == 1 && combined.summaries[0].verdict == .holds)
        #expect(combined.summaries[1].values[2].isNaN && combined.summaries[1].share == 0.5)
        #expect(combined.summaries[1].line.hasSuffix("1/2 seeds measured (1 of 3 had nothing to measure)"))
        #expect(combined.value("m") == 4)
        #expect(combined.verdict == .mixed)
    }

    /// One seed a run: what is checked is that the numbers are a function of the seed (activation-growth
    /// draws its nets and inputs from it), not how seeds combine.
    @Test("the same base seed gives the same numbers; another base seed gives others")
    func deterministic() async throws {
        let settings = ExperimentSettings(seed: 7, quick: true, seedCount: 1)
        let a = try await Self.run(ActivationGrowth(), settings)
        let b = try await Self.run(ActivationGrowth(), settings)
        #expect(a.measurements == b.measurements && a.seeds == b.seeds && a.seeds.count == 1)
        #expect(a.criteria.map(\.values) == b.criteria.map(\.values))
        let c = try await Self.run(ActivationGrowth(), ExperimentSettings(seed: 8, quick: true, seedCount: 1))
        #expect(c.criteria.map(\.values) != a.criteria.map(\.values))
    }

    /// Only experiments that take seconds in a debug build (linear-constant-gradient, once here, has no
    /// criterion left: its "not judged" could not differ). relu-sparsity and activation-growth train
    /// nets for a minute of CPU a seed here, and their 21 seeds in this suite made up most of CI's
    /// 30-minute test run; they and every other experiment are checked by
    /// `Scripts/check/check-experiment-seeds` with a release build, whose verdicts for base seeds 1–5
    /// the README's quick column gives.
    @Test(
        "quick-mode verdicts agree across base seeds (the cheap experiments; Scripts/check/check-experiment-seeds checks them all with a release build)",
        arguments: ["sigmoid-steep-middle", "sigmoid-extremes"])
    func seedAgreement(_ id: String) async throws {
        var verdicts: [Verdict] = []
        for seed in [UInt64(1), 2, 3] {
            verdicts.append(
                try await Self.run(
                    Experiments.named(id)!, ExperimentSettings(seed: seed, quick: true, seedCount: Self.seedCount)
                ).verdict)
        }
        #expect(Set(verdicts).count == 1, "\(id): \(verdicts)")
    }

    /// A number as JSON carries it: the same value (to the last few bits of a text round trip), or
    /// absent or null where it is not finite.
    static func same(_ json: Any?, _ value: Double) -> Bool {
        guard value.isFinite else { return json == nil || json is NSNull }
        guard let read = json as? Double else { return false }
        return read == value || abs(read - value) <= 4 * value.ulp
    }

    @Test("JSON: id, verdict in three words, seeds, criteria with threshold, mean, sd and share")
    func json() async throws {
        var result = try await Self.run(ActivationGrowth(), ExperimentSettings(quick: true, seedCount: 2))
        result.measure("not-finite", .infinity)
        let object =
            try JSONSerialization.jsonObject(with: Data(result.json(chartPaths: ["a.svg"]).utf8)) as! [String: Any]
        #expect(object["id"] as? String == "activation-growth")
        #expect(["holds", "mixed", "does not hold"].contains(object["verdict"] as? String ?? ""))
        #expect(object["verdict"] as? String == result.verdict.rawValue)
        #expect(object["seeds"] as? Int == 2 && object["claims"] as? [Int] == [2, 16, 22])
        let criteria = object["criteria"] as! [[String: Any]]
        #expect(criteria.count == result.criteria.count)
        for (json, summary) in zip(criteria, result.criteria) {
            #expect(
                json["name"] as? String == summary.criterion.name
                    && json["threshold"] as? Double == summary.criterion.threshold)
            #expect(
                Self.same(json["mean"], summary.mean) && Self.same(json["sd"], summary.standardDeviation), "\(json)")
            #expect(Self.same(json["share"], summary.share), "\(json)")
        }
        #expect((object["measurements"] as! [String: Any])["not-finite"] is NSNull)
        let listing = try JSONSerialization.jsonObject(with: Data(JSONText.listing.utf8)) as! [[String: Any]]
        #expect(listing.map { $0["id"] as? String } == Experiments.ids)
        #expect(listing.first?["claims"] as? [Int] == Experiments.all.first?.info.claims)
    }

    @Test("the report: a table of every claim on the index, a page per experiment with its charts")
    func report() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lab-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let experiments: [any Experiment] = [SigmoidSteepMiddle(), LinearConstantGradient()]
        let results = try experiments.map { try Experiments.run($0, ExperimentSettings(quick: true)) }
        let files = try LabReport(results: results).write(to: directory)
        let index = try String(contentsOf: files[0], encoding: .utf8)
        for claim in ArticleClaims.all { #expect(index.contains("<tr><td>\(claim.number)</td>")) }
        for result in results {
            #expect(index.contains("experiments/\(result.info.id).html"))
            let page = try String(
                contentsOf: directory.appendingPathComponent("experiments/\(result.info.id).html"), encoding: .utf8)
            #expect(page.contains(HTML.escape(result.info.claim)) && page.contains(HTML.escape(result.info.source)))
            #expect(
                page.contains("<svg")
                    && page.contains(
                        result.verdict.rawValue.prefix(1).uppercased() + result.verdict.rawValue.dropFirst())
            )
            for chart in result.charts {
                #expect(
                    FileManager.default.fileExists(
                        atPath: directory.appendingPathComponent("experiments/\(result.info.id)-\(chart.name).svg").path
                    ))
            }
        }
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("gallery/index.html").path))
    }
}
