import NeuralNet
import Plotting

/// Which hidden activation to start with, and whether choosing one per problem pays: every activation
/// on every problem (four 2-D sets and the real digits), epochs to 90% test accuracy and final accuracy.
struct Choosing: Experiment {
    let info = ExperimentInfo(
        id: "choosing", title: "Start with ReLU; choose by the problem when you know it",
        claims: [28, 31],
        claim:
            "When you know what the function to learn is like, pick the activation that approximates it fastest, and training gets faster. When you do not, start with ReLU and work from there: in most cases it is a good general approximator.",
        method:
            "Train the same net (one hidden layer of 8 on xor, circle and moons, two of 16 on spiral, 64-32-10 softmax on the UCI digits; Adam at 0.01, same data, start and batch order) with each hidden activation, and record the final test accuracy and the first epoch with 90% test accuracy. A run that never gets there is known only to need more than the budget: totals that include one are bounds, and a problem where no activation gets there is left out of the epoch comparison.",
        reading:
            "Claim 28 is guidance; we test what it implies: that choosing the activation per problem saves epochs over the best single activation used everywhere. 'In most cases' (31) becomes: on more than half of the problems ReLU is within 3 points of the best accuracy. One learning rate for all is a simplification here; the sigmoid-classifier experiment tunes it per activation."
    )

    struct Row {
        let id: String
        /// Per problem: final test accuracy and epochs to 90% (nil when never within the budget), and whether
        /// the loss turned NaN or ∞ (training stopped there; its accuracy counts as 0).
        var accuracy: [Double] = [], epochs: [Int?] = [], diverged: [Bool] = []
    }

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let base = settings.pick(
            quick: ["sigmoid", "tanh", "relu"], full: ["sigmoid", "tanh", "relu", "leaky-relu", "elu", "gelu", "silu"])
        let ids = base + settings.extraActivations.filter { !base.contains($0) }
        let budget = settings.pick(quick: 20, full: 60)
        var rows = ids.map { Row(id: $0) }
        for problem in Problem.all {
            let data = try problem.data(settings)
            for index in rows.indices {
                let session = try problem.train(rows[index].id, epochs: budget, on: data, settings)
                rows[index].accuracy.append(Runs.accuracy(session))
                rows[index].epochs.append(Problem.epochsToTarget(session))
                rows[index].diverged.append(!session.isFinished)
            }
        }
        tabulate(rows, budget: budget, &result)
        judge(rows, budget: budget, &result)
        result.charts.append(Self.chart(rows))
        return result
    }

    private func tabulate(_ rows: [Row], budget: Int, _ result: inout ExperimentResult) {
        let names = Problem.all.map(\.dataset)
        var table = ResultTable(
            title: "Test accuracy (epochs to 90%, of \(budget); \"–\" never; \"diverged\": the loss turned NaN or ∞)",
            columns: ["hidden activation"] + names)
        for row in rows {
            // A run whose loss turned NaN or ∞ printed "0.0% (–)" as if it had trained and failed.
            table.rows.append(
                [row.id]
                    + row.accuracy.indices.map { p in
                        row.diverged[p]
                            ? "diverged"
                            : "\(Format.percent(row.accuracy[p])) (\(row.epochs[p].map(String.init) ?? "–"))"
                    })
            for (name, (accuracy, epochs)) in zip(names, zip(row.accuracy, row.epochs)) {
                result.measure("\(row.id).\(name).accuracy", accuracy)
                result.measure("\(row.id).\(name).epochs_to_90", epochs.map(Double.init) ?? .nan)
            }
        }
        result.tables.append(table)
    }

    private func judge(_ rows: [Row], budget: Int, _ result: inout ExperimentResult) {
        guard let relu = rows.first(where: { $0.id == "relu" }) else { return }
        let problems = Problem.all.indices
        let best = problems.map { p in rows.map { $0.accuracy[p] }.max() ?? 0 }
        let close = problems.filter { relu.accuracy[$0] >= best[$0] - 0.03 }
        result.check(
            Criterion(
                "share of problems where ReLU is within 3 points of the best test accuracy", .greaterThan, 0.5,
                claim: 31),
            Double(close.count) / Double(problems.count),
            measured: "ReLU within 3 points on "
                + (close.isEmpty ? "none" : close.map { Problem.all[$0].dataset }.joined(separator: ", ")))
        let saving = EpochSaving(budget: budget, names: Problem.all.map(\.dataset), epochs: rows.map(\.epochs))
        result.check(
            Criterion(
                "share of epochs to 90% saved by choosing the fastest activation per problem over the best single one, on the problems some activation solved (a bound where a run never got there)",
                .atLeast, 0.1, claim: 28),
            saving.value(threshold: 0.1), measured: saving.describe(ids: rows.map(\.id), threshold: 0.1))
    }

    static func chart(_ rows: [Row]) -> ResultChart {
        let names = Problem.all.map(\.dataset)
        var chart = LineChart(
            id: "choosing-accuracy", title: "Test accuracy per problem",
            xLabel: names.enumerated().map { "\($0 + 1) \($1)" }.joined(separator: ", "), yLabel: "test accuracy")
        chart.yDomain = 0...1
        chart.zeroLines = false
        chart.series = rows.enumerated().map { index, row in
            .init(label: row.id, xs: names.indices.map { Double($0 + 1) }, ys: row.accuracy, colorIndex: index)
        }
        return ResultChart(name: "accuracy", chart: chart, caption: "Each line is one hidden activation (first seed).")
    }
}

/// Epochs to 90% summed over problems for one activation used everywhere against the fastest activation
/// chosen per problem, where a run that never got there within the budget is known only to need more.
///
/// Problems no activation solved are left out. The per-problem choice is then exact (some activation reached
/// 90% on each problem kept); the best single activation's total is exact when it reached 90% everywhere,
/// and otherwise only bounded below (each miss counts as budget + 1, a lower bound).
struct EpochSaving {
    let budget: Int
    /// Problem names, in the order of each activation's epochs.
    let names: [String]
    /// Per activation, per problem: epochs to 90%, nil when never within the budget.
    let epochs: [[Int?]]

    /// The problems some activation solved.
    var kept: [Int] { names.indices.filter { p in epochs.contains { $0[p] != nil } } }
    /// The problems none solved: left out.
    var leftOut: [String] { names.indices.filter { !kept.contains($0) }.map { names[$0] } }
    /// The per-problem choice's total: exact.
    var chosen: Int { kept.map { p in epochs.compactMap { $0[p] }.min()! }.reduce(0, +) }
    /// Each activation's total over the kept problems, misses as budget + 1 (a lower bound when it missed).
    var totals: [Int] { epochs.map { row in kept.map { row[$0] ?? budget + 1 }.reduce(0, +) } }
    /// Whether each activation reached 90% on every kept problem (its total is exact).
    var exact: [Bool] { epochs.map { row in kept.allSatisfy { row[$0] != nil } } }

    /// Bounds on the share saved, 1 − chosen / (best single total).
    var bounds: (lower: Double, upper: Double) {
        guard !kept.isEmpty else { return (.nan, .nan) }
        let lowest = Double(totals.min()!)  // a lower bound on the best single activation's true total
        let exactTotals = zip(totals, exact).filter(\.1).map { Double($0.0) }
        let highest = exactTotals.min() ?? .infinity  // an upper bound on it
        return (1 - Double(chosen) / lowest, 1 - Double(chosen) / highest)
    }

    /// For a "≥ threshold" criterion: the lower bound when it passes, the upper bound when even that fails,
    /// NaN when the bounds straddle the threshold or no problem was solved (not measured).
    func value(threshold: Double) -> Double {
        let (lower, upper) = bounds
        if lower >= threshold { return lower }
        if upper < threshold { return upper }
        return .nan
    }

    /// In words: the per-problem choice's total, the best single activation's, which are bounds, and what
    /// was left out.
    func describe(ids: [String], threshold: Double) -> String {
        guard !kept.isEmpty else {
            return "not measured: no activation reached 90% on any problem within \(budget) epochs"
        }
        let best = totals.indices.min { totals[$0] < totals[$1] }!
        var parts = [
            "per-problem choice \(chosen) epochs in all over \(kept.map { names[$0] }.joined(separator: ", ")); "
                + "best single activation \(ids[best]) \(exact[best] ? "" : "at least ")\(totals[best])"
        ]
        let missed = ids.indices.filter { !exact[$0] }.map { ids[$0] }
        if !missed.isEmpty {
            parts.append(
                "\(missed.joined(separator: ", ")) never reached 90% within \(budget) epochs on some of these, so their totals are lower bounds"
            )
        }
        let v = value(threshold: threshold)
        let (lower, upper) = bounds
        parts.append(
            v.isNaN
                ? "share saved between \(Format.percent(lower)) and \(upper.isFinite ? Format.percent(upper) : "100%"): not measured"
                : "share saved \(lower == upper ? "" : v == lower ? "at least " : "at most ")\(Format.percent(v))")
        if !leftOut.isEmpty {
            parts.append("left out: \(leftOut.joined(separator: ", ")), where no activation reached 90%")
        }
        return parts.joined(separator: "; ")
    }
}
