import Testing

@testable import NeuralNet

/// Changing settings mid-run (`Trainer.retune`) and hand-editing weights (`Trainer.replaceNetwork`)
/// keep the optimiser's state, which is what a learner in the Playground expects: turning the learning
/// rate down must not restart Adam's moments.
@Suite("Retuning a trainer mid-run")
struct RetuneTests {
    static let adam = OptimizerSettings(kind: .adam, learningRate: 0.01)

    static func trainer(_ settings: OptimizerSettings = adam) throws -> Trainer<Double> {
        try Trainer(
            network: try ReusedBufferTests.network("tanh"), settings: settings, batchSize: 4, shuffle: false, seed: 1)
    }

    static func steps(_ trainer: inout Trainer<Double>, _ count: Int) throws {
        let data = try ReusedBufferTests.batch(rows: 8, seed: 4)
        for _ in 0..<count { try trainer.step(data) }
    }

    static func weights(_ trainer: Trainer<Double>) -> [Matrix<Double>] { trainer.network.layers.map(\.weights) }

    /// Adam's first step moves every weight by about lr whatever the gradient (bias correction); a
    /// restarted optimiser would take that step again, so this fails if the state were dropped.
    @Test func retuningToTheSameSettingsChangesNothing() throws {
        var straight = try Self.trainer()
        try Self.steps(&straight, 6)
        var retuned = try Self.trainer()
        try Self.steps(&retuned, 3)
        try retuned.retune(Self.adam, batchSize: 4)
        try Self.steps(&retuned, 3)
        #expect(Self.weights(retuned) == Self.weights(straight))
    }

    @Test func aNewLearningRateKeepsTheMoments() throws {
        var faster = Self.adam
        faster.learningRate = 0.02
        var retuned = try Self.trainer()
        try Self.steps(&retuned, 3)
        var restarted = try Trainer(network: retuned.network, settings: faster, batchSize: 4, shuffle: false, seed: 1)
        try retuned.retune(faster, batchSize: 4)
        #expect(retuned.settings.learningRate == 0.02)
        try Self.steps(&retuned, 1)
        try Self.steps(&restarted, 1)
        // A restarted Adam's first step is lr·g/|g| per weight (bias-corrected m̂/√v̂ = ±1); the kept one is not.
        let difference = zip(Self.weights(retuned).last!.storage, Self.weights(restarted).last!.storage).map {
            abs($0 - $1)
        }
        #expect(difference.max()! > 1e-6)
    }

    @Test func anotherKindOfOptimiserStartsFresh() throws {
        let sgd = OptimizerSettings(kind: .sgd, learningRate: 0.05)
        var retuned = try Self.trainer()
        try Self.steps(&retuned, 3)
        var fresh = try Trainer(network: retuned.network, settings: sgd, batchSize: 4, shuffle: false, seed: 1)
        try retuned.retune(sgd, batchSize: 4)
        try Self.steps(&retuned, 2)
        try Self.steps(&fresh, 2)
        #expect(Self.weights(retuned) == Self.weights(fresh))
    }

    @Test func badSettingsAreRejectedAndChangeNothing() throws {
        var trainer = try Self.trainer()
        var bad = Self.adam
        bad.learningRate = -1
        #expect(throws: NeuralNetError.self) { try trainer.retune(bad, batchSize: 4) }
        #expect(throws: NeuralNetError.self) { try trainer.retune(Self.adam, batchSize: 0) }
        #expect(trainer.settings == Self.adam && trainer.batchSize == 4)
    }

    @Test func aHandEditedWeightKeepsTheOptimiser() throws {
        var straight = try Self.trainer()
        try Self.steps(&straight, 6)
        var edited = try Self.trainer()
        try Self.steps(&edited, 3)
        var network = edited.network
        let original = network.layers[0].weights[0, 0]
        network.layers[0].weights[0, 0] = 0.75
        try edited.replaceNetwork(network)
        #expect(edited.network.layers[0].weights[0, 0] == 0.75)
        network.layers[0].weights[0, 0] = original  // and back: the run goes on exactly as before
        try edited.replaceNetwork(network)
        try Self.steps(&edited, 3)
        #expect(Self.weights(edited) == Self.weights(straight))
    }

    @Test func anEditCannotChangeTheShape() throws {
        var trainer = try Self.trainer()
        var rng = SeededGenerator(seed: 2)
        let other = try Network<Double>(
            inputs: 3, hidden: [6], activations: [try HiddenActivation.named("tanh")], outputs: 3,
            head: .softmax, initializer: .glorotUniform, rng: &rng)
        #expect(throws: NeuralNetError.self) { try trainer.replaceNetwork(other) }
    }
}
