import Foundation

/// Trains a network epoch by epoch: mini-batches in a seeded order (or a fixed one), one optimiser
/// step per batch, then the epoch's metrics. A non-finite loss or gradient stops training before
/// the update, so NaN is never written into the weights.
public struct Trainer<T: TrainingScalar>: Sendable {
    public private(set) var network: Network<T>
    public let settings: OptimizerSettings
    public let batchSize: Int
    public let shuffle: Bool
    public let schedule: LearningRateSchedule
    public private(set) var epoch = 0
    /// Set to keep every step's batch loss in `stepLosses` (for comparing trajectories with PyTorch).
    public var recordsStepLosses = false
    public private(set) var stepLosses: [Double] = []
    private var optimizer: Optimizer<T>
    private var rng: SeededGenerator

    public init(network: Network<T>, settings: OptimizerSettings, batchSize: Int, shuffle: Bool = true,
                schedule: LearningRateSchedule = .constant, seed: UInt64) throws(NeuralNetError) {
        try settings.validate()
        guard batchSize >= 1 else { throw .invalidConfiguration("the batch size must be at least 1, got \(batchSize)") }
        (self.network, self.settings, self.batchSize, self.shuffle, self.schedule) = (network, settings, batchSize, shuffle, schedule)
        optimizer = Optimizer(settings)
        rng = SeededGenerator(seed: seed)
    }

    /// One pass over `train`; `test`, if given, is only evaluated.
    public mutating func trainEpoch(_ train: LabeledData<T>, test: LabeledData<T>? = nil) throws(NeuralNetError) -> EpochMetrics {
        try checkShape(train)
        let start = Date()
        let learningRate = schedule.rate(base: settings.learningRate, epoch: epoch)
        var order = Array(0..<train.count)
        if shuffle { order.shuffle(using: &rng) }
        for (batchIndex, batchStart) in stride(from: 0, to: order.count, by: batchSize).enumerated() {
            let batch = train.subset(order[batchStart..<min(batchStart + batchSize, order.count)])
            try step(batch, learningRate: learningRate, batchIndex: batchIndex + 1)
        }
        epoch += 1
        var metrics = measure(train, test)
        (metrics.learningRate, metrics.seconds) = (learningRate, Date().timeIntervalSince(start))
        return metrics
    }

    /// One optimiser step on `batch` at the current epoch's learning rate.
    public mutating func step(_ batch: LabeledData<T>) throws(NeuralNetError) {
        try step(batch, learningRate: schedule.rate(base: settings.learningRate, epoch: epoch), batchIndex: 1)
    }

    private mutating func step(_ batch: LabeledData<T>, learningRate: Double, batchIndex: Int) throws(NeuralNetError) {
        let (loss, gradients, _) = network.gradients(batch.inputs, batch.targets, training: true, rng: &rng)
        guard loss.isFinite else {
            throw .nonFinite(epoch: epoch + 1, batch: batchIndex, detail: "the loss is \(loss)")
        }
        if recordsStepLosses { stepLosses.append(loss) }
        for (index, g) in gradients.enumerated()
        where !(g.weights.storage.allSatisfy(\.isFinite) && g.bias.allSatisfy(\.isFinite) && g.activationParameters.allSatisfy(\.isFinite)) {
            throw .nonFinite(epoch: epoch + 1, batch: batchIndex, detail: "layer \(index + 1) has a non-finite gradient")
        }
        for (index, g) in gradients.enumerated() {
            optimizer.update(&network.layers[index].weights.storage, g.weights.storage, slot: 3 * index, learningRate: learningRate, isWeight: true)
            optimizer.update(&network.layers[index].bias, g.bias, slot: 3 * index + 1, learningRate: learningRate, isWeight: false)
            if !g.activationParameters.isEmpty {
                optimizer.update(&network.layers[index].activationParameters, g.activationParameters, slot: 3 * index + 2,
                                 learningRate: learningRate, isWeight: false)
            }
        }
    }

    private func checkShape(_ data: LabeledData<T>) throws(NeuralNetError) {
        guard data.inputs.columns == network.inputCount else {
            throw .shapeMismatch("the data has \(data.inputs.columns) features but the network takes \(network.inputCount)")
        }
        let outputs = try network.head.outputCount(for: data.targets)
        guard outputs == network.outputCount else {
            throw .shapeMismatch("the targets need \(outputs) outputs but the network has \(network.outputCount)")
        }
    }

    /// Loss and accuracy on both sets, and per-layer health from a full-batch pass over `train`.
    public func measure(_ train: LabeledData<T>, _ test: LabeledData<T>?) -> EpochMetrics {
        var evaluation = SeededGenerator(seed: 0)
        let (loss, gradients, caches) = network.gradients(train.inputs, train.targets, training: false, rng: &evaluation)
        let layers = network.layers.indices.map { LayerMetrics.measure(network.layers[$0], caches[$0], gradients[$0]) }
        let testLogits = test.map { network.logits($0.inputs) }
        return EpochMetrics(
            epoch: epoch, learningRate: settings.learningRate, trainLoss: loss,
            trainAccuracy: network.head.accuracy(caches.last!.output, train.targets),
            testLoss: test.flatMap { t in testLogits.map { network.head.loss($0, t.targets).loss } },
            testAccuracy: test.flatMap { t in testLogits.flatMap { network.head.accuracy($0, t.targets) } },
            layers: layers, seconds: 0)
    }
}
