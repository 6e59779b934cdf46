import NeuralNet

/// Training runs shared by the experiments: one configuration shape, sessions on catalog datasets.
enum Runs {
    /// A classifier or regressor configuration; Adam unless `optimizer` says otherwise.
    static func configuration(
        hidden: [Int], activation: String, output: OutputHead = .sigmoid, epochs: Int, seed: UInt64,
        optimizer: OptimizerSettings = OptimizerSettings(kind: .adam, learningRate: 0.03), batchSize: Int = 32,
        initializer: Initializer = .glorotUniform
    ) -> TrainingConfiguration {
        var c = TrainingConfiguration()
        (c.hidden, c.activations, c.output, c.epochs, c.seed) = (hidden, [activation], output, epochs, seed)
        (c.optimizer, c.batchSize, c.initializer) = (optimizer, batchSize, initializer)
        return c
    }

    /// Catalog data: `count` points of `dataset` with `noise`, generated from `seed`.
    static func data(_ dataset: String, count: Int, noise: Double = 0, classes: Int = 3, seed: UInt64) throws -> Dataset
    {
        try Datasets.named(dataset).generate(count: count, noise: noise, classes: classes, seed: seed)
    }

    /// A session trained for all its configured epochs.
    static func trained(_ c: TrainingConfiguration, on data: Dataset) throws -> TrainingSession {
        var session = try TrainingSession(configuration: c, data: data)
        while !session.isFinished { try session.runEpoch() }
        return session
    }

    /// A session trained for its configured epochs, or stopped early at a non-finite loss (then
    /// `isFinished` is false and the history ends at the last finite epoch). Other errors are thrown.
    static func trainedOrStopped(_ c: TrainingConfiguration, on data: Dataset) throws -> TrainingSession {
        var session = try TrainingSession(configuration: c, data: data)
        do {
            while !session.isFinished { _ = try session.runEpoch() }
        } catch {
            guard case .nonFinite = error else { throw error }
        }
        return session
    }

    /// The session's normalised training inputs, as its network sees them.
    static func networkInputs(_ session: TrainingSession) -> Matrix<Double> {
        session.normalization.apply(session.train.inputs)
    }

    /// The last test accuracy (train accuracy when there is no test set), 0 when not classifying.
    static func accuracy(_ session: TrainingSession) -> Double {
        session.history.last.flatMap { $0.testAccuracy ?? $0.trainAccuracy } ?? 0
    }
}
