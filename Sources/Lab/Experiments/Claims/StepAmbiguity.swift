import ActivationFunctions
import NeuralNet
import Plotting

extension StepNoGradient {
    /// One-vs-rest linear classifiers read through a step (several or no classes can fire) and
    /// through a maximum (always exactly one), and a softmax classifier, on the same test points.
    /// On four Gaussian blobs and on the real digits (ten classes).
    func ambiguity(_ dataset: String, _ settings: ExperimentSettings, _ result: inout ExperimentResult) throws {
        let digits = dataset == "digits"
        // Blobs are cheap to draw: enough that the share of ambiguous test points (a few percent) is not
        // read off a few dozen points, where a single seed can see none (200 test points in quick mode).
        let data = try Runs.data(
            dataset, count: digits ? settings.pick(quick: 600, full: 1797) : settings.pick(quick: 1000, full: 4000),
            noise: digits ? 0 : 0.25, classes: 4, seed: settings.seed(3))
        let classes = data.classNames.count
        let epochs = settings.pick(quick: 15, full: 100)
        let c = Runs.configuration(
            hidden: [], activation: "identity", epochs: epochs, seed: settings.seed(4),
            optimizer: OptimizerSettings(kind: .adam, learningRate: 0.1))
        let sessions = try (0..<classes).map { k in try Runs.trained(c, on: Self.oneVersusRest(data, k)) }
        // The sessions' own test split, with its k labels.
        let test = try data.split(trainFraction: c.trainFraction, seed: c.seed).test
        let logits = sessions.map { $0.network.logits($0.normalization.apply(test.inputs)).storage }
        let fired = (0..<test.count).map { i in Step().forward(logits.map { $0[i] }) }
        let counts = fired.map { Int($0.reduce(0, +)) }
        let truth = Self.labels(test)
        let (several, none) = (Self.share(counts) { $0 > 1 }, Self.share(counts) { $0 == 0 })
        let argmax = (0..<test.count).map { i in (0..<classes).max { logits[$0][i] < logits[$1][i] }! }
        var softmaxConfig = c
        softmaxConfig.output = .softmax
        let softmax = try Runs.trained(softmaxConfig, on: data)
        record(
            dataset, several: several, none: none, truth: truth, argmax: argmax, fired: fired, softmax: softmax, &result
        )
    }

    private func record(
        _ dataset: String, several: Double, none: Double, truth: [Int], argmax: [Int], fired: [[Double]],
        softmax: TrainingSession,
        _ result: inout ExperimentResult
    ) {
        let n = Double(truth.count)
        let stepCorrect = zip(fired, truth).filter { $0.0.reduce(0, +) == 1 && $0.0[$0.1] == 1 }.count
        let maxAccuracy = Double(zip(argmax, truth).filter { $0 == $1 }.count) / n
        var table = ResultTable(
            title: "\(dataset), \(truth.count) test points: how many classes fire",
            columns: ["read-out", "several fire", "none fires", "exactly one, correct"])
        table.rows = [
            [
                "step on each one-vs-rest output", Format.percent(several), Format.percent(none),
                Format.percent(Double(stepCorrect) / n),
            ],
            ["maximum of the same outputs", "0.0%", "0.0%", Format.percent(maxAccuracy)],
            ["softmax classifier (argmax)", "0.0%", "0.0%", Format.percent(Runs.accuracy(softmax))],
        ]
        result.tables.append(table)
        result.measure("\(dataset).step.several_fire_fraction", several)
        result.measure("\(dataset).step.none_fires_fraction", none)
        result.measure("\(dataset).max.accuracy", maxAccuracy)
        result.measure("\(dataset).softmax.accuracy", Runs.accuracy(softmax))
        // The article speaks of more than one firing; points where none fires are ambiguous too, but are
        // our addition: shown beside it, not counted for the claim.
        result.check(
            Criterion(
                "\(dataset), step read-out: share of test points where several classes fire", .atLeast, 0.02,
                claim: 4), several,
            measured:
                "several fire on \(Format.percent(several)) (none on \(Format.percent(none))); the maximum always picks one"
        )
        result.check(
            Criterion(
                "\(dataset): softmax accuracy minus the step read-out's exactly-one-correct share", .greaterThan, 0,
                claim: 5),
            Runs.accuracy(softmax) - Double(stepCorrect) / n,
            measured:
                "softmax \(Format.percent(Runs.accuracy(softmax))), step exactly-one-correct \(Format.percent(Double(stepCorrect) / n))"
        )
        // "softmax is better still": better than taking the maximum of the graded outputs.
        result.check(
            Criterion(
                "\(dataset): softmax accuracy minus the maximum read-out's (softmax better than max)", .greaterThan, 0,
                claim: 5),
            Runs.accuracy(softmax) - maxAccuracy,
            measured:
                "softmax \(Format.percent(Runs.accuracy(softmax))), maximum of the one-vs-rest outputs \(Format.percent(maxAccuracy))"
        )
    }

    /// The data relabelled: class `k` against the rest.
    static func oneVersusRest(_ data: Dataset, _ k: Int) -> Dataset {
        Dataset(
            inputs: data.inputs, labels: .classes(labels(data).map { $0 == k ? 1 : 0 }, names: ["rest", "\(k)"]),
            featureNames: data.featureNames)
    }

    static func labels(_ data: Dataset) -> [Int] {
        if case .classes(let labels, _) = data.labels { return labels }
        return []
    }

    static func share(_ counts: [Int], _ predicate: (Int) -> Bool) -> Double {
        Double(counts.filter(predicate).count) / Double(max(counts.count, 1))
    }
}
