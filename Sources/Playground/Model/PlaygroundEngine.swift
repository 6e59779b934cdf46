import Foundation
import NeuralNet

/// One playground's state: its configuration, data, network and history. It trains epoch by
/// epoch on the server and answers every control of the page. Not thread-safe: a `Session` owns it.
public struct PlaygroundEngine: Sendable {
    /// The limits its configuration, uploads and clicked points are checked against.
    public let limits: PlaygroundLimits
    /// The configuration in force; change it with `apply(_:)`.
    public internal(set) var config: PlaygroundConfig
    /// The points before the split: generated, or uploaded/custom.
    var source: Dataset
    /// Points from a CSV upload (the `custom` dataset).
    var uploaded: Dataset?
    /// What looks wrong in the uploaded points (`CSVLoader.loadReporting`'s warnings), while the session trains on them.
    public internal(set) var uploadWarnings: [String] = []
    /// Points added by clicking; they join the training set.
    public internal(set) var added: [AddedPoint] = []
    var data: PreparedData
    /// The weights Reset returns to.
    var initial: Network<Double>
    /// The trainer and the data it trains on: NeuralNet's `TrainingRun`, as `TrainingSession` runs.
    var run: TrainingRun<Double>
    var history = History()
    /// Epochs trained since the last reset.
    public internal(set) var epoch = 0
    /// Bumped whenever the points change, so the page redraws them only then.
    public internal(set) var dataVersion = 0

    /// Why training paused by itself: a limit reached, or a loss that is no longer a number.
    public struct Pause: Sendable, Equatable, Encodable {
        /// What paused training, in a sentence for the page.
        public var message: String
        /// Whether a fault paused it (a non-finite loss, too few points) rather than a limit that was reached.
        public var isError: Bool
    }

    /// Checks `config` against `limits`, generates its points and builds its network; the error names
    /// the first field out of range.
    public init(config: PlaygroundConfig, limits: PlaygroundLimits = PlaygroundLimits()) throws(PlaygroundError) {
        try limits.validate(config)
        self.limits = limits
        self.config = config
        source = try Self.points(for: config, uploaded: nil)
        data = try PreparedData(raw: source, added: [], config: config, normalization: nil)
        initial = try Self.network(config, data)
        run = TrainingRun(trainer: try Self.trainer(initial, config), train: data.train, test: data.test)
    }

    /// The network as trained so far.
    public var network: Network<Double> { run.network }
    /// The run's trainer: the network, the optimiser's state and an epoch stopped in between.
    var trainer: Trainer<Double> { run.trainer }
    /// The epochs' records for the charts, thinned to at most 2000 (the latest always kept).
    public var records: [EpochRecord] { history.records }
    /// The output head in use, chosen from the configuration and the number of classes.
    public var head: OutputHead { network.head }

    // MARK: Training

    /// Trains up to `epochs` epochs; returns why it paused by itself, if it did.
    public mutating func train(epochs: Int) -> Pause? {
        for _ in 0..<max(epochs, 1) {
            if let pause = trainEpoch(while: { true }).pause { return pause }
        }
        return nil
    }

    /// Trains one epoch, or the part of it while `shouldContinue()` holds (asked between batches):
    /// whether the epoch finished, and why training paused by itself, if it did. An epoch stopped in
    /// between goes on at the next call with the same numbers (`TrainingRun.trainEpoch(while:)`),
    /// unless the points changed meanwhile: then a new epoch starts (`TrainingRun.replaceData`).
    public mutating func trainEpoch(while shouldContinue: () -> Bool) -> (finished: Bool, pause: Pause?) {
        if let reached = maxEpochsReached {  // Max epochs lowered below the count while playing
            return (false, Pause(message: reached, isError: false))
        }
        guard data.train.count >= 2 else {
            return (false, Pause(message: "Add at least 2 training points before training.", isError: true))
        }
        let metrics: EpochMetrics?
        do { metrics = try run.trainEpoch(while: shouldContinue) } catch {
            // The loss at the run's initial weights (one pass, on this rare path): the weights the step
            // started from may have been blown up by the learning rate already, and overflow too.
            let initialLoss = (try? TrainingRun(trainer: Self.trainer(initial, config), train: data.train, test: data.test))?
                .measure().trainLoss
            let message = Self.explain(error, learningRate: config.learningRate, initialLoss: initialLoss ?? 0)
            return (false, Pause(message: message, isError: true))
        }
        guard let metrics else { return (false, nil) }
        epoch += 1
        history.append(EpochRecord(epoch: epoch, metrics))
        if let reached = maxEpochsReached { return (true, Pause(message: reached, isError: false)) }
        if config.stopLoss > 0, metrics.trainLoss <= config.stopLoss {
            return (
                true,
                Pause(
                    message:
                        "Paused: the training loss \(metrics.trainLoss.formatted3) reached the stop-at-loss of \(config.stopLoss).",
                    isError: false)
            )
        }
        return (true, nil)
    }

    /// The pause's message when the epoch count is at (or beyond) Max epochs, else nil.
    var maxEpochsReached: String? {
        guard config.maxEpochs > 0, epoch >= config.maxEpochs else { return nil }
        return "Paused at the maximum of \(config.maxEpochs) epoch\(config.maxEpochs == 1 ? "" : "s")."
    }

    /// Refuses to train past Max epochs: Play or Step pressed again after the pause at the maximum
    /// trained one more epoch each time, under a banner that said training had stopped.
    func refuseAtMaxEpochs(_ action: String) throws(PlaygroundError) {
        guard maxEpochsReached != nil else { return }
        throw PlaygroundError(
            .unprocessable,
            "\(action) is refused: training is at the maximum of \(config.maxEpochs) epoch\(config.maxEpochs == 1 ? "" : "s") "
                + "(epoch \(epoch)). Raise Max epochs to continue (or clear it for no maximum), or Reset to start over.")
    }

    /// Why training paused on a non-finite step, in words. `initialLoss` is the training loss at the
    /// run's initial weights: when it is already NaN or ∞, no step size is to blame (eight layers of
    /// `exponential` overflow at their initial weights, and the message said to lower a learning rate
    /// of 1e−9).
    static func explain(_ error: NeuralNetError, learningRate: Double, initialLoss: Double) -> String {
        guard case .nonFinite(let epoch, let batch, let detail) = error else { return error.description }
        let start = "Paused at epoch \(epoch), batch \(batch): \(detail). "
        guard initialLoss.isFinite else { return start + overflowAtInitialWeights(initialLoss) + ", then Reset." }
        return start
            + "The step would have written NaN or ∞ into the weights, so they were kept as they were. The learning "
            + "rate (\(learningRate)) or the regularisation rate is too large for this network: lower it, then Reset."
    }

    /// Why the initial weights' loss is NaN or ∞, in words, without the closing advice's last words.
    static func overflowAtInitialWeights(_ loss: Double) -> String {
        "The network's output is NaN or ∞ already at its initial weights (the training loss is "
            + "\(loss.isNaN ? "NaN" : "∞")): an activation overflows at this depth or for these inputs "
            + "(one that grows without bound, such as exponential, or a formula). Choose a bounded activation or "
            + "fewer layers"
    }

    /// The pause a frame at epoch 0 carries when the initial weights' loss (`record`, epoch 0's) is NaN
    /// or ∞: the page showed NaN losses and said nothing until Play or Step found it.
    static func initialPause(_ record: EpochRecord?) -> Pause? {
        guard let record, record.epoch == 0, !record.trainLoss.isFinite else { return nil }
        return Pause(message: overflowAtInitialWeights(record.trainLoss) + ".", isError: true)
    }

    // MARK: Controls

    /// Back to the initial weights of the same seed; the data stay.
    public mutating func reset() throws(PlaygroundError) {
        run = TrainingRun(trainer: try Self.trainer(initial, config), train: data.train, test: data.test)
        history.removeAll()
        epoch = 0
    }

    /// New initial weights from `seed`.
    public mutating func reseed(_ seed: UInt64) throws(PlaygroundError) {
        config.seed = seed
        initial = try Self.network(config, data)
        try reset()
    }

    /// New points from `dataSeed`; the network keeps training on them (as TensorFlow Playground).
    public mutating func regenerate(_ dataSeed: UInt64) throws(PlaygroundError) {
        config.dataSeed = dataSeed
        source = try Self.points(for: config, uploaded: uploaded)
        try replacePoints(
            with: PreparedData(raw: source, added: added, config: config, normalization: data.normalization))
    }

    /// Refuses a new problem type while clicked points remain: a class index and a target are both
    /// numbers, so a clicked class 1 would pass as the target 1.0 (and back), without a word; the points'
    /// kind goes with the problem they were clicked for.
    func checkAddedPointsFit(_ problem: PlaygroundConfig.Problem) throws(PlaygroundError) {
        guard problem != config.problem, !added.isEmpty else { return }
        let (kind, other) = config.problem == .classification ? ("classes", "target values") : ("target values", "classes")
        throw PlaygroundError(
            .unprocessable,
            "the clicked points do not fit \(problem.rawValue): their labels are \(kind), not \(other). Clear them "
                + "first (the page's \"Clear added points\", or DELETE /api/sessions/{id}/points).")
    }

    /// What changing the configuration did.
    public enum Change: String, Sendable, Codable { case kept, reset, regenerated }

    /// Applies a new configuration: new data and a reset when the data change, a reset when the
    /// network's definition changes, and otherwise the same network trained on with the new settings.
    @discardableResult
    public mutating func apply(_ new: PlaygroundConfig) throws(PlaygroundError) -> Change {
        try limits.validate(new)
        let old = config
        try checkAddedPointsFit(new.problem)
        if new.dataKey != old.dataKey {
            try replaceData(with: new)
            return .regenerated
        }
        if new.networkKey != old.networkKey {
            let prepared = try PreparedData(raw: source, added: added, config: new, normalization: nil)
            let network = try Self.network(new, prepared)
            (config, data, initial) = (new, prepared, network)
            try reset()
            return .reset
        }
        if new.optimizerSettings != old.optimizerSettings || new.batchSize != old.batchSize {
            // The weights, the batch order and the optimiser's state go on (a new kind of optimiser starts fresh).
            try lift { () throws(NeuralNetError) in try run.retune(new.optimizerSettings, batchSize: new.batchSize) }
        }
        config = new
        return .kept
    }

    /// Sets one weight (`from` an input of layer `layer` `to` one of its units), or a unit's bias
    /// when `from` is nil. Layers count from 0 (the first hidden layer); the output layer is last.
    public mutating func setWeight(layer: Int, from: Int?, to: Int, value: Double) throws(PlaygroundError) {
        var network = run.network
        guard network.layers.indices.contains(layer) else {
            throw .bad("no layer \(layer); the network has \(network.layers.count)")
        }
        guard value.isFinite, abs(value) <= PlaygroundLimits.maxTypedWeight else {
            throw .bad("a weight must be a finite number of at most \(Int(PlaygroundLimits.maxTypedWeight)) in size, got \(value)")
        }
        let l = network.layers[layer]
        guard (0..<l.weights.columns).contains(to) else { throw .bad("layer \(layer) has no unit \(to)") }
        if let from {
            guard (0..<l.weights.rows).contains(from) else { throw .bad("layer \(layer) has no input \(from)") }
            network.layers[layer].weights[from, to] = value
        } else {
            network.layers[layer].bias[to] = value
        }
        try lift { () throws(NeuralNetError) in try run.replaceNetwork(network) }
    }

    // MARK: Building

    static func points(for config: PlaygroundConfig, uploaded: Dataset?) throws(PlaygroundError) -> Dataset {
        guard config.dataset == PlaygroundLimits.customDataset else { return try PreparedData.generate(config) }
        if let uploaded {
            // The CSV was read for the problem type chosen then: class indices, or target values.
            let readAs: PlaygroundConfig.Problem = uploaded.isClassification ? .classification : .regression
            guard readAs == config.problem else {
                throw PlaygroundError(
                    .unprocessable,
                    "the uploaded points were read for \(readAs.rawValue); upload the CSV again after choosing "
                        + "\(config.problem.rawValue), or go back to \(readAs.rawValue)")
            }
            return uploaded
        }
        let names =
            config.problem == .regression
            ? nil : (config.classes == 2 ? ["-1", "+1"] : (0..<config.classes).map(String.init))
        return Dataset(
            inputs: Matrix(rows: 0, columns: 2),
            labels: names.map { .classes([], names: $0) } ?? .values(Matrix(rows: 0, columns: 1)),
            featureNames: ["x1", "x2"])
    }

    static func network(_ config: PlaygroundConfig, _ data: PreparedData) throws(PlaygroundError) -> Network<Double> {
        try lift { () throws(NeuralNetError) in
            var rng = SeededGenerator(seed: config.seed)
            let activations = try config.networkShape.indices.map { (index) throws(NeuralNetError) in
                try HiddenActivation.named(
                    config.activation(ofLayer: index), parameters: config.parameters(ofLayer: index))
            }
            let head = config.head(classCount: data.classCount)
            return try Network(
                inputs: config.features.count, hidden: config.networkShape, activations: activations,
                outputs: head == .softmax ? data.classCount : 1, head: head, initializer: config.initializer, rng: &rng)
        }
    }

    /// A trainer for `network`, its batch order seeded with the configuration's seed + 0x5eed.
    static func trainer(_ network: Network<Double>, _ config: PlaygroundConfig) throws(PlaygroundError) -> Trainer<
        Double
    > {
        try lift { () throws(NeuralNetError) in
            try Trainer(
                network: network, settings: config.optimizerSettings, batchSize: config.batchSize, shuffle: true,
                seed: config.seed &+ 0x5eed)
        }
    }
}

extension Double {
    /// Three decimals, as TensorFlow Playground shows its losses.
    var formatted3: String { String(format: "%.3f", self) }
}
