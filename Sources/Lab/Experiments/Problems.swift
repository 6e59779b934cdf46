import NeuralNet

/// The classification problems the comparison experiments share: four 2-D sets and the real digits.
struct Problem: Sendable {
    let dataset: String
    /// Points (images) used in quick and in full mode.
    let quickCount: Int, fullCount: Int
    /// Hidden widths of the standard net (the last is the widest used).
    let hidden: [Int]

    static let all = [
        Problem(dataset: "xor", quickCount: 200, fullCount: 500, hidden: [8]),
        Problem(dataset: "circle", quickCount: 200, fullCount: 500, hidden: [8]),
        Problem(dataset: "moons", quickCount: 200, fullCount: 500, hidden: [8]),
        Problem(dataset: "spiral", quickCount: 200, fullCount: 500, hidden: [16, 16]),
        Problem(dataset: "digits", quickCount: 600, fullCount: 1797, hidden: [32]),
    ]

    /// The test accuracy whose first epoch counts as "reached".
    static let target = 0.9

    func data(_ settings: ExperimentSettings, noise: Double = 0.1) throws -> Dataset {
        try Runs.data(
            dataset, count: settings.pick(quick: quickCount, full: fullCount), noise: dataset == "digits" ? 0 : noise,
            seed: settings.seed(11))
    }

    /// Softmax for the ten digits, one sigmoid output for two classes.
    var head: OutputHead { dataset == "digits" ? .softmax : .sigmoid }

    /// A trained session of `activation` at `hidden` widths with Adam at `learningRate` (stopped early,
    /// and not `isFinished`, if the loss turned non-finite). Another `start` draws other initial weights,
    /// split and batch order.
    func train(
        _ activation: String, hidden: [Int]? = nil, learningRate: Double = 0.01, epochs: Int, on data: Dataset,
        _ settings: ExperimentSettings, start: UInt64 = 0
    ) throws -> TrainingSession {
        let c = Runs.configuration(
            hidden: hidden ?? self.hidden, activation: activation, output: head, epochs: epochs,
            seed: settings.seed(12 + 1000 * start),
            optimizer: OptimizerSettings(kind: .adam, learningRate: learningRate),
            initializer: activation.contains("relu") ? .he : .glorotUniform)
        return try Runs.trainedOrStopped(c, on: data)
    }

    /// The first epoch (1-based) at which the test accuracy reached `target`, or nil.
    static func epochsToTarget(_ session: TrainingSession) -> Int? {
        session.history.firstIndex { ($0.testAccuracy ?? 0) >= target }.map { $0 + 1 }
    }
}
