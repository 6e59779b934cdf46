import NeuralNet
import Plotting

/// The step function's derivative is 0 wherever it is defined, so gradient descent cannot move the
/// weights in front of it; and step outputs leave a multi-class prediction ambiguous.
struct StepNoGradient: Experiment {
    let info = ExperimentInfo(
        id: "step-no-gradient", title: "Step outputs: ambiguous classes and nothing to follow",
        claims: [4, 5],
        claim:
            "When each class has its own step output, several can fire at once, and the class is ambiguous; asking for exactly one to fire is even harder to train. Graded outputs let you take the most active one (max), and softmax is better still.",
        method:
            "Train the same 2-8-1 net on the circle data with a step and with a sigmoid hidden layer (SGD, learning rate 0.5) and record how far the hidden weights move. Then train one linear one-vs-rest classifier per class on four Gaussian blobs (1,000 points, a fifth held out for the test; 4,000 in full mode) and on the UCI digits, read their outputs through a step and through a maximum, and count the test points where not exactly one class fires; a softmax classifier on the same data is compared with both read-outs (the step's exactly-one-correct share, and the maximum's accuracy: 'softmax is better still').",
        reading:
            "The article does not say why exactly-one-firing is hard to train; we show the reason it implies: a step passes back no gradient, so a hidden step layer never moves."
    )

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let epochs = settings.pick(quick: 5, full: 50)
        let step = try hiddenMovement("step", epochs: epochs, settings)
        let sigmoid = try hiddenMovement("sigmoid", epochs: epochs, settings)
        var table = ResultTable(
            title: "Hidden layer of a 2-8-1 net on circle, \(epochs) epochs of SGD",
            columns: [
                "hidden activation", "max |ΔW|, |Δb| from the start", "mean |∂L/∂W| (all epochs)", "test accuracy",
            ])
        for (id, run) in [("step", step), ("sigmoid", sigmoid)] {
            table.rows.append([
                id, Format.number(run.movement.last ?? 0), Format.number(run.meanGradient),
                Format.percent(run.accuracy),
            ])
            result.measure("\(id).hidden_max_change", run.movement.last ?? 0)
            result.measure("\(id).hidden_mean_gradient", run.meanGradient)
            result.measure("\(id).test_accuracy", run.accuracy)
        }
        result.tables.append(table)
        result.fact(
            "step hidden weights moved by \(Format.number(step.movement.max() ?? .nan)) (gradient "
                + "\(Format.number(step.meanGradient))), sigmoid's by \(Format.number(sigmoid.movement.last ?? .nan)) under the "
                + "same training: the step's derivative is 0 wherever it is defined, so its weights cannot move",
            claims: [5])
        result.charts.append(Self.movementChart(step: step, sigmoid: sigmoid))
        for dataset in ["blobs", "digits"] { try ambiguity(dataset, settings, &result) }
        result.notes.append(
            "The output layer of the step net still learns (its gradient does not pass through the step), so its accuracy is that of a linear read-out of 8 fixed random half-planes."
        )
        return result
    }

    struct Movement {
        /// max |Δ| of the hidden layer's weights and biases from the start, after each epoch.
        var movement: [Double] = []
        var meanGradient = 0.0
        var accuracy = 0.0
    }

    /// Trains 2-8-1 on circle with `id` hidden units and tracks the hidden layer.
    private func hiddenMovement(_ id: String, epochs: Int, _ settings: ExperimentSettings) throws -> Movement {
        let c = Runs.configuration(
            hidden: [8], activation: id, epochs: epochs, seed: settings.seed(1),
            optimizer: OptimizerSettings(kind: .sgd, learningRate: 0.5), batchSize: 16)
        var session = try TrainingSession(
            configuration: c,
            data: try Runs.data("circle", count: settings.pick(quick: 100, full: 500), seed: settings.seed(2)))
        let start = session.network.layers[0]
        var run = Movement()
        var gradients: [Double] = []
        while !session.isFinished {
            gradients.append(try session.runEpoch().layers[0].meanAbsWeightGradient)
            let now = session.network.layers[0]
            let changes = zip(now.weights.storage + now.bias, start.weights.storage + start.bias).map { abs($0 - $1) }
            run.movement.append(changes.max() ?? 0)
        }
        (run.meanGradient, run.accuracy) = (Stats.mean(gradients), Runs.accuracy(session))
        return run
    }

    static func movementChart(step: Movement, sigmoid: Movement) -> ResultChart {
        let epochs = step.movement.indices.map { Double($0 + 1) }
        var chart = LineChart(
            id: "step-no-gradient-movement", title: "How far the hidden weights moved", xLabel: "epoch",
            yLabel: "max |ΔW| from the start")
        chart.series = [
            .init(label: "step", xs: epochs, ys: step.movement, colorIndex: 0),
            .init(label: "sigmoid", xs: epochs, ys: sigmoid.movement, colorIndex: 1),
        ]
        return ResultChart(
            name: "movement", chart: chart,
            caption:
                "The step net's hidden weights stay exactly where they started (a flat line at 0); the sigmoid net's move."
        )
    }
}
