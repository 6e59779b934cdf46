import Foundation
import NeuralNet
import Testing

@testable import Playground

/// Pause between batches: a playing session's slice stops within one batch, and the epoch goes on
/// at Play with the same numbers as if it had never stopped.
@Suite struct PauseMidEpochTests {
    /// Training threads of this suite's own (one urgent-only, one for training), alive for the process
    /// as `TrainingThreads.shared` is: its threads hold it unowned.
    static let threads = TrainingThreads(count: 2)
    /// Other pairs, that one test each keeps busy.
    static let waitThreads = TrainingThreads(count: 2)
    static let wallThreads = TrainingThreads(count: 2)

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
            let outcome = stopped.trainEpoch {
                batches += 1; return batches % 7 != 0
            }
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

    /// A step stops at its time limit inside an epoch, which goes on at the next step with the same
    /// numbers: an epoch of slow formulas on 5000 points once held a step (and the server's shutdown)
    /// for seconds past its 5 s limit. The limit is a tenth of an epoch timed here (after one to warm
    /// up), so each step can train only part of one; a step that finished its epoch whatever the limit
    /// takes one call. Each step trains at least one batch, so the epoch ends however slow the machine.
    @Test func aStepStopsAtItsTimeLimitInsideAnEpoch() async throws {
        var timed = try PlaygroundEngine(config: Self.config())
        _ = timed.train(epochs: 1)
        let epochTime = (0..<3).map { _ in ContinuousClock().measure { _ = timed.train(epochs: 1) } }.min()!
        var straight = try PlaygroundEngine(config: Self.config())
        #expect(straight.train(epochs: 1) == nil)
        let session = PlaygroundSession(
            id: "s", engine: try PlaygroundEngine(config: Self.config()), threads: Self.threads)
        var (calls, trained, epoch) = (0, 0, 0)
        while epoch < 1 && calls < 100_000 {
            calls += 1
            trained += try await session.step(epochs: 1, timeLimit: epochTime / 10)
            epoch = try await session.withEngine { (engine, _) in engine.epoch }
        }
        #expect(epoch == 1 && trained == 1, "\(calls) steps, \(trained) epochs reported")
        #expect(calls > 1, "one step trained a whole epoch of \(epochTime) with a limit of a tenth of that")
        let weights = try await session.withEngine { (engine, _) in engine.network.layers.map(\.weights) }
        #expect(weights == straight.network.layers.map(\.weights), "the epoch went on with the same numbers")
    }

    /// Runs `body` while other owners' jobs hold both of `threads` for 2 s (started before it runs).
    static func whileEveryThreadIsBusy(_ threads: TrainingThreads, _ body: () async throws -> Void) async throws {
        final class Other: Sendable {}
        let others = [Other(), Other()]
        let started = TrainingThreadsTests.Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for other in others {
                group.addTask {
                    try await threads.run(.urgent, owner: other) { () throws(PlaygroundError) in
                        started.increment()
                        Thread.sleep(forTimeInterval: 2)
                    }
                }
            }
            while started.value < 2 { try await Task.sleep(for: .milliseconds(5)) }
            try await body()
            try await group.waitForAll()
        }
    }

    /// A step's time limit counts its training, not its wait for a thread: behind other sessions'
    /// jobs that held every thread past the limit (2 s, twice the step's), a step of one epoch trained
    /// one batch and answered "trained 0" (the full suite on a loaded machine failed this way).
    @Test func aStepsWaitForAThreadDoesNotCountAgainstItsLimit() async throws {
        let session = PlaygroundSession(
            id: "w", engine: try PlaygroundEngine(config: Self.config()), threads: Self.waitThreads)
        try await Self.whileEveryThreadIsBusy(Self.waitThreads) {
            // No wall limit to speak of: a starved test runner must not turn this into the wall test below.
            let trained = try await session.step(epochs: 1, timeLimit: .seconds(1), wallLimit: .seconds(3600))
            #expect(trained == 1, "the wait behind the other jobs used up the step's limit")
        }
    }

    /// Waits do not count against a step's time limit, but they cannot hold its request open for
    /// ever: past its wall limit (30 s for a request) a step ends after its first batch. Here every
    /// thread is busy for 2 s, so the first slice waits past a wall limit of 1 s, trains its one batch
    /// and stops, although its training took a fraction of its 10 s and it asked for 1000 epochs.
    @Test func aStepEndsAtItsWallLimitWhateverItsWaits() async throws {
        let session = PlaygroundSession(
            id: "wall", engine: try PlaygroundEngine(config: Self.config()), threads: Self.wallThreads)
        try await Self.whileEveryThreadIsBusy(Self.wallThreads) {
            let trained = try await session.step(epochs: 1000, timeLimit: .seconds(10), wallLimit: .seconds(1))
            let epoch = try await session.withEngine { (engine, _) in engine.epoch }
            #expect(trained == 0 && epoch == 0, "past its wall limit the step trained on: \(trained) epochs, epoch \(epoch)")
        }
    }

    static let closeThreads = TrainingThreads(count: 2)

    /// A session whose steps take long: 1000 epochs of a deep network at batch size 1.
    static func slowSession(_ id: String) throws -> PlaygroundSession {
        var config = Self.config()
        config.networkShape = [16, 16, 16, 16]
        return PlaygroundSession(id: id, engine: try PlaygroundEngine(config: config), threads: Self.closeThreads)
    }

    /// Starts a long step and waits for its first epoch; returns the step's task.
    static func longStep(_ session: PlaygroundSession) async throws -> Task<Int, any Error> {
        let step = Task { try await session.step(epochs: 1000, timeLimit: .seconds(3600), wallLimit: .seconds(3600)) }
        while session.epoch < 1 { try await Task.sleep(for: .milliseconds(5)) }
        return step
    }

    /// A removed session's step stops at its next batch: four steps running or waiting for the session
    /// trained their full 5 s each after its DELETE, and a hostile page could keep a server busy so.
    @Test func aStepStopsWhenItsSessionIsRemoved() async throws {
        let session = try Self.slowSession("closed")
        let step = try await Self.longStep(session)
        session.close()
        let trained = try await step.value
        #expect(trained < 1000, "the step trained on after its session was removed")
        let after = try await session.step(epochs: 5, timeLimit: .seconds(3600))
        #expect(after == 0, "a step of a removed session trained \(after) epochs")
    }

    /// One step at a time per session: a newer step request ends an older one at its next batch.
    @Test func aNewerStepEndsAnOlderOne() async throws {
        let session = try Self.slowSession("newer")
        let older = try await Self.longStep(session)
        let newer = try await session.step(epochs: 1, timeLimit: .seconds(3600))
        let trained = try await older.value
        #expect(newer == 1 && trained < 1000, "newer \(newer), older \(trained) of 1000")
    }

    /// With no time at all, a step trains exactly one batch (a step whose job started after its limit
    /// once trained nothing): the epoch takes as many steps as it has batches.
    @Test func aStepWithNoTimeTrainsOneBatch() async throws {
        let engine = try PlaygroundEngine(config: Self.config())  // batch size 1
        let batches = engine.data.train.count
        let session = PlaygroundSession(id: "b", engine: engine, threads: Self.threads)
        var (calls, epoch) = (0, 0)
        while epoch < 1 && calls <= batches {
            calls += 1
            _ = try await session.step(epochs: 1, timeLimit: .zero)
            epoch = try await session.withEngine { (engine, _) in engine.epoch }
        }
        #expect(epoch == 1 && calls == batches, "\(calls) steps for an epoch of \(batches) batches")
    }

    /// The epoch that reaches the configuration's maximum is counted: a step of 5 at `maxEpochs` 1
    /// answered "trained 0" at epoch 1.
    @Test func theEpochThatReachesTheMaximumIsCounted() async throws {
        var config = Self.config()
        (config.maxEpochs, config.batchSize) = (1, 32)
        let session = PlaygroundSession(id: "m", engine: try PlaygroundEngine(config: config), threads: Self.threads)
        let trained = try await session.step(epochs: 5, timeLimit: .seconds(3600), wallLimit: .seconds(3600))  // the counting, not the limits
        let epoch = try await session.withEngine { (engine, _) in engine.epoch }
        #expect(trained == 1 && epoch == 1, "trained \(trained), epoch \(epoch)")
    }

    /// A slice stops at Pause within one batch: the session's epoch in progress is left unfinished.
    /// Each slice trains a hundred epochs back to back (no pause between frames to fall into), so
    /// Pause lands between two epochs only by the chance of one batch boundary in an epoch's many.
    /// Five tries, so that chance cannot fail the test; a try counts only if training had started
    /// (on a loaded machine a slice can wait), and the session has training threads of its own, so
    /// other suites running at once cannot starve it.
    @Test func pauseStopsTheSliceBetweenBatches() async throws {
        var config = Self.config()
        config.epochsPerFrame = PlaygroundLimits().maxEpochsPerFrame
        let session = PlaygroundSession(
            id: "t", engine: try PlaygroundEngine(config: config),
            threads: Self.threads, sliceBudget: .seconds(30))
        var (landedInside, started, lastEpoch) = (0, 0, 0)
        for attempt in 1...5 where landedInside == 0 {
            try await session.play()
            try await Task.sleep(for: .milliseconds(300 * attempt))
            session.stop()
            let (epoch, inProgress) = try await session.withEngine { (engine, _) in
                (engine.epoch, engine.trainer.hasEpochInProgress)
            }
            try await Task.sleep(for: .milliseconds(100))
            let later = try await session.withEngine { (engine, _) in engine.epoch }
            #expect(later == epoch, "nothing trains after Pause")
            if epoch > lastEpoch || inProgress { started += 1 }
            if inProgress { landedInside += 1 }
            lastEpoch = epoch
        }
        #expect(started > 0, "Play never trained in five tries")
        #expect(landedInside > 0, "Pause never stopped an epoch in between in \(started) tries that trained")
    }
}
