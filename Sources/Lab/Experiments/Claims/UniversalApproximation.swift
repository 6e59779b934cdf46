import Foundation
import NeuralNet
import Plotting

/// One hidden ReLU layer fits sin x, |x| and a step on [−π, π], better as it gets wider.
struct UniversalApproximation: Experiment {
    let info = ExperimentInfo(
        id: "universal-approximation", title: "Sums of ReLUs approximate any function",
        claim: "ReLu is nonlinear in nature. And combinations of ReLu are also non linear! (in fact it is a good approximator. Any function can be approximated with combinations of ReLu).",
        method: "Fit sin x, |x| and a unit step on [−π, π] with one hidden ReLU layer of growing width (linear output, mean squared error, full-batch Adam) on evenly spaced samples, and measure the root-mean-square error against the true function at the samples.")

    static let targets: [(dataset: String, label: String, f: @Sendable (Double) -> Double)] = [
        ("fit-sin", "sin x", { Foundation.sin($0) }), ("fit-abs", "|x|", { abs($0) }), ("fit-step", "step(x)", { $0 > 0 ? 1 : 0 }),
    ]

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let widths = settings.pick(quick: [2, 8, 32], full: [2, 4, 8, 16, 32, 64, 128, 256])
        let grid = (0...400).map { -Double.pi + 2 * Double.pi * Double($0) / 400 }
        var table = ResultTable(title: "RMS error against the true function at the \(settings.pick(quick: 64, full: 200)) sample points", columns: ["width"] + Self.targets.map(\.label))
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
        result.charts = Self.targets.indices.map { Self.fitChart($0, fits[$0], widths: widths, grid: grid) } + [Self.errorChart(errors, widths)]
        return result
    }

    /// Trains one width on one target (full-batch Adam on the samples); returns the RMS error on the
    /// samples and the fitted values on `grid`.
    static func fit(_ dataset: String, _ f: (Double) -> Double, width: Int, grid: [Double], _ settings: ExperimentSettings) throws -> (Double, [Double]) {
        let data = try Runs.data(dataset, count: settings.pick(quick: 64, full: 200), seed: settings.seed(1)).labeled(Double.self)
        var rng = SeededGenerator(seed: settings.seed(UInt64(width)))
        let network = try Network<Double>(inputs: 1, hidden: [width], activations: [try .named("relu")], outputs: 1, head: .linear,
                                          initializer: .heUniform, rng: &rng)
        var trainer = try Trainer(network: network, settings: OptimizerSettings(kind: .adam, learningRate: 0.03),
                                  batchSize: data.count, seed: settings.seed(2))
        for _ in 0..<settings.pick(quick: 200, full: 4000) { try trainer.step(data) }
        let fitted = trainer.network.predict(data.inputs).storage
        let rmse = (zip(fitted, data.inputs.storage).map { ($0 - f($1)) * ($0 - f($1)) }.reduce(0, +) / Double(data.count)).squareRoot()
        return (rmse, trainer.network.predict(Matrix(rows: grid.count, columns: 1, storage: grid)).storage)
    }

    private func judge(_ errors: [[Double]], widths: [Int], _ result: inout ExperimentResult) {
        for (index, target) in Self.targets.enumerated() {
            let (first, last) = (errors[index].first!, errors[index].last!)
            let slope = Stats.slope(widths.map { Foundation.log2(Double($0)) }, errors[index].map { Foundation.log2($0) })
            result.measure("\(target.dataset).log_log_slope", slope)
            result.check("\(target.label): the widest net's error is at most half the narrowest's, and the error falls with width (log-log slope < 0)",
                         measured: "\(target.label): RMS error \(Format.number(first, 3)) at width \(widths.first!) → \(Format.number(last, 3)) at \(widths.last!) (slope \(Format.number(slope, 2)))",
                         passed: last <= first / 2 && slope < 0)
        }
        result.notes.append("A step cannot be matched exactly by a continuous function: near the jump the error stays, and shrinks only as the ramp the ReLUs build gets steeper.")
    }
}
