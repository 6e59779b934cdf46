import Foundation
import NeuralNet
import Plotting

/// A trained classifier's sigmoid outputs gather near 0 and 1: the steep middle pushes values to the
/// ends, which makes the predictions clear-cut.
struct SigmoidExtremes: Experiment {
    let info = ExperimentInfo(
        id: "sigmoid-extremes", title: "Sigmoid pushes a classifier's outputs to the ends",
        claims: [12],
        claim:
            "Because sigmoid is steep in the middle, it tends to push values towards its two ends, which is useful for a classifier: its predictions become clearly separated.",
        method:
            "Train a net with one hidden tanh layer of 8 and a sigmoid output (Adam at 0.01) on xor, circle and moons. On the test points, measure the share of outputs below 0.1 or above 0.9, and the same share for the output's weighted sums scaled linearly onto [0, 1] (their own minimum to maximum): what a linear read-out of the same sums would show.",
        reading:
            "We test the outputs of trained classifiers, where the article says the property is useful; 'the ends' is read as the outer tenth on each side."
    )

    static let datasets = ["xor", "circle", "moons"]

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        var table = ResultTable(
            title: "Share of test outputs in the outer tenths ([0, 0.1) or (0.9, 1])",
            columns: ["dataset", "sigmoid outputs", "linear read-out of the same sums", "test accuracy"])
        var sigmoidShares: [Double] = []
        var linearShares: [Double] = []
        var outputs: [Double] = []
        for dataset in Self.datasets {
            let data = try Runs.data(
                dataset, count: settings.pick(quick: 200, full: 500), noise: 0.1, seed: settings.seed(1))
            let c = Runs.configuration(
                hidden: [8], activation: "tanh", output: .sigmoid, epochs: settings.pick(quick: 30, full: 100),
                seed: settings.seed(2),
                optimizer: OptimizerSettings(kind: .adam, learningRate: 0.01))
            let session = try Runs.trained(c, on: data)
            let sums = session.network.logits(session.normalization.apply(session.test.inputs)).storage
            let sigmoid = sums.map { 1 / (1 + Foundation.exp(-$0)) }
            let (lo, hi) = (sums.min() ?? 0, sums.max() ?? 1)
            let linear = sums.map { hi > lo ? ($0 - lo) / (hi - lo) : 0.5 }
            let (s, l) = (Self.outerShare(sigmoid), Self.outerShare(linear))
            (sigmoidShares, linearShares) = (sigmoidShares + [s], linearShares + [l])
            outputs += sigmoid
            table.rows.append([dataset, Format.percent(s), Format.percent(l), Format.percent(Runs.accuracy(session))])
            result.measure("\(dataset).sigmoid_outer_share", s)
            result.measure("\(dataset).linear_outer_share", l)
        }
        result.tables.append(table)
        result.check(
            Criterion(
                "share of sigmoid outputs in the outer tenths, lowest over the datasets", .atLeast, 0.5, claim: 12),
            sigmoidShares.min() ?? .nan,
            measured: "sigmoid outputs at the ends: "
                + zip(Self.datasets, sigmoidShares).map { "\($0) \(Format.percent($1))" }.joined(separator: ", "))
        result.check(
            Criterion(
                "sigmoid's outer share minus the linear read-out's, lowest over the datasets", .greaterThan, 0,
                claim: 12),
            zip(sigmoidShares, linearShares).map { $0 - $1 }.min() ?? .nan,
            measured: "linear read-out at the ends: "
                + zip(Self.datasets, linearShares).map { "\($0) \(Format.percent($1))" }.joined(separator: ", "))
        result.charts.append(Self.histogram(outputs))
        return result
    }

    static func outerShare(_ values: [Double]) -> Double {
        Double(values.filter { $0 < 0.1 || $0 > 0.9 }.count) / Double(max(values.count, 1))
    }

    static func histogram(_ values: [Double]) -> ResultChart {
        let bins = 20
        let counts = (0..<bins).map { b in
            Double(values.filter { min(Int($0 * Double(bins)), bins - 1) == b }.count) / Double(max(values.count, 1))
        }
        var chart = LineChart(
            id: "sigmoid-extremes-histogram", title: "Sigmoid outputs on the test points (all datasets)",
            xLabel: "output", yLabel: "share of points")
        chart.zeroLines = false
        chart.series = [
            .init(
                label: "share per bin of width 0.05", xs: (0..<bins).map { (Double($0) + 0.5) / Double(bins) },
                ys: counts, colorIndex: 0)
        ]
        return ResultChart(name: "histogram", chart: chart, caption: histogramCaption(values))
    }

    /// What the histogram shows, from the outputs themselves: the shares below 0.1, between and above 0.9,
    /// and where most of the mass lies.
    static func histogramCaption(_ values: [Double]) -> String {
        let n = Double(max(values.count, 1))
        let low = Double(values.filter { $0 < 0.1 }.count) / n
        let high = Double(values.filter { $0 > 0.9 }.count) / n
        let middle = 1 - low - high
        let massPlace =
            low + high > 0.5
            ? "most of the mass is in the outer tenths" : "most of the mass lies between 0.1 and 0.9, not at the ends"
        return
            "Sigmoid outputs on the test points of all datasets (first seed): \(Format.percent(low)) below 0.1, "
            + "\(Format.percent(middle)) between, \(Format.percent(high)) above 0.9; \(massPlace)."
    }
}
