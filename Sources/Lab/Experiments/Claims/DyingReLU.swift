import Foundation
import NeuralNet
import Plotting

/// With a high learning rate, ReLU units can be pushed to where they output 0 for every input; their
/// gradient is then 0 and they stay dead. Leaky ReLU and ELU keep a slope there.
struct DyingReLU: Experiment {
    let info = ExperimentInfo(
        id: "dying-relu", title: "ReLU units die under a high learning rate, and stay dead",
        claim: "Because of the horizontal line in ReLu (for negative X), the gradient can go towards 0. … those neurons which go into that state will stop responding to variations in error/input (simply because gradient is 0, nothing changes). This is called dying ReLu problem.",
        method: "Train the same 2-16-16-1 net on the moons data with plain SGD, once per activation from the same initial weights and batch order, under two conditions: a high learning rate, and a negative bias start at an ordinary one. After every epoch count the hidden units that are inactive (slope 0) on every training input; check that the units dead halfway are still dead at the end; compare leaky ReLU and ELU on the same run.")

    static let baseline = ["relu", "leaky-relu", "elu"]

    struct Run {
        let id: String
        /// Fraction of hidden units dead after each epoch (both layers together).
        var dead: [Double] = []
        /// Of the units dead halfway, the share still dead at the end (nil when none were dead halfway).
        var stayed: Double?
        var accuracy = 0.0
        var diverged: String?
    }

    /// How the units are pushed into the flat side: a high learning rate, or a negative bias start.
    struct Condition {
        let name: String
        let learningRate: Double
        let biasStart: Double
    }

    static let conditions = [Condition(name: "high learning rate (SGD at 2)", learningRate: 2, biasStart: 0),
                             Condition(name: "bias start −1 (SGD at 0.3)", learningRate: 0.3, biasStart: -1)]

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let data = try Runs.data("moons", count: settings.pick(quick: 160, full: 500), noise: 0.1, seed: settings.seed(1))
        let ids = Self.baseline + settings.extraActivations.filter { !Self.baseline.contains($0) }
        var table = ResultTable(title: "Same net (2-16-16-1, He initialisation), same start, per condition",
                                columns: ["condition", "activation", "dead at the end", "most dead", "dead halfway, still dead", "test accuracy"])
        for (index, condition) in Self.conditions.enumerated() {
            let runs = try ids.map { try train($0, condition, data, settings) }
            for run in runs {
                table.rows.append([condition.name, run.id, Format.percent(run.dead.last ?? 0), Format.percent(run.dead.max() ?? 0),
                                   run.stayed.map(Format.percent) ?? "–", run.diverged == nil ? Format.percent(run.accuracy) : "stopped: non-finite loss"])
                if let message = run.diverged { result.notes.append("\(condition.name), \(run.id): \(message)") }
                let key = "condition\(index + 1).\(run.id)"
                result.measure("\(key).dead_fraction", run.dead.last ?? 0)
                result.measure("\(key).test_accuracy", run.accuracy)
                if let stayed = run.stayed { result.measure("\(key).dead_stayed_dead", stayed) }
            }
            judge(runs, condition, judgeAccuracy: condition.biasStart != 0, &result)
            result.charts.append(Self.chart(runs, condition, index: index))
        }
        result.tables.append(table)
        result.notes.append("Accuracy is compared under the bias start, where the learning rate is an ordinary one; at a learning rate of 2 every activation trains erratically, so accuracy there says little about dead units.")
        return result
    }

    private func train(_ id: String, _ condition: Condition, _ data: Dataset, _ settings: ExperimentSettings) throws -> Run {
        let epochs = settings.pick(quick: 12, full: 60)
        var c = Runs.configuration(hidden: [16, 16], activation: id, epochs: epochs, seed: settings.seed(2),
                                   optimizer: OptimizerSettings(kind: .sgd, learningRate: condition.learningRate), batchSize: 16, initializer: .he)
        c.hiddenBias = condition.biasStart == 0 ? nil : condition.biasStart
        var session = try TrainingSession(configuration: c, data: data)
        let inputs = Runs.networkInputs(session)
        var run = Run(id: id)
        var halfway: [[Int]] = []
        do {
            while !session.isFinished {
                let metrics = try session.runEpoch()
                run.dead.append(Stats.mean(metrics.layers.dropLast().map(\.deadFraction)))
                if session.epoch == epochs / 2 { halfway = session.network.deadUnits(on: inputs) }
            }
        } catch {
            run.diverged = "\(error)"  // a non-finite loss stops the run before NaN reaches the weights
        }
        let end = session.network.deadUnits(on: inputs)
        let wasDead = halfway.map(\.count).reduce(0, +)
        let stillDead = zip(halfway, end).map { Set($0).intersection($1).count }.reduce(0, +)
        run.stayed = wasDead == 0 ? nil : Double(stillDead) / Double(wasDead)
        run.accuracy = Runs.accuracy(session)
        return run
    }

    private func judge(_ runs: [Run], _ condition: Condition, judgeAccuracy: Bool, _ result: inout ExperimentResult) {
        let relu = runs[0], alternatives = runs.dropFirst().filter { Self.baseline.contains($0.id) }
        let tag = condition.biasStart == 0 ? "high learning rate" : "bias start"
        result.check("\(tag): at least 10% of the ReLU units are dead at the end",
                     measured: "\(tag): ReLU ends with \(Format.percent(relu.dead.last ?? 0)) dead", passed: (relu.dead.last ?? 0) >= 0.1)
        result.check("\(tag): dead ReLU units stay dead (≥ 90% of those dead halfway are dead at the end)",
                     measured: "\(tag): \(relu.stayed.map(Format.percent) ?? "none") of the units dead halfway stayed dead", passed: (relu.stayed ?? 0) >= 0.9)
        let trained = alternatives.filter { $0.diverged == nil }
        let described = alternatives.map { $0.diverged == nil ? "\($0.id) \(Format.percent($0.dead.last ?? 0)) dead" : "\($0.id) stopped (non-finite loss)" }
        result.check("\(tag): leaky ReLU and ELU end with fewer dead units than ReLU (among those that trained without a non-finite loss; at least one must)",
                     measured: "\(tag): " + described.joined(separator: ", "),
                     passed: !trained.isEmpty && trained.allSatisfy { ($0.dead.last ?? 1) < (relu.dead.last ?? 0) })
        guard judgeAccuracy else { return }
        result.check("\(tag): leaky ReLU and ELU reach at least ReLU's test accuracy",
                     measured: "\(tag): accuracy ReLU \(Format.percent(relu.accuracy)), " + alternatives.map { "\($0.id) \(Format.percent($0.accuracy))" }.joined(separator: ", "),
                     passed: alternatives.allSatisfy { $0.diverged == nil && $0.accuracy >= relu.accuracy })
    }

    static func chart(_ runs: [Run], _ condition: Condition, index: Int) -> ResultChart {
        var chart = LineChart(id: "dying-relu-dead-\(index + 1)", title: "Dead hidden units: \(condition.name)", xLabel: "epoch", yLabel: "fraction of units dead")
        chart.yDomain = 0...1
        chart.zeroLines = false
        chart.series = runs.enumerated().map { index, run in
            .init(label: run.id, xs: run.dead.indices.map { Double($0 + 1) }, ys: run.dead, colorIndex: index)
        }
        return ResultChart(name: "dead-\(index + 1)", chart: chart, caption: "Units inactive on every training input. No gradient reaches a dead ReLU unit; leaky ReLU and ELU keep a slope for negative sums.")
    }
}
