/// A training run on a dataset: the split, the normalisation, the network and its trainer, in
/// the precision the configuration asks for. Commands and the playground drive it epoch by epoch.
public struct TrainingSession: Sendable {
    /// The configuration the session was made with (validated).
    public let configuration: TrainingConfiguration
    /// The data as given (before the feature map), and its split.
    public let data: Dataset
    /// The training part of the split, as given.
    public let rawTrain: Dataset
    /// The test part of the split, as given (empty with a train fraction of 1).
    public let rawTest: Dataset
    /// The split after the feature map, before normalisation.
    public let train: Dataset
    /// The test part after the feature map, before normalisation.
    public let test: Dataset
    /// Fitted on `train` when `configuration.normalize` is set, otherwise the identity.
    public let normalization: Normalization
    private var state: State
    /// The metrics of every epoch run so far, in order.
    public private(set) var history: [EpochMetrics] = []

    private enum State: Sendable {
        case float(TrainingRun<Float>)
        case double(TrainingRun<Double>)
        /// Only while a run is taken out to be changed in place (`change`).
        case taken
    }

    /// Changes the run in place: it is taken out of `state` first, so that its buffers are not
    /// shared with `state` and are not copied when written (as they would be through `case var`).
    private mutating func change<R, E: Error>(
        float: (inout TrainingRun<Float>) throws(E) -> R, double: (inout TrainingRun<Double>) throws(E) -> R
    ) throws(E) -> R {
        switch state {
        case .float(var run):
            state = .taken
            defer { state = .float(run) }
            return try float(&run)
        case .double(var run):
            state = .taken
            defer { state = .double(run) }
            return try double(&run)
        case .taken: preconditionFailure("the run is already being changed")
        }
    }

    /// Reads the run of either precision.
    private func read<R>(float: (TrainingRun<Float>) -> R, double: (TrainingRun<Double>) -> R) -> R {
        switch state {
        case .float(let run): float(run)
        case .double(let run): double(run)
        case .taken: preconditionFailure("the run is being changed")
        }
    }

    /// The configuration's network (drawn with seed + 1) and its trainer (seed + 2) on `split`, in `T`.
    private static func run<T: TrainingScalar>(_ configuration: TrainingConfiguration, _ split: TrainingSplit)
        throws(NeuralNetError)
        -> TrainingRun<T>
    {
        let (train, test) = try split.labeled(T.self)
        var rng = SeededGenerator(seed: configuration.seed &+ 1)
        var network = try Network<T>(
            inputs: split.train.inputs.columns, hidden: configuration.hidden,
            activations: try configuration.hiddenActivations(),
            outputs: try configuration.output.outputCount(for: train.targets), head: configuration.output,
            initializer: configuration.initializer, rng: &rng)
        if let bias = configuration.hiddenBias {
            for l in network.layers.indices.dropLast() {
                network.layers[l].bias = network.layers[l].bias.map { _ in T(bias) }
            }
        }
        let trainer = try Trainer(
            network: network, settings: configuration.optimizer, batchSize: configuration.batchSize,
            shuffle: configuration.shuffle, schedule: configuration.schedule, seed: configuration.seed &+ 2)
        return TrainingRun(trainer: trainer, train: train, test: test)
    }

    /// Splits `raw` (shuffled with the seed), applies the feature map, fits the normalisation and builds
    /// the network and its trainer (see `TrainingSplit`). Throws if the configuration is invalid, the
    /// network and data would need too much memory, or the data cannot be used (a feature on data that
    /// is not 2-D, a non-finite value, a head that does not suit the targets).
    public init(configuration: TrainingConfiguration, data raw: Dataset) throws(NeuralNetError) {
        try configuration.validate()
        try raw.check()
        guard raw.count > 0 else { throw .invalidData("no training samples: the data has no rows") }
        let split = try TrainingSplit(
            raw, trainFraction: configuration.trainFraction, seed: configuration.seed,
            features: configuration.features, normalize: configuration.normalize)
        // The output units the network will have (one for two classes under a sigmoid or tanh head): the
        // memory check names the network's shape ("a 2-8-8-1 network"), and gave 2-8-8-2 for two classes.
        let outputs =
            switch raw.labels {
            case .classes(let labels, let names):
                (try? configuration.output.outputCount(for: Targets<Double>.classes(labels, count: names.count)))
                    ?? names.count
            case .values(let values): values.columns
            }
        try configuration.checkMemory(
            inputs: split.train.inputs.columns, outputs: outputs, rows: max(split.train.count, split.test.count))
        (self.configuration, self.data, self.rawTrain, self.rawTest) = (
            configuration, raw, split.rawTrain, split.rawTest
        )
        (self.train, self.test, self.normalization) = (split.train, split.test, split.normalization)
        switch configuration.precision {
        case .float: state = .float(try Self.run(configuration, split))
        case .double: state = .double(try Self.run(configuration, split))
        }
        initialNetwork = Network<Double>(layers: [], head: configuration.output)
        initialNetwork = network
    }

    /// The network before any training.
    public private(set) var initialNetwork: Network<Double>

    /// Keep every step's batch loss (see `stepLosses`).
    public var recordsStepLosses: Bool {
        get { read(float: { $0.trainer.recordsStepLosses }, double: { $0.trainer.recordsStepLosses }) }
        set { change(float: { $0.recordsStepLosses = newValue }, double: { $0.recordsStepLosses = newValue }) }
    }

    /// Whether each epoch ends with the per-layer health metrics (see `Trainer.measuresLayers`).
    public var measuresLayers: Bool {
        get { read(float: { $0.trainer.measuresLayers }, double: { $0.trainer.measuresLayers }) }
        set { change(float: { $0.measuresLayers = newValue }, double: { $0.measuresLayers = newValue }) }
    }

    /// Every step's batch loss, when `recordsStepLosses` is set.
    public var stepLosses: [Double] { read(float: { $0.trainer.stepLosses }, double: { $0.trainer.stepLosses }) }

    /// The training inputs as the first layer sees them (feature map and normalisation applied).
    public var preparedTrainInputs: Matrix<Double> { normalization.apply(train.inputs) }

    /// The epochs run so far.
    public var epoch: Int { history.count }
    /// Whether the configured number of epochs has run.
    public var isFinished: Bool { epoch >= configuration.epochs }

    /// Trains one more epoch and returns its metrics. After an error for a non-finite loss or
    /// gradient, the network is the one the failing step started from: nothing non-finite was
    /// written. An update that overflows although its gradients were finite (a learning rate far too
    /// large) is an error too, after the update: the network then holds ±∞ or NaN.
    @discardableResult
    public mutating func runEpoch() throws(NeuralNetError) -> EpochMetrics {
        let metrics = try change(
            float: { run throws(NeuralNetError) in try run.trainEpoch()! },
            double: { run throws(NeuralNetError) in try run.trainEpoch()! })
        history.append(metrics)
        return metrics
    }

    /// The metrics of the network as it stands, without training: losses, accuracies and per-layer
    /// gradient flow and unit health (before the first epoch: at initialisation).
    public func measure() -> EpochMetrics {
        read(float: { $0.measure() }, double: { $0.measure() })
    }

    /// The network in Double (a Float network converted exactly).
    public var network: Network<Double> {
        read(float: { $0.trainer.network.converted() }, double: { $0.trainer.network })
    }

    /// The trained model, ready to save.
    public func modelFile(inputNames: [String]) -> ModelFile {
        ModelFile(
            network: network, inputNames: inputNames, features: configuration.features,
            normalization: normalization, classNames: data.classNames)
    }

    /// Outputs for raw points (feature map and normalisation applied here).
    public func predict(_ raw: Matrix<Double>) throws(NeuralNetError) -> Matrix<Double> {
        guard raw.columns == data.inputs.columns else {  // trapped in the normalisation
            throw .shapeMismatch(
                "the network reads \(data.inputs.columns) columns (\(data.featureNames.joined(separator: ", "))), the input has \(raw.columns)"
            )
        }
        // Training refuses a point that is not a number; so does prediction, rather than answer NaN.
        if let bad = raw.firstNonFinite { throw .invalidData("input \(bad); the network takes finite numbers") }
        var inputs = raw
        if let features = configuration.features {
            inputs = try Feature.map(
                Dataset(inputs: raw, labels: .values(Matrix(rows: raw.rows, columns: 0)), featureNames: []), features
            ).inputs
        }
        return network.predict(normalization.apply(inputs))
    }
}

extension Network {
    /// The same network in another precision.
    public func converted<U: TrainingScalar>(to type: U.Type = U.self) -> Network<U> {
        Network<U>(
            layers: layers.map { layer in
                DenseLayer<U>(
                    weights: layer.weights.converted(), bias: layer.bias.map { U($0) }, activation: layer.activation,
                    activationParameters: layer.activationParameters.map { U($0) })
            }, head: head)
    }
}
