import Foundation
import NeuralNet
import Testing
@testable import Playground

/// Pause between batches: a playing session's slice stops within one batch, and the epoch goes on
/// at Play with the same numbers as if it had never stopped.
@Suite struct PauseMidEpochTests {
    static func config() -> PlaygroundConfig {
        var config = PlaygroundConfig()
        (config.batchSize, config.optimizer, config.learningRate) = (1, .adam, 0.01)
        return config
    }

    @Test func anEpochStoppedBetweenBatchesGoesOnWithTheSameNumbers() throws {
        var straight = try PlaygroundEngine(config: Self.config())
        #expect(straight.train(epochs: 2) == nil)
        var stopped = try PlaygroundEngine(config: Self.config())
        var (calls, batches) = (0, 0)
        while stopped.epoch < 2 && calls < 10_000 {
            calls += 1
            let outcome = stopped.trainEpoch { batches += 1; return batches % 7 != 0 }
            #expect(outcome.pause == nil)
        }
        #expect(calls > 2, "the epochs were stopped in between (\(calls) calls)")
        #expect(stopped.network.layers.map(\.weights) == straight.network.layers.map(\.weights))
        #expect(stopped.records.map(\.trainLoss) == straight.records.map(\.trainLoss))
    }

    @Test func newPointsStartANewEpoch() throws {
        var engine = try PlaygroundEngine(config: Self.config())
        #expect(engine.trainEpoch { false } == (false, nil))
        try engine.add([AddedPoint(x1: 0.5, x2: 0.5, label: 1)])
        var calls = 0
        while engine.epoch < 1 && calls < 10_000 { calls += 1; _ = engine.trainEpoch { true } }
        #expect(calls == 1, "one call trains the whole new epoch over the new points")
    }

    /// A slice stops at Pause within one batch: the session's epoch in progress is left unfinished.
    /// Pause can fall between two epochs by chance, so Play and Pause are tried up to five times; an
    /// epoch of 1-point batches is long, so at least one lands inside an epoch unless Pause waits for
    /// the epoch's end (what this test exists to catch).
    @Test func pauseStopsTheSliceBetweenBatches() async throws {
        let session = PlaygroundSession(id: "t", engine: try PlaygroundEngine(config: Self.config()), sliceBudget: .seconds(30))
        var landedInside = 0
        for _ in 0..<5 where landedInside == 0 {
            await session.play()
            try await Task.sleep(for: .milliseconds(300))
            session.stop()
            let (epoch, inProgress) = try await session.withEngine { (engine, _) in (engine.epoch, engine.trainer.hasEpochInProgress) }
            try await Task.sleep(for: .milliseconds(100))
            let later = try await session.withEngine { (engine, _) in engine.epoch }
            #expect(later == epoch, "nothing trains after Pause")
            if inProgress { landedInside += 1 }
        }
        #expect(landedInside > 0, "Pause never stopped an epoch in between in five tries")
    }
}
