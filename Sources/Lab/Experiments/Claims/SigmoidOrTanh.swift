import NeuralNet
import Plotting

/// tanh passes back a stronger gradient than sigmoid; under the same plain SGD that shows as faster
/// learning, which is what choosing between them by gradient strength is about.
struct SigmoidOrTanh: Experiment {
    let info = ExperimentInfo(
        id: "sigmoid-or-tanh", title: "tanh's gradient is stronger than sigmoid's",
        claims: [17, 18],
        claim:
            "tanh's gradient is stronger than sigmoid's (its derivative is steeper), so whether to use sigmoid or tanh depends on how strong a gradient you need.",
        method:
            "Train the same net (hidden layers 8-8 on circle and moons, 32 on the UCI digits; Glorot start; plain SGD at 0.1, which passes gradient sizes on unchanged, unlike Adam) with sigmoid and with tanh hidden units from the same data and batch order. Record the mean |∂L/∂W| of the first hidden layer in the first epoch, the first epoch with 90% test accuracy and the final test accuracy. A run that never reaches 90% within the budget is known only to need more: where one of the two never does, the gap is a bound (\"at least\"), and a dataset where neither does is left out.",
        reading:
            "Claim 18 is advice; we measure what it rests on: the size of the gradient each passes back, and what that does to the speed of learning at one learning rate. Which strength a user needs is not something an experiment can decide."
    )

    static let datasets = [("circle", [8, 8]), ("moons", [8, 8]), ("digits", [32])]

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let budget = settings.pick(quick: 20, full: 60)
        var table = ResultTable(
            title: "Same net and start, plain SGD at 0.1",
            columns: [
                "dataset", "activation", "first-layer mean |∂L/∂W|, epoch 1", "epochs to 90%", "final test accuracy",
            ])
        var gradientRatios: [Double] = []
        var epochPairs: [EpochGap.Pair] = []
        for (dataset, hidden) in Self.datasets {
            let count =
                dataset == "digits" ? settings.pick(quick: 600, full: 1797) : settings.pick(quick: 200, full: 500)
            let data = try Runs.data(
                dataset, count: count, noise: dataset == "digits" ? 0 : 0.1, seed: settings.seed(1))
            let runs = try ["sigmoid", "tanh"].map { id in
                let c = Runs.configuration(
                    hidden: hidden, activation: id, output: dataset == "digits" ? .softmax : .sigmoid, epochs: budget,
                    seed: settings.seed(2), optimizer: OptimizerSettings(kind: .sgd, learningRate: 0.1))
                let session = try Runs.trainedOrStopped(c, on: data)
                return (
                    gradient: session.history.first?.layers.first?.meanAbsWeightGradient ?? .nan,
                    epochs: Problem.epochsToTarget(session), accuracy: Runs.accuracy(session)
                )
            }
            for (id, run) in zip(["sigmoid", "tanh"], runs) {
                table.rows.append([
                    dataset, id, Format.number(run.gradient, 3), run.epochs.map(String.init) ?? "never",
                    Format.percent(run.accuracy),
                ])
                result.measure("\(dataset).\(id).first_layer_gradient", run.gradient)
                result.measure("\(dataset).\(id).epochs_to_90", run.epochs.map(Double.init) ?? .nan)
            }
            gradientRatios.append(runs[1].gradient / runs[0].gradient)
            epochPairs.append(EpochGap.Pair(name: dataset, first: runs[0].epochs, second: runs[1].epochs))
        }
        result.tables.append(table)
        result.check(
            Criterion(
                "tanh over sigmoid first-layer gradient in epoch 1, lowest over the datasets", .greaterThan, 1,
                claim: 17), gradientRatios.min() ?? .nan,
            measured: "tanh's gradient is " + gradientRatios.map { Format.number($0, 3) + "×" }.joined(separator: ", ")
                + " sigmoid's")
        let gap = EpochGap(budget: budget, pairs: epochPairs)
        result.check(
            Criterion(
                "sigmoid minus tanh epochs to 90%, mean over the datasets where either reached it (a bound where one never did)",
                .greaterThan, 0, claim: 18),
            gap.value, measured: gap.describe("sigmoid", "tanh"))
        return result
    }
}
