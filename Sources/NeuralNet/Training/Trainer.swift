import Foundation

/// Trains a network epoch by epoch: mini-batches in a seeded order (or a fixed one), one optimiser
/// step per batch, then the epoch's metrics. A non-finite loss or gradient stops training before
/// the update, so NaN is never written into the weights.
///
/// The public entry points are specialised for `Double` and `Float` here, and their generic entry
/// jumps to those copies: called from another module (the Playground trains a `Trainer<Double>`), the
/// generic code would otherwise run unspecialised, through witness tables, many times slower (`perf`:
/// half of a playground session's time). (`exported: true` would let callers link the copies directly,
/// but with typed throws the linker cannot find them on this toolchain.)
public struct Trainer<T: TrainingScalar>: Sendable {
    /// The network as trained so far.
    public private(set) var network: Network<T>
    /// The optimiser's settings in force (see `retune(_:batchSize:)`).
    public private(set) var settings: OptimizerSettings
    /// The samples per step; an epoch's last batch holds what is left.
    public private(set) var batchSize: Int
    /// Whether each epoch visits the samples in a fresh seeded order (otherwise in the data's order).
    public let shuffle: Bool
    /// How the learning rate changes from epoch to epoch.
    public let schedule: LearningRateSchedule
    /// The epochs completed.
    public private(set) var epoch = 0
    /// Set to keep every step's batch loss in `stepLosses` (for comparing trajectories with PyTorch).
    public var recordsStepLosses = false
    /// Every step's batch loss, in order, while `recordsStepLosses` is set.
    public private(set) var stepLosses: [Double] = []
    /// Whether each epoch ends with a forward and backward pass over the whole training set for the
    /// per-layer metrics (gradient flow, dead units, sparsity, saturation). Cleared, the epoch ends
    /// with a forward pass for the losses and accuracies only, and `EpochMetrics.layers` is empty:
    /// the work a plain PyTorch loop does, for comparing speed like with like.
    public var measuresLayers = true
    private var optimizer: Optimizer<T>
    private var rng: SeededGenerator
    /// Buffers kept from step to step: the mini-batch and the pass over it.
    private var batch = Batch()
    private var stepPass = NetworkPass<T>()
    /// The epoch stopped in between, if one was (see `trainEpoch(_:test:while:)`).
    private var inProgress: EpochInProgress?
    /// The full-batch pass of the last epoch's metrics, and whether the weights are still those it saw.
    private var evaluation = NetworkPass<T>()
    private var evaluationIsCurrent = false

    /// An epoch begun and not finished: its batch order, learning rate, the samples and batches done
    /// and the seconds spent so far.
    private struct EpochInProgress: Sendable {
        var order: [Int]
        var learningRate: Double
        var position = 0
        var batches = 0
        var seconds = 0.0
    }

    /// The mini-batch of a step, gathered into buffers kept from step to step.
    private struct Batch: Sendable {
        var inputs = Matrix<T>(rows: 0, columns: 0)
        var targets = Targets<T>.classes([], count: 0)
    }

    /// The forward and backward pass over the whole training set that the last `trainEpoch` ran for
    /// its metrics: the loss, each layer's caches (sums, outputs) and gradients. A caller that needs
    /// that pass for the current weights (the Playground's frames) can read it here instead of
    /// running it again. Valid until the weights change: nil before the first epoch and after any
    /// `step`.
    public var lastEvaluation: NetworkPass<T>? { evaluationIsCurrent ? evaluation : nil }

    /// A trainer for `network`; `seed` fixes the batch order and the random slopes of RReLU. Throws if
    /// `settings` are out of range or `batchSize` is below 1.
    public init(
        network: Network<T>, settings: OptimizerSettings, batchSize: Int, shuffle: Bool = true,
        schedule: LearningRateSchedule = .constant, seed: UInt64
    ) throws(NeuralNetError) {
        try settings.validate()
        guard batchSize >= 1 else { throw .invalidConfiguration("the batch size must be at least 1, got \(batchSize)") }
        (self.network, self.settings, self.batchSize, self.shuffle, self.schedule) = (
            network, settings, batchSize, shuffle, schedule
        )
        optimizer = Optimizer(settings)
        rng = SeededGenerator(seed: seed)
    }

    /// Changes the optimiser's settings and the batch size from the next step on, as a learner does
    /// mid-run in the Playground. The weights, the epoch count and the batch order go on, and so does the
    /// optimiser's state (momentum's velocities, RMSprop's and Adam's running averages, Adam's step
    /// count) while the kind of optimiser stays the same; a different kind starts from fresh state.
    public mutating func retune(_ settings: OptimizerSettings, batchSize: Int) throws(NeuralNetError) {
        try settings.validate()
        guard batchSize >= 1 else { throw .invalidConfiguration("the batch size must be at least 1, got \(batchSize)") }
        if settings.kind == optimizer.settings.kind {
            optimizer.settings = settings
        } else {
            optimizer = Optimizer(settings)
        }
        (self.settings, self.batchSize) = (settings, batchSize)
    }

    /// Replaces the network's parameters (a hand-edited weight, say) and keeps the optimiser's state,
    /// which is kept per parameter array and so needs every layer to keep its shape.
    public mutating func replaceNetwork(_ edited: Network<T>) throws(NeuralNetError) {
        let shape = { (n: Network<T>) in
            n.layers.map { [$0.weights.rows, $0.weights.columns, $0.bias.count, $0.activationParameters.count] }
        }
        guard shape(edited) == shape(network), edited.head == network.head else {
            throw .shapeMismatch(
                "the edited network has layers \(shape(edited)) but the trainer's has \(shape(network))")
        }
        network = edited
        evaluationIsCurrent = false
    }

    /// One pass over `train`; `test`, if given, is only evaluated. Finishes first an epoch that
    /// `trainEpoch(_:test:while:)` stopped in between.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public mutating func trainEpoch(_ train: LabeledData<T>, test: LabeledData<T>? = nil) throws(NeuralNetError)
        -> EpochMetrics
    {
        try trainEpoch(train, test: test, while: { true })!
    }

    /// Trains the epoch's batches while `shouldContinue()` holds, asked before each batch but the
    /// first (so every call trains at least one); returns the epoch's metrics when it ends, nil when it
    /// stopped in between. The next call goes on with that epoch: the same batch order, learning rate
    /// and random draws, so stopping and going on change no number. A training set of another size,
    /// or `discardEpochInProgress()`, starts a new epoch instead. A Playground pause takes effect within
    /// one batch this way, not one epoch (which 5 000 points in batches of 1 make long).
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public mutating func trainEpoch(
        _ train: LabeledData<T>, test: LabeledData<T>? = nil,
        while shouldContinue: () -> Bool
    ) throws(NeuralNetError) -> EpochMetrics? {
        try checkShape(train)
        let start = Date()
        var state = inProgress.flatMap { $0.order.count == train.count ? $0 : nil } ?? beginEpoch(train.count)
        inProgress = nil  // an error below abandons the epoch, as it always has
        var first = true
        while state.position < state.order.count {
            if !first && !shouldContinue() {
                state.seconds += Date().timeIntervalSince(start)
                inProgress = state
                return nil
            }
            first = false
            let end = min(state.position + batchSize, state.order.count)
            gather(state.order[state.position..<end], of: train)
            try step(batch.inputs, batch.targets, learningRate: state.learningRate, batchIndex: state.batches + 1)
            (state.position, state.batches) = (end, state.batches + 1)
        }
        epoch += 1
        var metrics: EpochMetrics
        if measuresLayers {
            var evaluationRNG = SeededGenerator(seed: 0)  // evaluation draws nothing
            network.run(&evaluation, train.inputs, train.targets, training: false, rng: &evaluationRNG)
            evaluationIsCurrent = true
            metrics = self.metrics(of: evaluation, train, test)
        } else {
            metrics = lossMetrics(train, test)
        }
        (metrics.learningRate, metrics.seconds) = (state.learningRate, state.seconds + Date().timeIntervalSince(start))
        return metrics
    }

    /// Whether an epoch was stopped in between (see `trainEpoch(_:test:while:)`).
    public var hasEpochInProgress: Bool { inProgress != nil }

    /// Forgets an epoch stopped in between (the training points changed): the next one starts afresh.
    public mutating func discardEpochInProgress() { inProgress = nil }

    /// A new epoch: its batch order (drawn from the trainer's generator) and learning rate.
    private mutating func beginEpoch(_ count: Int) -> EpochInProgress {
        let learningRate = schedule.rate(base: settings.learningRate, epoch: epoch)
        var order = Array(0..<count)
        if shuffle { order.shuffle(using: &rng) }
        return EpochInProgress(order: order, learningRate: learningRate)
    }

    /// One optimiser step on `batch` at the current epoch's learning rate.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public mutating func step(_ batch: LabeledData<T>) throws(NeuralNetError) {
        try checkShape(batch)  // a batch of another width trapped in the matrix product
        try step(
            batch.inputs, batch.targets, learningRate: schedule.rate(base: settings.learningRate, epoch: epoch),
            batchIndex: 1)
    }

    /// Refills the batch buffers with the samples at `indices`. The step pass's first cache still
    /// shares the previous batch's inputs; it lets go first, so the buffer is refilled in place.
    private mutating func gather(_ indices: ArraySlice<Int>, of data: LabeledData<T>) {
        stepPass.dropInputs()
        batch.inputs.setRows(indices, of: data.inputs)
        batch.targets.setSubset(indices, of: data.targets)
    }

    private mutating func step(_ inputs: Matrix<T>, _ targets: Targets<T>, learningRate: Double, batchIndex: Int)
        throws(NeuralNetError)
    {
        evaluationIsCurrent = false
        network.run(&stepPass, inputs, targets, training: true, rng: &rng)
        let loss = stepPass.loss
        guard loss.isFinite else {
            // Swift writes a NaN whose sign bit is set as "-nan": a sign a NaN does not have.
            let shown = loss.isNaN ? "NaN (not a number)" : "\(loss)"
            throw .nonFinite(epoch: epoch + 1, batch: batchIndex, detail: "the loss is \(shown)")
        }
        if recordsStepLosses { stepLosses.append(loss) }
        if let index = stepPass.gradients.firstIndex(where: { !$0.isAllFinite }) {
            throw .nonFinite(
                epoch: epoch + 1, batch: batchIndex, detail: "layer \(index + 1) has a non-finite gradient")
        }
        for index in stepPass.gradients.indices {
            update(layer: index, learningRate: learningRate)
        }
        // Finite gradients can still overflow in the update (a learning rate of 1e300): said at once,
        // rather than by the next step's NaN loss, which would blame the loss.
        if let index = network.layers.firstIndex(where: { !$0.parametersAreFinite }) {
            throw .nonFinite(
                epoch: epoch + 1, batch: batchIndex,
                detail: "the update made layer \(index + 1)'s weights infinite or NaN: the learning rate "
                    + "\(learningRate) is too large for these gradients; the weights are not usable (reset)")
        }
    }

    /// Applies the optimiser to one layer's weights, biases and learned activation parameters.
    private mutating func update(layer index: Int, learningRate: Double) {
        let slot = 3 * index
        optimizer.update(
            &network.layers[index].weights.storage, stepPass.gradients[index].weights.storage, slot: slot,
            learningRate: learningRate, isWeight: true)
        optimizer.update(
            &network.layers[index].bias, stepPass.gradients[index].bias, slot: slot + 1,
            learningRate: learningRate, isWeight: false)
        if !stepPass.gradients[index].activationParameters.isEmpty {
            optimizer.update(
                &network.layers[index].activationParameters, stepPass.gradients[index].activationParameters,
                slot: slot + 2, learningRate: learningRate, isWeight: false)
        }
    }

    private func checkShape(_ data: LabeledData<T>) throws(NeuralNetError) {
        // An empty set "trained" with a loss of 0 and every unit counted dead.
        guard data.count > 0 else { throw .invalidData("no training samples: the data has no rows") }
        guard data.inputs.columns == network.inputCount else {
            throw .shapeMismatch(
                "the data has \(data.inputs.columns) features but the network takes \(network.inputCount)")
        }
        let outputs = try network.head.outputCount(for: data.targets)
        guard outputs == network.outputCount else {
            throw .shapeMismatch("the targets need \(outputs) outputs but the network has \(network.outputCount)")
        }
    }
}

extension DenseLayer {
    /// Whether no weight, bias or learned parameter is NaN or infinite.
    var parametersAreFinite: Bool { weights.storage.isAllFinite && bias.isAllFinite && activationParameters.isAllFinite }
}

extension DenseLayer.Gradients {
    /// Whether no gradient is NaN or infinite (checked before any update, so none reaches the weights).
    var isAllFinite: Bool { weights.storage.isAllFinite && bias.isAllFinite && activationParameters.isAllFinite }
}
