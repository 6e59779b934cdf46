import Testing

@testable import NeuralNet

/// Training keeps its buffers from step to step (`NetworkPass`, the gathered batch): whatever shapes
/// a buffer held before, a pass run into it must give exactly what fresh buffers give.
@Suite("Reused buffers")
struct ReusedBufferTests {
    static func network(_ activation: String) throws -> Network<Double> {
        var rng = SeededGenerator(seed: 5)
        let hidden = try HiddenActivation.named(activation)
        return try Network(
            inputs: 3, hidden: [5, 4], activations: [hidden, hidden], outputs: 3, head: .softmax,
            initializer: .glorotUniform, rng: &rng)
    }

    static func batch(rows: Int, seed: UInt64) throws -> LabeledData<Double> {
        var rng = SeededGenerator(seed: seed)
        let inputs = Matrix<Double>(rows: rows, columns: 3, storage: (0..<(rows * 3)).map { _ in rng.uniform(-2, 2) })
        return try LabeledData(inputs: inputs, targets: .classes((0..<rows).map { $0 % 3 }, count: 3))
    }

    static func expectSame(
        _ pass: NetworkPass<Double>,
        _ fresh: (loss: Double, gradients: [DenseLayer<Double>.Gradients], caches: [DenseLayer<Double>.Cache])
    ) {
        #expect(pass.loss == fresh.loss)
        #expect(pass.caches.map(\.sums) == fresh.caches.map(\.sums))
        #expect(pass.caches.map(\.output) == fresh.caches.map(\.output))
        #expect(pass.gradients.map(\.weights) == fresh.gradients.map(\.weights))
        #expect(pass.gradients.map(\.bias) == fresh.gradients.map(\.bias))
        #expect(pass.gradients.map(\.output) == fresh.gradients.map(\.output))
        #expect(pass.gradients.map(\.activationParameters) == fresh.gradients.map(\.activationParameters))
    }

    @Test(
        "a pass run into buffers shaped by other batches equals one into fresh buffers",
        arguments: ["tanh", "prelu", "maxout"])
    func reusedPass(_ activation: String) throws {
        let network = try Self.network(activation)
        var pass = NetworkPass<Double>()
        for (rows, seed) in [(7, 1), (12, 2), (1, 3), (12, 4)] as [(Int, UInt64)] {
            let data = try Self.batch(rows: rows, seed: seed)
            var (reusedRNG, freshRNG) = (SeededGenerator(seed: 0), SeededGenerator(seed: 0))
            network.run(&pass, data.inputs, data.targets, training: false, rng: &reusedRNG)
            Self.expectSame(pass, network.gradients(data.inputs, data.targets, training: false, rng: &freshRNG))
        }
    }

    @Test("the trainer keeps the epoch's full-batch pass, until a step changes the weights")
    func lastEvaluation() throws {
        let data = try Self.batch(rows: 10, seed: 9)
        var trainer = try Trainer(
            network: try Self.network("tanh"), settings: OptimizerSettings(kind: .sgd, learningRate: 0.1),
            batchSize: 4, seed: 1)
        #expect(trainer.lastEvaluation == nil)
        let metrics = try trainer.trainEpoch(data)
        let kept = try #require(trainer.lastEvaluation)
        var rng = SeededGenerator(seed: 0)
        Self.expectSame(kept, trainer.network.gradients(data.inputs, data.targets, training: false, rng: &rng))
        #expect(kept.loss == metrics.trainLoss)
        try trainer.step(data)
        #expect(trainer.lastEvaluation == nil)
    }
}

@Suite("Loss-only epochs")
struct LossOnlyEpochTests {
    @Test("without the per-layer metrics an epoch trains the same weights and reports the same loss and accuracy")
    func sameTrainingFewerMetrics() throws {
        let data = try ReusedBufferTests.batch(rows: 30, seed: 6)
        let make = {
            try Trainer(
                network: try ReusedBufferTests.network("tanh"),
                settings: OptimizerSettings(kind: .sgd, learningRate: 0.1),
                batchSize: 4, seed: 1)
        }
        var full = try make()
        var lossOnly = try make()
        lossOnly.measuresLayers = false
        let (a, b) = (try full.trainEpoch(data), try lossOnly.trainEpoch(data))
        #expect(full.network.layers.map(\.weights) == lossOnly.network.layers.map(\.weights))
        #expect(abs(a.trainLoss - b.trainLoss) <= 1e-12 * abs(a.trainLoss))
        #expect(a.trainAccuracy == b.trainAccuracy && a.trainAccuracy != nil)
        #expect(a.layers.count == 3 && b.layers.isEmpty)
        #expect(lossOnly.lastEvaluation == nil, "no full-batch pass was run to keep")
    }
}
