import NeuralNet
import Plotting

/// Claim 29 as the article states it: sums of sigmoids approximate a classifier more easily than sums
/// of ReLUs. Sigmoid and ReLU hidden units get the same budget, each with its own best learning rate.
struct SigmoidClassifier: Experiment {
    let info = ExperimentInfo(
        id: "sigmoid-classifier", title: "Do sums of sigmoids approximate classifiers more easily than ReLUs?",
        claims: [29],
        claim:
            "Sigmoid works well for classifiers, because a classifier's function is easier to approximate with combinations of sigmoids than with combinations of ReLUs.",
        method:
            "On xor, circle, moons, spiral and the UCI digits, give sigmoid hidden units and ReLU hidden units the same net, epochs and data. For each activation and problem, pick the Adam learning rate from a fixed grid by the lowest final training loss (no test data used), then record the final test accuracy, the first epoch at 90% test accuracy (a run that never gets there is known only to need more than the budget: the gap is then a bound, and a problem where neither gets there is left out), and the test accuracy of the smallest net (2 hidden units; 4 on the digits) at that rate, averaged over three random starts (a net of 2 units hangs on its start).",
        reading:
            "The article never says hidden or output layer; its reason is about approximating the classifier function with combinations of sigmoids, so we compare hidden units. The output stays the same for both (one sigmoid output, or softmax for ten digits)."
    )

    static let activations = ["sigmoid", "relu"]
    /// Random starts of the smallest net whose test accuracies are averaged.
    static let smallStarts: UInt64 = 3

    /// What one activation reached on one problem at its chosen learning rate.
    struct Outcome {
        var learningRate = 0.0, accuracy = 0.0
        /// The first epoch at 90% test accuracy; nil when never within the budget.
        var epochs: Int? = nil
        var smallAccuracy = 0.0
    }

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let budget = settings.pick(quick: 20, full: 60)
        var table = ResultTable(
            title: "Per problem, each activation at its own best learning rate",
            columns: [
                "problem", "activation", "learning rate", "test accuracy", "epochs to 90%",
                "smallest net accuracy (mean of 3 starts)",
            ])
        var outcomes: [[Outcome]] = []  // [problem][activation]
        for problem in Problem.all {
            let data = try problem.data(settings)
            let pair = try Self.activations.map { try outcome($0, problem, data, budget: budget, settings) }
            outcomes.append(pair)
            for (id, o) in zip(Self.activations, pair) {
                table.rows.append([
                    problem.dataset, id, Format.number(o.learningRate), Format.percent(o.accuracy),
                    o.epochs.map(String.init) ?? "never", Format.percent(o.smallAccuracy),
                ])
                result.measure("\(problem.dataset).\(id).test_accuracy", o.accuracy)
                result.measure("\(problem.dataset).\(id).smallest_accuracy", o.smallAccuracy)
                result.measure("\(problem.dataset).\(id).epochs_to_90", o.epochs.map(Double.init) ?? .nan)
            }
        }
        result.tables.append(table)
        judge(outcomes, budget: budget, &result)
        return result
    }

    private func outcome(_ id: String, _ problem: Problem, _ data: Dataset, budget: Int, _ settings: ExperimentSettings)
        throws -> Outcome
    {
        let rates = settings.pick(quick: [0.003, 0.01, 0.03, 0.1], full: [0.001, 0.003, 0.01, 0.03, 0.1])
        let sessions = try rates.map { try problem.train(id, learningRate: $0, epochs: budget, on: data, settings) }
        // A stopped run loses.
        let losses = sessions.map { $0.isFinished ? ($0.history.last?.trainLoss ?? .infinity) : .infinity }
        let best = losses.indices.min { losses[$0] < losses[$1] } ?? 0
        let small = try (0..<Self.smallStarts).map { start in
            try problem.train(
                id, hidden: [problem.dataset == "digits" ? 4 : 2], learningRate: rates[best], epochs: budget, on: data,
                settings, start: start)
        }
        return Outcome(
            learningRate: rates[best], accuracy: Runs.accuracy(sessions[best]),
            epochs: Problem.epochsToTarget(sessions[best]),
            smallAccuracy: Stats.mean(small.map(Runs.accuracy)))
    }

    private func judge(_ outcomes: [[Outcome]], budget: Int, _ result: inout ExperimentResult) {
        let accuracy = Stats.mean(outcomes.map { $0[0].accuracy - $0[1].accuracy })
        let small = Stats.mean(outcomes.map { $0[0].smallAccuracy - $0[1].smallAccuracy })
        let gap = EpochGap(
            budget: budget,
            pairs: zip(Problem.all, outcomes).map {
                EpochGap.Pair(name: $0.dataset, first: $1[1].epochs, second: $1[0].epochs)
            })
        result.check(
            Criterion("sigmoid minus ReLU test accuracy, mean over problems", .greaterThan, 0, claim: 29), accuracy,
            measured: "sigmoid − ReLU = \(Format.number(100 * accuracy, 3)) points")
        result.check(
            Criterion(
                "sigmoid minus ReLU test accuracy of the smallest net, mean over problems", .greaterThan, 0, claim: 29),
            small,
            measured: "sigmoid − ReLU = \(Format.number(100 * small, 3)) points at the smallest width")
        result.check(
            Criterion(
                "ReLU minus sigmoid epochs to 90% test accuracy, mean over the problems where either reached it (a bound where one never did)",
                .greaterThan, 0, claim: 29),
            gap.value, measured: gap.describe("ReLU", "sigmoid"))
    }
}
