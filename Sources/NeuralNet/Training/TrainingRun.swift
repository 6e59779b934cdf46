/// A trainer and the normalised data it trains on, in one precision: what `TrainingSession` runs in
/// each precision, and what the Playground trains through. The data can be replaced mid-run (points
/// added, new points drawn) while the network and the optimiser's state go on; an epoch stopped in
/// between is then dropped, and the trainer's last full-batch pass no longer counts as the data's.
public struct TrainingRun<T: TrainingScalar>: Sendable {
    /// The trainer: the network, the optimiser and its state, the batch order.
    public private(set) var trainer: Trainer<T>
    /// The normalised training data.
    public private(set) var train: LabeledData<T>
    /// The normalised test data; nil when there is none.
    public private(set) var test: LabeledData<T>?
    /// Whether the trainer's last full-batch pass was over `train` (no data replaced since).
    private var evaluatedCurrentData = false

    /// `trainer` on `train`, with `test` only evaluated.
    public init(trainer: Trainer<T>, train: LabeledData<T>, test: LabeledData<T>?) {
        (self.trainer, self.train, self.test) = (trainer, train, test)
    }

    /// `trainer` on the normalised parts of `split`, converted to `T`.
    public init(trainer: Trainer<T>, split: TrainingSplit) throws(NeuralNetError) {
        let (train, test) = try split.labeled(T.self)
        self.init(trainer: trainer, train: train, test: test)
    }

    /// The network as trained so far.
    public var network: Network<T> { trainer.network }

    /// See `Trainer.recordsStepLosses`.
    public var recordsStepLosses: Bool {
        get { trainer.recordsStepLosses }
        set { trainer.recordsStepLosses = newValue }
    }

    /// See `Trainer.measuresLayers`.
    public var measuresLayers: Bool {
        get { trainer.measuresLayers }
        set { trainer.measuresLayers = newValue }
    }

    /// Trains the epoch's batches while `shouldContinue()` holds (see `Trainer.trainEpoch(_:test:while:)`):
    /// the epoch's metrics when it ends, nil when it stopped in between and goes on at the next call.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public mutating func trainEpoch(while shouldContinue: () -> Bool = { true }) throws(NeuralNetError) -> EpochMetrics?
    {
        evaluatedCurrentData = false
        guard let metrics = try trainer.trainEpoch(train, test: test, while: shouldContinue) else { return nil }
        evaluatedCurrentData = true
        return metrics
    }

    /// Trains on new data from the next batch on: the weights and the optimiser's state go on, an epoch
    /// stopped in between is dropped (the next one starts over the new data).
    public mutating func replaceData(train: LabeledData<T>, test: LabeledData<T>?) throws(NeuralNetError) {
        // Data of another width was taken, and measuring it trapped in the matrix product.
        let network = trainer.network
        for (name, part) in [("training", train), ("test", test)] {
            guard let part else { continue }
            guard part.inputs.columns == network.inputCount else {
                throw .shapeMismatch(
                    "the new \(name) data has \(part.inputs.columns) features but the network takes \(network.inputCount)")
            }
            let outputs = try network.head.outputCount(for: part.targets)
            guard outputs == network.outputCount else {
                throw .shapeMismatch(
                    "the new \(name) data's targets need \(outputs) outputs but the network has \(network.outputCount)")
            }
        }
        (self.train, self.test) = (train, test)
        trainer.discardEpochInProgress()
        evaluatedCurrentData = false
    }

    /// Trains on the normalised parts of `split` from the next batch on (see `replaceData(train:test:)`).
    public mutating func replaceData(_ split: TrainingSplit) throws(NeuralNetError) {
        let (train, test) = try split.labeled(T.self)
        try replaceData(train: train, test: test)
    }

    /// A new trainer on the same data (a reset to other weights, or another seed).
    public mutating func replaceTrainer(_ trainer: Trainer<T>) {
        self.trainer = trainer
        evaluatedCurrentData = false
    }

    /// See `Trainer.retune(_:batchSize:)`.
    public mutating func retune(_ settings: OptimizerSettings, batchSize: Int) throws(NeuralNetError) {
        try trainer.retune(settings, batchSize: batchSize)
    }

    /// See `Trainer.replaceNetwork(_:)`.
    public mutating func replaceNetwork(_ edited: Network<T>) throws(NeuralNetError) {
        try trainer.replaceNetwork(edited)
    }

    /// The metrics of the network as it stands, without training (see `Trainer.measure(_:_:)`).
    public func measure() -> EpochMetrics { trainer.measure(train, test) }

    /// The forward and backward pass over the training data at the current weights, with each layer's
    /// caches and gradients: the one the last epoch's metrics ran when neither the weights nor the data
    /// changed since (`Trainer.lastEvaluation`), else one run now. Nil when there are no training data.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public func fullBatchPass() -> (caches: [DenseLayer<T>.Cache], gradients: [DenseLayer<T>.Gradients])? {
        if evaluatedCurrentData, let kept = trainer.lastEvaluation { return (kept.caches, kept.gradients) }
        guard train.count > 0 else { return nil }
        var rng = SeededGenerator(seed: 0)  // evaluation draws nothing
        let fresh = trainer.network.gradients(train.inputs, train.targets, training: false, rng: &rng)
        return (fresh.caches, fresh.gradients)
    }
}
