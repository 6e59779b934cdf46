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
            "Train the same net (one hidden layer of 8 on xor, circle and moons, two of 16 on spiral, 64-32-10 softmax on the UCI digits; Adam at 0.01, same data, start and batch order) with each hidden activation, and record the final test accuracy and the first epoch with 90% test accuracy (a run that never gets there counts as one epoch past the budget).",
        reading:
            "Claim 28 is guidance; we test what it implies: that choosing the activation per problem saves epochs over the best single activation used everywhere. 'In most cases' (31) becomes: on more than half of the problems ReLU is within 3 points of the best accuracy. One learning rate for all is a simplification here; the sigmoid-classifier experiment tunes it per activation."
    )

    struct Row {
        let id: String
        /// Per problem: final test accuracy and epochs to 90% (budget + 1 when never), and whether the
        /// loss turned NaN or ∞ (training stopped there; its accuracy counts as 0).
        var accuracy: [Double] = [], epochs: [Int] = [], diverged: [Bool] = []
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
                rows[index].epochs.append(Problem.epochsToTarget(session) ?? budget + 1)
                rows[index].diverged.append(!session.isFinished)
            }
        }
        tabulate(rows, budget: budget, &result)
        judge(rows, &result)
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
                            : "\(Format.percent(row.accuracy[p])) (\(row.epochs[p] > budget ? "–" : String(row.epochs[p])))"
                    })
            for (name, (accuracy, epochs)) in zip(names, zip(row.accuracy, row.epochs)) {
                result.measure("\(row.id).\(name).accuracy", accuracy)
                result.measure("\(row.id).\(name).epochs_to_90", Double(epochs))
            }
        }
        result.tables.append(table)
    }

    private func judge(_ rows: [Row], _ result: inout ExperimentResult) {
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
        let fixed = rows.map { $0.epochs.reduce(0, +) }.min() ?? 0
        let chosen = problems.map { p in rows.map { $0.epochs[p] }.min() ?? 0 }.reduce(0, +)
        let saved = fixed == 0 ? 0 : Double(fixed - chosen) / Double(fixed)
        result.check(
            Criterion(
                "share of epochs to 90% saved by choosing the fastest activation per problem over the best single one",
                .atLeast, 0.1, claim: 28),
            saved, measured: "per-problem choice \(chosen) epochs in all, best single activation \(fixed)")
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
