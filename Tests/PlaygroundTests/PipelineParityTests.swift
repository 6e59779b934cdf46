import NeuralNet
import Testing

@testable import Playground

/// The playground's numbers pinned across issue #19's "one pipeline": the engine against the pipeline
/// it ran before, spelt here with NeuralNet's public parts (generate, split with the data seed, clicked
/// points appended to the training set, feature map, normalisation fitted once and then kept, the
/// network drawn from the seed, a trainer seeded with seed + 0x5eed). Same configuration and seed:
/// the same losses, accuracies, unit health and weights after every epoch, exactly.
@Suite struct PipelineParityTests {
    static func expectSame(_ engine: PlaygroundEngine, _ reference: TodaysPipeline, _ label: String) {
        let strip = { (records: [EpochRecord]) in
            records.map {
                var r = $0; r.milliseconds = 0; return r
            }
        }
        #expect(engine.epoch == reference.records.count, "\(label): epochs")
        #expect(strip(engine.records) == strip(reference.records), "\(label): records")
        let parameters = { (n: Network<Double>) in
            n.layers.map { [$0.weights.storage, $0.bias, $0.activationParameters] }
        }
        #expect(parameters(engine.network) == parameters(reference.trainer.network), "\(label): weights")
    }

    @Test(arguments: [
        TodaysPipeline.Case(name: "the defaults (circle, tanh, SGD)"),
        TodaysPipeline.Case(
            name: "xor, ReLU, Adam, normalised, five features", dataset: "xor", activation: "relu",
            optimizer: .adam, normalize: true, features: [.x1, .x2, .x1Squared, .x1TimesX2, .sinX2], batch: 3),
        TodaysPipeline.Case(
            name: "spiral-arms, 3 classes, softmax, PReLU", dataset: "spiral-arms", activation: "prelu",
            optimizer: .momentum, normalize: true, batch: 7),
        TodaysPipeline.Case(
            name: "regression on reg-gauss, ELU with alpha", problem: .regression, dataset: "reg-gauss",
            activation: "elu", parameters: ["alpha": 0.5], optimizer: .rmsprop, batch: 1),
    ])
    func epochsAddedPointsAndNewDataGiveTodaysNumbers(_ c: TodaysPipeline.Case) throws {
        let config = c.config
        var engine = try PlaygroundEngine(config: config)
        var reference = try TodaysPipeline(config)
        #expect(engine.train(epochs: 3) == nil)
        try reference.train(epochs: 3)
        Self.expectSame(engine, reference, "\(c.name), 3 epochs")

        let label = config.problem == .regression ? 0.25 : 1
        let points = [AddedPoint(x1: 0.5, x2: -1.5, label: label), AddedPoint(x1: -2, x2: 2.5, label: 0)]
        try engine.add(points)
        try reference.add(points)
        #expect(engine.train(epochs: 2) == nil)
        try reference.train(epochs: 2)
        Self.expectSame(engine, reference, "\(c.name), 2 epochs after adding points")

        try engine.regenerate(77)
        try reference.regenerate(77)
        var retuned = engine.config
        (retuned.learningRate, retuned.batchSize) = (config.learningRate / 2, config.batchSize + 2)
        try engine.apply(retuned)
        try reference.retune(retuned)
        #expect(engine.train(epochs: 2) == nil)
        try reference.train(epochs: 2)
        Self.expectSame(engine, reference, "\(c.name), 2 epochs on new data, retuned")
    }

    /// An epoch stopped between batches goes on with the same numbers; stopped and then given new
    /// points, it is dropped and a new epoch starts over the new points.
    @Test func epochsStoppedBetweenBatchesGiveTodaysNumbers() throws {
        var config = PlaygroundConfig()
        (config.batchSize, config.optimizer, config.learningRate, config.normalize) = (2, .adam, 0.01, true)
        var engine = try PlaygroundEngine(config: config)
        var reference = try TodaysPipeline(config)
        var batches = 0
        while engine.epoch < 2 {
            _ = engine.trainEpoch {
                batches += 1; return batches % 9 != 0
            }
        }
        try reference.train(epochs: 2)
        Self.expectSame(engine, reference, "two epochs stopped every 9 batches")

        var (engineBatches, referenceBatches) = (0, 0)
        #expect(
            engine.trainEpoch {
                engineBatches += 1; return engineBatches < 4
            } == (false, nil))
        #expect(
            try reference.trainEpoch {
                referenceBatches += 1; return referenceBatches < 4
            } == false)
        try engine.add([AddedPoint(x1: 1, x2: 1, label: 0)])
        try reference.add([AddedPoint(x1: 1, x2: 1, label: 0)])
        #expect(engine.train(epochs: 1) == nil)
        try reference.train(epochs: 1)
        Self.expectSame(engine, reference, "an epoch stopped, then points added")
    }

    /// The frames show the full-batch gradients at the current weights over the current points: after
    /// an epoch, the ones its metrics measured; after new points, ones measured on them.
    @Test func framesShowTheGradientsOfTheCurrentPoints() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        var reference = try TodaysPipeline(PlaygroundConfig())
        _ = engine.train(epochs: 2)
        try reference.train(epochs: 2)
        let shown = { (engine: PlaygroundEngine) in engine.frameContent().network.layers.map(\.biasGradients) }
        var rng = SeededGenerator(seed: 0)
        let fresh = { (r: TodaysPipeline) in
            r.trainer.network.gradients(r.train.inputs, r.train.targets, training: false, rng: &rng).gradients.map(
                \.bias)
        }
        #expect(shown(engine) == fresh(reference))
        try engine.add([AddedPoint(x1: 0, x2: 0, label: 1)])
        try reference.add([AddedPoint(x1: 0, x2: 0, label: 1)])
        #expect(shown(engine) == fresh(reference))
    }
}
