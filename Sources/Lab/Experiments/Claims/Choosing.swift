import NeuralNet
import Plotting

/// Sigmoid for a classifier's output, ReLU as the default hidden activation: the same architecture
/// trained with each activation on each dataset, over several seeds.
struct Choosing: Experiment {
    let info = ExperimentInfo(
        id: "choosing", title: "Sigmoid for the output, ReLU as the default hidden activation",
        claim: "A sigmoid works well for a classifier. … If you don't know the nature of the function you are trying to learn, then maybe I would suggest start with ReLu, and then work backwards.",
        method: "Train the same 2-8-8-1 net (sigmoid output, Adam) with each hidden activation on xor, circle, spiral, gauss and moons over several seeds; report test accuracy mean ± sd, the epochs to reach 95% test accuracy and the training time. Then train the ReLU net again with a tanh output instead of the sigmoid.")

    static let datasets = ["xor", "circle", "spiral", "gauss", "moons"]

    /// The results of one activation (and output) on every dataset.
    struct Row {
        let label: String
        /// Test accuracies per dataset, one per seed.
        var accuracies: [[Double]] = []
        /// Epochs to reach 95% test accuracy per run (nil when it never did).
        var epochsTo95: [Int?] = []
        var seconds: [Double] = []
        var mean: Double { Stats.mean(accuracies.map(Stats.mean)) }
    }

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let base = settings.pick(quick: ["sigmoid", "tanh", "relu"], full: ["sigmoid", "tanh", "relu", "leaky-relu", "elu", "gelu", "silu"])
        let ids = base + settings.extraActivations.filter { !base.contains($0) }
        let rows = try ids.map { try train($0, output: .sigmoid, settings) }
        let tanhOutput = try train("relu", output: .tanh, settings)
        tabulate(rows + [tanhOutput], settings, &result)
        result.tables.append(Self.winners(rows))
        judge(rows, tanhOutput: tanhOutput, &result)
        result.charts.append(Self.chart(rows))
        return result
    }

    private func train(_ id: String, output: OutputHead, _ settings: ExperimentSettings) throws -> Row {
        var row = Row(label: output == .sigmoid ? id : "\(id), tanh output")
        for dataset in Self.datasets {
            var accuracies: [Double] = []
            for seed in 0..<settings.pick(quick: 1, full: 5) {
                let data = try Runs.data(dataset, count: settings.pick(quick: 120, full: 500), seed: settings.seed(UInt64(10 + seed)))
                let c = Runs.configuration(hidden: [8, 8], activation: id, output: output, epochs: settings.pick(quick: 12, full: 100),
                                           seed: settings.seed(UInt64(20 + seed)), initializer: id.contains("relu") ? .he : .glorotUniform)
                let session = try Runs.trained(c, on: data)
                accuracies.append(Runs.accuracy(session))
                row.epochsTo95.append(session.history.firstIndex { ($0.testAccuracy ?? 0) >= 0.95 }.map { $0 + 1 })
                row.seconds.append(session.history.map(\.seconds).reduce(0, +))
            }
            row.accuracies.append(accuracies)
        }
        return row
    }

    private func tabulate(_ rows: [Row], _ settings: ExperimentSettings, _ result: inout ExperimentResult) {
        var table = ResultTable(title: settings.quick ? "Test accuracy, one seed" : "Test accuracy, mean ± sd over 5 seeds",
                                columns: ["hidden activation"] + Self.datasets + ["mean", "epochs to 95%", "seconds per run"])
        for row in rows {
            let reached = row.epochsTo95.compactMap { $0 }
            let epochs = reached.isEmpty ? "never" : Format.number(Stats.mean(reached.map(Double.init)), 3) + " (\(reached.count)/\(row.epochsTo95.count) runs)"
            table.rows.append([row.label] + row.accuracies.map { settings.quick ? Format.percent(Stats.mean($0)) : Format.meanSD($0, percent: true) }
                              + [Format.percent(row.mean), epochs, Format.number(Stats.mean(row.seconds), 2)])
            result.measure("\(row.label).mean_accuracy", row.mean)
            result.measure("\(row.label).seconds_per_run", Stats.mean(row.seconds))
            zip(Self.datasets, row.accuracies).forEach { result.measure("\(row.label).\($0).accuracy", Stats.mean($1)) }
        }
        result.tables.append(table)
    }

    /// The hidden activations with the highest mean test accuracy on each dataset (all of them on a tie).
    static func winners(_ rows: [Row]) -> ResultTable {
        ResultTable(title: "Which hidden activation wins where (highest mean test accuracy)", columns: ["dataset", "winner", "accuracy"],
                    rows: datasets.indices.map { d in
                        let best = rows.map { Stats.mean($0.accuracies[d]) }.max() ?? 0
                        return [datasets[d], rows.filter { Stats.mean($0.accuracies[d]) == best }.map(\.label).joined(separator: ", "), Format.percent(best)]
                    })
    }

    private func judge(_ rows: [Row], tanhOutput: Row, _ result: inout ExperimentResult) {
        let best = rows.max { $0.mean < $1.mean }!
        let relu = rows.first { $0.label == "relu" }!, sigmoid = rows.first { $0.label == "sigmoid" }!
        result.check("ReLU as the default: its mean accuracy is within 3 points of the best hidden activation's",
                     measured: "ReLU \(Format.percent(relu.mean)), best \(best.label) \(Format.percent(best.mean))", passed: relu.mean >= best.mean - 0.03)
        result.check("ReLU beats sigmoid as the hidden activation",
                     measured: "hidden sigmoid \(Format.percent(sigmoid.mean))", passed: relu.mean > sigmoid.mean)
        result.check("a sigmoid output does at least as well as a tanh output (within 2 points) on the ReLU net",
                     measured: "ReLU net with tanh output \(Format.percent(tanhOutput.mean))", passed: relu.mean >= tanhOutput.mean - 0.02)
    }

    static func chart(_ rows: [Row]) -> ResultChart {
        var chart = LineChart(id: "choosing-accuracy", title: "Mean test accuracy per dataset",
                              xLabel: "dataset: 1 xor, 2 circle, 3 spiral, 4 gauss, 5 moons", yLabel: "test accuracy")
        chart.yDomain = 0...1
        chart.zeroLines = false
        chart.series = rows.enumerated().map { index, row in
            .init(label: row.label, xs: datasets.indices.map { Double($0 + 1) }, ys: row.accuracies.map(Stats.mean), colorIndex: index)
        }
        return ResultChart(name: "accuracy", chart: chart, caption: "Each line is one hidden activation; spiral is hard for every one at this size.")
    }
}
