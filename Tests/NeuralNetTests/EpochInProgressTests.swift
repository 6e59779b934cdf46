import Testing

@testable import NeuralNet

/// An epoch stopped between batches (`Trainer.trainEpoch(_:test:while:)`, what a Playground pause
/// does) and gone on with later gives the same numbers, bit for bit, as the epoch trained in one go.
@Suite struct EpochInProgressTests {
    static func trainer(batchSize: Int) throws -> Trainer<Double> {
        try Trainer(
            network: try ReusedBufferTests.network("tanh"), settings: RetuneTests.adam, batchSize: batchSize,
            shuffle: true, seed: 9)
    }

    /// Trains `epochs` epochs, stopping every `every` batches (nil: never), and returns each epoch's metrics.
    static func run(epochs: Int, batchSize: Int, stoppingEvery every: Int?) throws -> (
        Trainer<Double>, [EpochMetrics], stops: Int
    ) {
        var trainer = try trainer(batchSize: batchSize)
        let (data, test) = (
            try ReusedBufferTests.batch(rows: 37, seed: 3), try ReusedBufferTests.batch(rows: 11, seed: 4)
        )
        var (metrics, stops) = ([EpochMetrics](), 0)
        while metrics.count < epochs {
            var batches = 0
            let done = try trainer.trainEpoch(data, test: test) {
                batches += 1
                return every.map { batches % $0 != 0 } ?? true
            }
            if let done { metrics.append(done) } else { stops += 1 }
            #expect(trainer.hasEpochInProgress == (done == nil))
        }
        return (trainer, metrics, stops)
    }

    @Test(arguments: [(1, 3), (4, 2), (5, 1)])
    func stoppingBetweenBatchesChangesNoNumber(batchSize: Int, every: Int) throws {
        let (straight, expected, none) = try Self.run(epochs: 3, batchSize: batchSize, stoppingEvery: nil)
        let (stopped, got, stops) = try Self.run(epochs: 3, batchSize: batchSize, stoppingEvery: every)
        #expect(none == 0 && stops >= 3, "stopped \(stops) times")
        #expect(stopped.network.layers.map(\.weights) == straight.network.layers.map(\.weights))
        #expect(stopped.network.layers.map(\.bias) == straight.network.layers.map(\.bias))
        #expect(got.map(\.trainLoss) == expected.map(\.trainLoss) && got.map(\.testLoss) == expected.map(\.testLoss))
        #expect(stopped.epoch == 3)
    }

    @Test func aStoppedEpochTrainsAtLeastOneBatchPerCallAndCanBeDiscarded() throws {
        var trainer = try Self.trainer(batchSize: 4)
        let data = try ReusedBufferTests.batch(rows: 12, seed: 3)
        let before = trainer.network.layers.map(\.weights)
        #expect(try trainer.trainEpoch(data, while: { false }) == nil, "three batches: stopped after the first")
        #expect(trainer.network.layers.map(\.weights) != before, "one batch was trained")
        #expect(trainer.hasEpochInProgress && trainer.epoch == 0)
        trainer.discardEpochInProgress()
        #expect(!trainer.hasEpochInProgress)
        #expect(try trainer.trainEpoch(data, while: { true }) != nil && trainer.epoch == 1)
    }
}
