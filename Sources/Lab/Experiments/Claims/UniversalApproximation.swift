import Foundation
import NeuralNet
import Plotting

/// One hidden ReLU layer fits sin x, |x| and a step on [−π, π], better as it gets wider.
struct UniversalApproximation: Experiment {
    let info = ExperimentInfo(
        id: "universal-approximation", title: "Sums of ReLUs approximate any function",
        claims: [21],
        claim:
            "ReLU is non-linear, sums of ReLUs are non-linear too, and combinations of ReLUs can approximate any function.",
        method:
            "Fit sin x, |x| and a unit step on [−π, π] with one hidden ReLU layer of growing width (linear output, mean squared error, full-batch Adam: 1,000 steps in quick mode, 4,000 with cosine learning-rate decay in full mode) on evenly spaced samples, and measure the root-mean-square error against the true function at the samples. Each width is trained from two different random starts and the better fit counts: the claim is about what sums of ReLUs can represent, and one start whose units all begin with their kink at 0 can be slow to spread them. |x| and the step need only two ReLUs, so only sin x is required to improve with width.",
        reading:
            "The article's claim is about what combinations of ReLUs can represent. We measure what training finds in a fixed budget, the better of two starts: an upper bound on the error the width allows."
    )

    static let targets: [(dataset: String, label: String, f: @Sendable (Double) -> Double)] = [
        ("fit-sin", "sin x", { Foundation.sin($0) }), ("fit-abs", "|x|", { abs($0) }),
        ("fit-step", "step(x)", { $0 > 0 ? 1 : 0 }),
    ]

    /// The largest RMS error that counts as approximating a function whose values span about 1 to 3.
    static let tolerance = 0.1

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let widths = settings.pick(quick: [2, 8, 32], full: [2, 4, 8, 16, 32, 64, 128, 256])
        let grid = (0...400).map { -Double.pi + 2 * Double.pi * Double($0) / 400 }
        var table = ResultTable(
            title: "RMS error against the true function at the \(settings.pick(quick: 64, full: 200)) sample points",
            columns: ["width"] + Self.targets.map(\.label))
        var errors = [[Double]](repeating: [], count: Self.targets.count)
        var fits = [[Int: [Double]]](repeating: [:], count: Self.targets.count)
        for width in widths {
            var row = [String(width)]
            for (index, target) in Self.targets.enumerated() {
                let (rmse, fit) = try Self.fit(target.dataset, target.f, width: width, grid: grid, settings)
                errors[index].append(rmse)
                result.measure("\(target.dataset).w\(width).rmse", rmse)
                row.append(Format.number(rmse, 3))
                fits[index][width] = fit
            }
            table.rows.append(row)
        }
        result.tables.append(table)
        judge(errors, widths: widths, &result)
        result.charts =
            Self.targets.indices.map { Self.fitChart($0, fits[$0], widths: widths, grid: grid) } + [
                Self.errorChart(errors, widths)
            ]
        return result
    }

    /// How many random starts each width is trained from; the lowest error counts.
    static let starts = 2

    /// The better of `starts` fits of one width to one target: its RMS error at the samples and its
    /// fitted values on `grid`.
    static func fit(
        _ dataset: String, _ f: (Double) -> Double, width: Int, grid: [Double], _ settings: ExperimentSettings
    ) throws -> (Double, [Double]) {
        let fits = try (0..<UInt64(starts)).map { start in
            try fit(
                dataset, f, width: width, grid: grid, seed: settings.seed(UInt64(width) &+ 1_000 &* start), settings)
        }
        return fits.filter { $0.0.isFinite }.min { $0.0 < $1.0 } ?? fits[0]  // a fit that diverged loses
    }

    /// Trains one width on one target from the start drawn with `seed` (full-batch Adam on all the
    /// samples); returns the RMS error at the samples and the fitted values on `grid`.
    static func fit(
        _ dataset: String, _ f: (Double) -> Double, width: Int, grid: [Double], seed: UInt64,
        _ settings: ExperimentSettings
    ) throws -> (Double, [Double]) {
        let count = settings.pick(quick: 64, full: 200)
        var c = Runs.configuration(
            hidden: [width], activation: "relu", output: .linear, epochs: settings.pick(quick: 1000, full: 4000),
            seed: seed, optimizer: OptimizerSettings(kind: .adam, learningRate: settings.pick(quick: 0.04, full: 0.01)),
            batchSize: count, initializer: .heUniform)
        (c.trainFraction, c.normalize) = (1, false)
        // Long runs settle instead of oscillating.
        if !settings.quick { c.schedule = .cosine(epochs: c.epochs, minimum: 0) }
        let data = try Runs.data(dataset, count: count, seed: settings.seed(1))
        let session = try Runs.trained(c, on: data)
        let fitted = try session.predict(data.inputs).storage
        let rmse = (zip(fitted, data.inputs.storage).map { ($0 - f($1)) * ($0 - f($1)) }.reduce(0, +) / Double(count))
            .squareRoot()
        return (rmse, try session.predict(Matrix(rows: grid.count, columns: 1, storage: grid)).storage)
    }

    private func judge(_ errors: [[Double]], widths: [Int], _ result: inout ExperimentResult) {
        for (index, target) in Self.targets.enumerated() {
            let (first, last) = (errors[index].first!, errors[index].last!)
            let slope = Stats.slope(
                widths.map { Foundation.log2(Double($0)) }, errors[index].map { Foundation.log2(max($0, 1e-12)) })
            result.measure("\(target.dataset).log_log_slope", slope)
            let measured =
                "\(target.label): RMS error \(Format.number(first, 3)) at width \(widths.first!) → \(Format.number(last, 3)) at \(widths.last!) (slope \(Format.number(slope, 2)))"
            result.check(
                Criterion("\(target.label): the widest net's RMS error", .lessThan, Self.tolerance, claim: 21), last,
                measured: measured)
            if target.dataset == "fit-sin" {
                result.check(
                    Criterion("sin x: log-log slope of RMS error against width", .lessThan, 0, claim: 21), slope,
                    measured: measured)
            }
        }
        result.notes.append(
            "A step cannot be matched exactly by a continuous function: near the jump the error stays, and shrinks only as the ramp the ReLUs build gets steeper. Two ReLUs already make a clipped ramp, relu(kx) − relu(kx − 1), and |x| = relu(x) + relu(−x) exactly, so only sin x, which no finite sum of ReLUs equals, is held to an error that falls with width."
        )
    }
}
