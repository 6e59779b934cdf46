import NeuralNet

/// Training runs that track the hidden units inactive on every input (weighted sum ≤ 0 on all of them).
enum InactiveUnits {
    struct Run {
        let id: String
        /// Fraction of hidden units inactive on every training input: at the start, then after each epoch.
        var inactive: [Double] = []
        var inactiveHalfway = 0.0
        /// Of the units inactive halfway, the share active on some input at the end (nil when none were).
        var recovered: Double?
        var accuracy = 0.0
        var diverged: String?
    }

    static func train(_ id: String, _ condition: DyingReLU.Condition, _ data: Dataset, _ settings: ExperimentSettings)
        throws -> Run
    {
        let epochs = settings.pick(quick: 12, full: 60)
        var c = Runs.configuration(
            hidden: [16, 16], activation: id, epochs: epochs, seed: settings.seed(2),
            optimizer: OptimizerSettings(kind: .sgd, learningRate: condition.learningRate), batchSize: 16,
            initializer: .he)
        // The article's slope, whatever the catalog's default.
        if id == "leaky-relu" { c.activationParameters = ["slope": 0.01] }
        c.hiddenBias = condition.biasStart == 0 ? nil : condition.biasStart
        var session = try TrainingSession(configuration: c, data: data)
        let inputs = Runs.networkInputs(session)
        var run = Run(id: id)
        var halfway: [Set<Int>] = units(session.network, inputs)
        run.inactive.append(fraction(halfway, session.network))
        do {
            while !session.isFinished {
                _ = try session.runEpoch()
                let now = units(session.network, inputs)
                run.inactive.append(fraction(now, session.network))
                if session.epoch == epochs / 2 {
                    (halfway, run.inactiveHalfway) = (now, fraction(now, session.network))
                }
            }
        } catch {
            run.diverged = "\(error)"  // a non-finite loss stops the run before NaN reaches the weights
        }
        let end = units(session.network, inputs)
        let wasInactive = halfway.map(\.count).reduce(0, +)
        let back = zip(halfway, end).map { $0.subtracting($1).count }.reduce(0, +)
        run.recovered = wasInactive == 0 ? nil : Double(back) / Double(wasInactive)
        run.accuracy = Runs.accuracy(session)
        return run
    }

    /// Per hidden layer, the units whose weighted sum is ≤ 0 on every row of `x`.
    static func units(_ network: Network<Double>, _ x: Matrix<Double>) -> [Set<Int>] {
        var rng = SeededGenerator(seed: 0)  // evaluation draws nothing
        let caches = network.forward(x, training: false, rng: &rng).dropLast()
        return caches.map { cache in
            Set((0..<cache.sums.columns).filter { j in (0..<cache.sums.rows).allSatisfy { cache.sums[$0, j] <= 0 } })
        }
    }

    static func fraction(_ units: [Set<Int>], _ network: Network<Double>) -> Double {
        let total = network.layers.dropLast().map(\.weights.columns).reduce(0, +)
        return Double(units.map(\.count).reduce(0, +)) / Double(max(total, 1))
    }
}
