import ActivationFunctions
import NeuralNet
import Plotting

extension StepNoGradient {
    /// One-vs-rest linear classifiers read through a step (several or no classes can fire) and
    /// through a maximum (always exactly one), and a softmax classifier, on the same test points.
    func ambiguity(_ settings: ExperimentSettings, _ result: inout ExperimentResult) throws {
        let classes = 4
        let data = try Runs.data("blobs", count: settings.pick(quick: 200, full: 800), noise: 0.25, classes: classes, seed: settings.seed(3))
        let epochs = settings.pick(quick: 15, full: 100)
        let c = Runs.configuration(hidden: [], activation: "identity", epochs: epochs, seed: settings.seed(4),
                                   optimizer: OptimizerSettings(kind: .adam, learningRate: 0.1))
        let sessions = try (0..<classes).map { k in try Runs.trained(c, on: Self.oneVersusRest(data, k)) }
        let test = try data.split(trainFraction: c.trainFraction, seed: c.seed).test  // the sessions' own test split, with its k labels
        let logits = sessions.map { $0.network.logits($0.normalization.apply(test.inputs)).storage }
        let fired = (0..<test.count).map { i in Step().forward(logits.map { $0[i] }) }
        let counts = fired.map { Int($0.reduce(0, +)) }
        let truth = Self.labels(test)
        let (several, none) = (Self.share(counts) { $0 > 1 }, Self.share(counts) { $0 == 0 })
        let argmax = (0..<test.count).map { i in (0..<classes).max { logits[$0][i] < logits[$1][i] }! }
        var softmaxConfig = c
        softmaxConfig.output = .softmax
        let softmax = try Runs.trained(softmaxConfig, on: data)
        record(several: several, none: none, truth: truth, argmax: argmax, fired: fired, softmax: softmax, &result)
    }

    private func record(several: Double, none: Double, truth: [Int], argmax: [Int], fired: [[Double]], softmax: TrainingSession,
                        _ result: inout ExperimentResult) {
        let n = Double(truth.count)
        let stepCorrect = zip(fired, truth).filter { $0.0.reduce(0, +) == 1 && $0.0[$0.1] == 1 }.count
        let maxAccuracy = Double(zip(argmax, truth).filter { $0 == $1 }.count) / n
        var table = ResultTable(title: "Four blobs, \(truth.count) test points: how many classes fire",
                                columns: ["read-out", "several fire", "none fires", "exactly one, correct"])
        table.rows = [
            ["step on each one-vs-rest output", Format.percent(several), Format.percent(none), Format.percent(Double(stepCorrect) / n)],
            ["maximum of the same outputs", "0.0%", "0.0%", Format.percent(maxAccuracy)],
            ["softmax classifier (argmax)", "0.0%", "0.0%", Format.percent(Runs.accuracy(softmax))],
        ]
        result.tables.append(table)
        result.measure("step.several_fire_fraction", several)
        result.measure("step.none_fires_fraction", none)
        result.measure("max.accuracy", maxAccuracy)
        result.measure("softmax.accuracy", Runs.accuracy(softmax))
        result.check("step read-out: several classes fire, or none, on at least 2% of the test points",
                     measured: "several fire on \(Format.percent(several)), none on \(Format.percent(none)); the maximum always picks one",
                     passed: several + none >= 0.02)
    }

    /// The data relabelled: class `k` against the rest.
    static func oneVersusRest(_ data: Dataset, _ k: Int) -> Dataset {
        Dataset(inputs: data.inputs, labels: .classes(labels(data).map { $0 == k ? 1 : 0 }, names: ["rest", "\(k)"]),
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
