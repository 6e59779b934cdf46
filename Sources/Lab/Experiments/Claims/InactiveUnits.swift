import NeuralNet

/// Training runs that track the hidden units inactive on every input: the activation's own slope f′(sum) is at
/// most the article's leak, 0.01, in magnitude on every input. For ReLU that is a slope of 0 (dead: sum ≤ 0
/// everywhere); for leaky ReLU at slope 0.01, every slope the leak; for any other function (`--extra`), its own
/// derivative that small everywhere (the identity, slope 1, is never inactive).
enum InactiveUnits {
    /// The article's leak: a unit whose slope is at most this on every input passes back at most the leak.
    static let leak = 0.01

    /// An activation whose slopes belong to pieces rather than units (maxout): "inactive" means nothing for it.
    struct NoPerUnitSlopes: Error, CustomStringConvertible {
        let id: String
        var description: String {
            "\(id) has no slope per unit (its slopes belong to pieces), so a unit cannot be called inactive or dead; dying-relu compares functions with one slope per unit"
        }
    }

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
        var halfway: [Set<Int>] = try units(id, session.network, inputs)
        run.inactive.append(fraction(halfway, session.network))
        do {
            while !session.isFinished {
                _ = try session.runEpoch()
                let now = try units(id, session.network, inputs)
                run.inactive.append(fraction(now, session.network))
                if session.epoch == epochs / 2 {
                    (halfway, run.inactiveHalfway) = (now, fraction(now, session.network))
                }
            }
        } catch let error as NoPerUnitSlopes {
            throw error
        } catch {
            run.diverged = "\(error)"  // a non-finite loss stops the run before NaN reaches the weights
        }
        let end = try units(id, session.network, inputs)
        let wasInactive = halfway.map(\.count).reduce(0, +)
        let back = zip(halfway, end).map { $0.subtracting($1).count }.reduce(0, +)
        run.recovered = wasInactive == 0 ? nil : Double(back) / Double(wasInactive)
        run.accuracy = Runs.accuracy(session)
        return run
    }

    /// Per hidden layer, the units whose slope |f′(sum)| is at most `leak` on every row of `x`; `id` names the
    /// activation for the error when it has no slope per unit.
    static func units(_ id: String, _ network: Network<Double>, _ x: Matrix<Double>) throws -> [Set<Int>] {
        var rng = SeededGenerator(seed: 0)  // evaluation draws nothing
        let caches = network.forward(x, training: false, rng: &rng)
        return try zip(network.layers.dropLast(), caches).map { layer, cache in
            let slopes = layer.slopes(cache)
            guard slopes.columns == cache.output.columns else { throw NoPerUnitSlopes(id: id) }
            return Set(
                (0..<slopes.columns).filter { j in (0..<slopes.rows).allSatisfy { abs(slopes[$0, j]) <= leak } })
        }
    }

    static func fraction(_ units: [Set<Int>], _ network: Network<Double>) -> Double {
        let total = network.layers.dropLast().map(\.weights.columns).reduce(0, +)
        return Double(units.map(\.count).reduce(0, +)) / Double(max(total, 1))
    }
}
