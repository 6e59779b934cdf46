import Foundation

/// The epoch's metrics: losses and accuracies, and per layer the health measured on a full-batch pass.
extension Trainer {
    /// Loss and accuracy on both sets, and per-layer health from a full-batch pass over `train`.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public func measure(_ train: LabeledData<T>, _ test: LabeledData<T>?) -> EpochMetrics {
        var evaluation = NetworkPass<T>()
        var rng = SeededGenerator(seed: 0)  // evaluation draws nothing
        network.run(&evaluation, train.inputs, train.targets, training: false, rng: &rng)
        return metrics(of: evaluation, train, test)
    }

    /// The epoch's metrics from a full-batch pass over `train`, and the test set's loss and accuracy.
    func metrics(of pass: NetworkPass<T>, _ train: LabeledData<T>, _ test: LabeledData<T>?) -> EpochMetrics {
        let layers = network.layers.indices.map {
            LayerMetrics.measure(network.layers[$0], pass.caches[$0], pass.gradients[$0])
        }
        var metrics = lossMetrics(
            trainLoss: pass.loss, trainAccuracy: network.head.accuracy(pass.caches.last!.output, train.targets), test)
        metrics.layers = layers
        return metrics
    }

    /// Losses and accuracies from forward passes only; no per-layer metrics.
    func lossMetrics(_ train: LabeledData<T>, _ test: LabeledData<T>?) -> EpochMetrics {
        let logits = network.logits(train.inputs)
        return lossMetrics(
            trainLoss: network.head.loss(logits, train.targets).loss,
            trainAccuracy: network.head.accuracy(logits, train.targets), test)
    }

    func lossMetrics(trainLoss: Double, trainAccuracy: Double?, _ test: LabeledData<T>?) -> EpochMetrics {
        let testLogits = test.map { network.logits($0.inputs) }
        return EpochMetrics(
            epoch: epoch, learningRate: settings.learningRate, trainLoss: trainLoss, trainAccuracy: trainAccuracy,
            testLoss: test.flatMap { t in testLogits.map { network.head.loss($0, t.targets).loss } },
            testAccuracy: test.flatMap { t in testLogits.flatMap { network.head.accuracy($0, t.targets) } },
            layers: [], seconds: 0)
    }
}
