import ActivationFunctions
import NeuralNet
import Plotting

/// ReLU costs less to compute than sigmoid and tanh: measured kernel throughput, forward and backward,
/// and the epoch time of the same net with each.
struct ReLUIsCheap: Experiment {
    let info = ExperimentInfo(
        id: "relu-is-cheap", title: "ReLU is cheaper to compute than sigmoid and tanh",
        claim: "ReLu is less computationally expensive than tanh and sigmoid because it involves simpler mathematical operations.",
        method: "Time the batch kernels (Float, the same code `activations bench` measures) of relu, sigmoid and tanh, forward and backward, as the median of repeated samples, and compare them as ratios. Then time training epochs of the same 2-32-32-1 net with each activation, interleaved, and report the median.")

    static let ids = ["relu", "sigmoid", "tanh"]

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        var table = ResultTable(title: "Kernel time per element (Float, median of samples) and ratio to relu",
                                columns: ["direction"] + Self.ids.map { "\($0) ns" } + ["sigmoid / relu", "tanh / relu"])
        var ratios: [Double] = []
        for direction in Throughput.Direction.allCases {
            let times = try Self.ids.map { id in
                try Throughput.measure(Activations.make(id), Float.self, n: settings.pick(quick: 4096, full: 1 << 16), direction: direction,
                                       samples: settings.pick(quick: 7, full: 21), sampleSeconds: settings.pick(quick: 0.003, full: 0.02)).nanosecondsPerElement
            }
            let pair = [times[1] / times[0], times[2] / times[0]]
            ratios += pair
            table.rows.append([direction.rawValue] + times.map { Format.number($0, 3) } + pair.map { Format.number($0, 3) + "×" })
            zip(Self.ids, times).forEach { result.measure("\($0).\(direction.rawValue).ns_per_element", $1) }
            result.measure("sigmoid_over_relu.\(direction.rawValue)", pair[0])
            result.measure("tanh_over_relu.\(direction.rawValue)", pair[1])
        }
        result.tables.append(table)
        result.check("relu's kernels are faster than sigmoid's and tanh's, forward and backward (every ratio > 1)",
                     measured: "sigmoid and tanh take \(Format.number(ratios.min()!, 3))–\(Format.number(ratios.max()!, 3))× relu's time",
                     passed: ratios.allSatisfy { $0 > 1 })
        try epochs(settings, &result)
        result.notes.append("Timings depend on the machine and the build: run `swift run -c release activations experiment relu-is-cheap` for optimised numbers. A debug build (as in `swift test`) is many times slower.")
        return result
    }

    /// Median seconds per training epoch for each activation, epochs interleaved so drift hits all alike.
    private func epochs(_ settings: ExperimentSettings, _ result: inout ExperimentResult) throws {
        let data = try Runs.data("circle", count: settings.pick(quick: 100, full: 500), seed: settings.seed(1))
        var sessions = try Self.ids.map { id in
            try TrainingSession(configuration: Runs.configuration(hidden: [32, 32], activation: id, epochs: settings.pick(quick: 3, full: 15),
                                                                  seed: settings.seed(2), initializer: id == "relu" ? .he : .glorotUniform), data: data)
        }
        while !sessions[0].isFinished {
            for index in sessions.indices { try sessions[index].runEpoch() }
        }
        let medians = sessions.map { Statistics.median($0.history.map(\.seconds)) }
        var table = ResultTable(title: "Training epoch, 2-32-32-1 on \(data.count) circle points (median)", columns: ["activation", "ms per epoch", "ratio to relu"])
        for (id, seconds) in zip(Self.ids, medians) {
            table.rows.append([id, Format.number(seconds * 1000, 3), Format.number(seconds / medians[0], 3) + "×"])
            result.measure("\(id).epoch_seconds", seconds)
        }
        result.tables.append(table)
        result.notes.append("Epoch times are reported, not judged: an epoch is mostly matrix products, which cost the same whatever the activation, so the activation's share of the time sets how much a cheaper one can save.")
        result.charts.append(Self.chart(result))
    }

    static func chart(_ result: ExperimentResult) -> ResultChart {
        var chart = LineChart(id: "relu-is-cheap-kernels", title: "Kernel time per element, relative to relu", xLabel: "activation (1 relu, 2 sigmoid, 3 tanh)", yLabel: "time / relu's time")
        chart.series = Throughput.Direction.allCases.enumerated().map { index, direction in
            let base = result.value("relu.\(direction.rawValue).ns_per_element") ?? 1
            return .init(label: direction.rawValue, xs: [1, 2, 3],
                         ys: ids.map { (result.value("\($0).\(direction.rawValue).ns_per_element") ?? .nan) / base }, colorIndex: index)
        }
        chart.zeroLines = false
        return ResultChart(name: "kernels", chart: chart, caption: "Above 1 means slower than relu.")
    }
}
