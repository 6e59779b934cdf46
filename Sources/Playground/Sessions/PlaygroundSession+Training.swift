import Foundation
import NeuralNet

extension PlaygroundSession {
    /// The most a step request trains: this many epochs, and no longer than `stepTimeLimit` (it stops
    /// at the first batch past the limit, mid-epoch if an epoch takes that long).
    static let maxStepEpochs = 1000
    static let stepTimeLimit = Duration.seconds(5)
    /// The most a step request takes from its start, its waits for a training thread included.
    static let stepWallLimit = Duration.seconds(30)

    /// Starts training: a loop of slices on the training threads, paced at most
    /// `framesPerSecond` slices a second, each of the configuration's epochs per frame.
    /// At Max epochs it is refused (`PlaygroundEngine.refuseAtMaxEpochs`).
    public func play(framesPerSecond: Double = PlaygroundLimits().maxFramesPerSecond) async throws(PlaygroundError) {
        noteContact()  // Play is a request for the session (one made without the store's routes too)
        try await withEngine { (engine, pause) throws(PlaygroundError) in
            try engine.refuseAtMaxEpochs("Play")
            pause = nil
        }
        let start = withFlags { flags -> Bool in
            guard !flags.closed else { return false }
            let start = !flags.looping
            if !flags.playing { (flags.playing, flags.version) = (true, flags.version + 1) }
            flags.looping = true
            return start
        }
        if start { Task.detached { await self.playLoop(interval: .seconds(1 / framesPerSecond)) } }
    }

    /// Stops training at once: the flag is read between batches, so the running slice ends within one batch.
    public func stop() {
        withFlags { flags in
            guard flags.playing else { return }
            (flags.playing, flags.version) = (false, flags.version + 1)
        }
    }

    /// Trains up to `epochs` epochs (at most `maxStepEpochs`) and pauses; returns how many it finished.
    /// Slices between which other sessions and controls get their turn. It stops at the first batch
    /// past `timeLimit` (`stepTimeLimit` for a request), whatever is left: an epoch cut short goes on, with the same numbers, at
    /// the next step or Play (a network of slow formulas on 5000 points can take seconds an epoch).
    /// When the server stops, the request returns at once (503) rather than holding up the shutdown.
    @discardableResult
    public func step(epochs: Int = 1) async throws(PlaygroundError) -> Int {
        try await step(epochs: epochs, timeLimit: Self.stepTimeLimit)
    }

    /// `step(epochs:)` with a time limit of the caller's (a test's shorter one). The limit counts the
    /// time the step's slices train, not the time they wait for a training thread: on a busy server a
    /// step of 2 epochs that waited 5 s behind other sessions trained one batch and answered at epoch 0.
    /// Waits do not count, but the request still ends: after its first batch, at most `wallLimit` from
    /// its start (by default `stepWallLimit`, or the time limit if longer), trained or not (many
    /// sessions stepping at once on few threads).
    func step(epochs: Int, timeLimit: Duration, wallLimit: Duration? = nil) async throws(PlaygroundError) -> Int {
        try await timedStep(epochs: epochs, timeLimit: timeLimit, wallLimit: wallLimit).trained
    }

    /// `step(epochs:timeLimit:wallLimit:)`, and the time its slices trained, the count the time limit
    /// applies to (the step's answer gives it: the request's own time adds the waits for a thread).
    func timedStep(
        epochs: Int, timeLimit: Duration = stepTimeLimit, wallLimit: Duration? = nil
    ) async throws(PlaygroundError) -> (trained: Int, training: Duration) {
        // From the start: the check below is a job that can wait for a thread too.
        let wallDeadline = ContinuousClock.now + (wallLimit ?? max(timeLimit, Self.stepWallLimit))
        stop()
        let generation = withFlags { flags in
            flags.stepGeneration += 1
            return flags.stepGeneration
        }
        // Still the session's newest step, and the session still open: a removed session trains no more.
        let current = { @Sendable in self.withFlags { $0.stepGeneration == generation && !$0.closed } }
        try await withEngine { (engine, _) throws(PlaygroundError) in try engine.refuseAtMaxEpochs("Step") }
        let clock = TrainingClock(limit: timeLimit)
        let inTime = { @Sendable in clock.inTime && ContinuousClock.now < wallDeadline && current() }
        var remaining = min(max(epochs, 1), Self.maxStepEpochs)
        var trained = 0
        var first = true  // trains at least one batch
        while remaining > 0 && (first || inTime()) && current() {
            let (done, paused) = try await trainSlice(
                upTo: remaining, priority: .urgent, wholeEpochs: false, cancellable: true, firstBatchAlways: first,
                clock: clock, while: inTime)
            (trained, remaining, first) = (trained + done, remaining - done, false)
            if paused { break }
        }
        return (trained, clock.spent)
    }

    private func playLoop(interval: Duration) async {
        let clock = ContinuousClock()
        while true {
            let (keepGoing, unwatched) = withFlags { flags -> (Bool, Bool) in
                if !flags.playing || flags.closed { flags.looping = false }
                return (flags.looping, clock.now - flags.lastContact > unwatchedPause)
            }
            guard keepGoing else { return }
            if unwatched {
                await pauseUnwatched()
                continue
            }
            let start = clock.now
            _ = try? await trainSlice(upTo: nil, priority: .background, wholeEpochs: false, while: { self.playing })
            try? await clock.sleep(until: max(start + interval, clock.now + .milliseconds(1)))
        }
    }

    /// Pauses a playing session nobody has asked about for `unwatchedPause` (a tab closed without its
    /// `DELETE`, or hidden: the page stops pulling frames), saying why in the frame's pause.
    func pauseUnwatched() async {
        let value = unwatchedPause.inSeconds
        let seconds = value == value.rounded() ? "\(Int(value))" : "\(value)"
        let unwatchedPause = self.unwatchedPause
        let paused = try? await withEngine { (engine, pause) -> Bool in
            // A pull or a Play may have come while this job waited for a thread: then it is watched.
            let unwatched = self.withFlags { ContinuousClock.now - $0.lastContact > unwatchedPause }
            guard self.playing, unwatched else { return false }
            pause = PlaygroundEngine.Pause(
                message: "Paused: no page asked for this session's frames for \(seconds) s (its tab was closed, "
                    + "hidden or asleep), so it stopped training to free the server. Press Play to go on.",
                isError: false)
            self.changed(epoch: engine.epoch, playing: false)
            return true
        }
        if paused != false { stop() }  // paused, or the engine could not be reached
    }

    /// Trains up to `epochs` epochs (nil: the configuration's epochs per frame), while `shouldGo()` holds
    /// (first asked after one batch when `firstBatchAlways`) and for at most `sliceBudget` (at least one
    /// epoch, or with `wholeEpochs` false one batch: then
    /// both are also checked between batches, so Pause and a control wait for one batch, not for an
    /// epoch, and the epoch goes on in the next slice with the same numbers). Returns how many epochs
    /// it finished and whether training paused by itself.
    private func trainSlice(
        upTo epochs: Int?, priority: TrainingThreads.Priority, wholeEpochs: Bool, cancellable: Bool = false,
        firstBatchAlways: Bool = false, clock: TrainingClock? = nil, while shouldGo: @escaping @Sendable () -> Bool
    ) async throws(PlaygroundError) -> (Int, Bool) {
        let budget = sliceBudget
        return try await withEngine(priority, cancellable: cancellable) { (engine, pause) in
            clock?.start()
            defer { clock?.stop() }
            let deadline = ContinuousClock.now + budget
            let midEpoch = { wholeEpochs || (shouldGo() && ContinuousClock.now < deadline) }
            let epochs = epochs ?? engine.config.epochsPerFrame
            var (done, first) = (0, firstBatchAlways)
            while done < epochs && (first || shouldGo()) {
                first = false  // `trainEpoch` trains one batch before it asks `midEpoch`
                let outcome = engine.trainEpoch(while: midEpoch)
                if outcome.finished { done += 1 }  // also the epoch that reached maxEpochs or the stop loss
                if let reason = outcome.pause {
                    pause = reason
                    self.changed(epoch: engine.epoch, playing: false)
                    return (done, true)
                }
                guard outcome.finished else { break }
                if ContinuousClock.now >= deadline { break }
            }
            // A slice that stopped mid-epoch changes nothing the page is told about: frames follow
            // finished epochs (a frame mid-epoch would need its own pass over the training set).
            if done > 0 { self.changed(epoch: engine.epoch) }
            return (done, false)
        }
    }

    // MARK: Frames

    /// The most epoch records a frame carries (about 250 bytes each on the 16×16 preset): a frame that
    /// follows another carries at most `maxDeltaRecords` of the epochs since, evenly spaced and the
    /// newest always included, however far the page fell behind; a whole frame (the first, or after a
    /// reset) at most `maxWholeRecords` of the run's history. The loss chart draws them as they come.
    static let maxDeltaRecords = 30
    static let maxWholeRecords = 120

    /// What a stream that has sent up to `cursor` sends next, encoded; nil when nothing changed.
    func encodedFrame(after cursor: StreamCursor?) async -> ([UInt8], StreamCursor)? {
        if let cursor, cursor.version == version { return nil }
        // Background, as training: a stream is paced, and controls must not queue behind frames.
        // Cancellable: at shutdown the stream must not wait for an epoch to end.
        return try? await withEngine(.background, cancellable: true) { (engine, pause) in
            guard let (frame, next) = self.frame(engine, pause, after: cursor) else { return nil }
            return (JSONBody.encode(frame), next)
        }
    }

    /// The newest frame, whole; `.background` for a request nobody's control should wait behind
    /// (`GET /api/sessions/{id}`, which any client can send in a loop: at `.urgent` six such loops held
    /// up another session's configuration change for 1.3 s).
    func currentFrame(_ priority: TrainingThreads.Priority = .urgent) async -> Frame {
        try! await withEngine(priority) { (engine, pause) in self.frame(engine, pause, after: nil)!.0 }
    }

    /// The frame that follows `cursor` (new records, the points if they changed), nil when nothing
    /// changed unless `always`; with what the page shows (`shown`: its focus unit at full size, the
    /// collapse's maps or not).
    func frame(
        _ engine: PlaygroundEngine, _ pause: PlaygroundEngine.Pause?, after cursor: StreamCursor?,
        shown: Shown = .everything, always: Bool = false
    ) -> (Frame, StreamCursor)? {
        let flags = withFlags { $0 }
        if let cursor, cursor.version == flags.version, !always { return nil }
        let sameRun = cursor?.run == flags.run
        let records = engine.chartRecords.filter { !sameRun || $0.epoch > cursor!.epoch || $0.epoch == 0 }
            .thinned(to: sameRun ? Self.maxDeltaRecords : Self.maxWholeRecords)
        let pointsChanged = cursor?.dataVersion != engine.dataVersion || !sameRun
        let content = engine.frameContent(includeInputs: pointsChanged, shown: shown)
        let frame = Frame(
            version: flags.version, run: flags.run, epoch: engine.epoch, playing: flags.playing,
            pause: pause ?? (engine.epoch == 0 ? PlaygroundEngine.initialPause(records.first) : nil),
            records: records,
            problem: engine.config.problem.rawValue, head: engine.head.rawValue, classCount: engine.data.classCount,
            classNames: engine.data.rawTrain.classNames, config: engine.config, network: content.network,
            grids: content.grids,
            collapse: content.collapse, points: pointsChanged ? engine.pointsView() : nil,
            dataVersion: engine.dataVersion,
            frameMilliseconds: content.milliseconds)
        return (
            frame,
            StreamCursor(version: flags.version, run: flags.run, epoch: engine.epoch, dataVersion: engine.dataVersion)
        )
    }
}

/// What a stream has sent so far.
struct StreamCursor: Sendable, Equatable {
    var version: Int
    var run: Int
    var epoch: Int
    var dataVersion: Int
}

extension PlaygroundEngine {
    func pointsView() -> PointsView {
        func rows(_ d: Dataset) -> [[Float]] {
            let labels: [Float] =
                switch d.labels {
                case .classes(let c, _): c.map(Float.init)
                case .values(let v): v.storage.map(Float.init)
                }
            return (0..<d.count).map { [Float(d.inputs[$0, 0]), Float(d.inputs[$0, 1]), labels[$0]] }
        }
        return PointsView(
            train: rows(data.rawTrain), test: rows(data.rawTest), added: added.map { [$0.x1, $0.x2, $0.label] },
            warnings: config.dataset == PlaygroundLimits.customDataset && uploaded != nil ? uploadWarnings : [])
    }
}

/// The time a step has spent training: its slices' running time, without their waits for a thread.
final class TrainingClock: @unchecked Sendable {  // every field behind `lock`
    private let lock = NSLock()
    private let limit: Duration
    private var finished = Duration.zero  // by the slices that have stopped
    private var since: ContinuousClock.Instant?

    init(limit: Duration) { self.limit = limit }

    /// A slice starts running.
    func start() { lock.withLock { since = .now } }

    /// The slice stopped running.
    func stop() {
        lock.withLock {
            if let since { finished += .now - since }
            since = nil
        }
    }

    /// The time the slices have run so far, the running one's included.
    var spent: Duration { lock.withLock { spentSoFar } }
    private var spentSoFar: Duration { finished + (since.map { .now - $0 } ?? .zero) }

    /// Whether the time spent so far, the running slice's included, is within the limit.
    var inTime: Bool { lock.withLock { spentSoFar < limit } }
}
