import Foundation
import NeuralNet
import Plotting

/// Graded (sigmoid) outputs learn more steadily than step outputs, and leave several outputs at 100%
/// far less often; the article adds that this depends on the data, so we try two datasets.
struct GradedOutputs: Experiment {
    let info = ExperimentInfo(
        id: "graded-outputs", title: "Graded outputs learn more smoothly than steps",
        claims: [6],
        claim:
            "With outputs that take values in between, learning is smoother and easier, with fewer swings, and more than one output at 100% becomes much less likely than with steps, though that depends on the data.",
        method:
            "One linear unit per class on four Gaussian blobs and on the UCI digits, trained online from the same zero start and the same point order at the same rate (0.1): once through a step with the perceptron rule, once through a sigmoid with the cross-entropy gradient. Twenty times per epoch, record the training error of the largest-sum read-out; its swing is the total up-and-down movement beyond the net change (0 for a curve that only falls). At the end, count the test points where more than one output is at 100% (a step that fires; a sigmoid at 0.99 or more): on the blobs, 1,000 fresh points (4,000 in full mode) drawn apart from the 400 (1,000) trained on, so that a share of a few percent is not read off 80 points; on the digits, the fifth of the images held out.",
        reading:
            "A step has no gradient, so the perceptron rule is the fair way to train it. The hedge stays: each dataset is judged on its own, and a claim that holds on one and not the other comes out mixed."
    )

    static let datasets = ["blobs", "digits"]

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        var table = ResultTable(
            title: "Per dataset and output",
            columns: [
                "dataset", "output", "final training error", "swing of the error curve",
                "test points with several outputs at 100%",
            ])
        for (index, dataset) in Self.datasets.enumerated() {
            let count =
                dataset == "digits" ? settings.pick(quick: 600, full: 1797) : settings.pick(quick: 400, full: 1000)
            let data = try Runs.data(
                dataset, count: count, noise: dataset == "digits" ? 0 : 0.25, classes: 4,
                seed: settings.seed(UInt64(1 + index)))
            let fresh =
                dataset == "digits"
                ? nil
                : try Runs.data(
                    dataset, count: settings.pick(quick: 1000, full: 4000), noise: 0.25, classes: 4,
                    seed: settings.seed(7))
            let runs = try [OneVersusRest.Output.step, .sigmoid].map {
                try Self.train($0, data, testedOn: fresh, settings)
            }
            for (name, run) in zip(["step", "sigmoid"], runs) {
                table.rows.append([
                    dataset, name, Format.percent(run.curve.last ?? .nan), Format.number(run.swing, 3),
                    Format.percent(run.several) + " of \(run.tested)",
                ])
                result.measure("\(dataset).\(name).swing", run.swing)
                result.measure("\(dataset).\(name).several_at_full", run.several)
            }
            result.check(
                Criterion("\(dataset): swing of the step's error curve minus the sigmoid's", .greaterThan, 0, claim: 6),
                runs[0].swing - runs[1].swing,
                measured:
                    "\(dataset): swing step \(Format.number(runs[0].swing, 3)), sigmoid \(Format.number(runs[1].swing, 3))"
            )
            result.check(
                Criterion(
                    "\(dataset): share of test points with several outputs at 100%, step minus sigmoid", .greaterThan,
                    0,
                    claim: 6),
                runs[0].several - runs[1].several,
                measured:
                    "\(dataset): several at 100% step \(Format.percent(runs[0].several)), sigmoid \(Format.percent(runs[1].several))"
            )
            result.charts.append(Self.chart(dataset, runs.map(\.curve), index: index))
        }
        result.tables.append(table)
        return result
    }

    struct Run {
        var curve: [Double] = []
        var several = 0.0
        /// How many test points `several` was read off.
        var tested = 0
        /// Total variation of the curve beyond its net change.
        var swing: Double {
            let total = zip(curve, curve.dropFirst()).reduce(0) { $0 + abs($1.1 - $1.0) }
            return total - abs((curve.last ?? 0) - (curve.first ?? 0))
        }
    }

    /// Trains on 80% of `data`; counts several outputs at 100% on `fresh` points if given, else on the other 20%.
    static func train(
        _ output: OneVersusRest.Output, _ data: Dataset, testedOn fresh: Dataset?, _ settings: ExperimentSettings
    ) throws -> Run {
        let (train, test) = try data.split(trainFraction: 0.8, seed: settings.seed(5))
        let normalization = Normalization(fitting: train.inputs)
        let (x, xTest) = (normalization.apply(train.inputs), normalization.apply(fresh?.inputs ?? test.inputs))
        let labels = StepNoGradient.labels(train)
        var units = OneVersusRest(output, classes: data.classNames.count, inputs: x.columns)
        var rng = SeededGenerator(seed: settings.seed(6))
        var run = Run(curve: [units.errorRate(x, labels)])
        let every = max(1, x.rows / 20)
        for _ in 0..<settings.pick(quick: 3, full: 10) {
            for (step, i) in Array(0..<x.rows).shuffled(using: &rng).enumerated() {
                units.learn(x.storage[(i * x.columns)..<((i + 1) * x.columns)], labels[i], rate: 0.1)
                if (step + 1) % every == 0 { run.curve.append(units.errorRate(x, labels)) }
            }
        }
        (run.several, run.tested) = (units.severalAtFull(xTest), xTest.rows)
        return run
    }

    static func chart(_ dataset: String, _ curves: [[Double]], index: Int) -> ResultChart {
        var chart = LineChart(
            id: "graded-outputs-\(dataset)", title: "\(dataset): training error during learning",
            xLabel: "twentieths of an epoch", yLabel: "training error")
        chart.yDomain = 0...1
        chart.zeroLines = false
        chart.series = zip(["step (perceptron rule)", "sigmoid (gradient)"], curves).enumerated().map { i, pair in
            .init(label: pair.0, xs: pair.1.indices.map(Double.init), ys: pair.1, colorIndex: i)
        }
        return ResultChart(name: dataset, chart: chart, caption: "The same start, order and rate; first seed.")
    }
}
