import Foundation
import NeuralNet

/// One browser tab: an engine, whether it is playing, and what its stream has already sent.
///
/// The engine is only touched on the training threads (`TrainingThreads`), under `engineLock`, in
/// jobs of bounded time; a request waits for its job without holding a thread of Swift's pool. The
/// small `flags` (playing, version) are read and written at once from anywhere, so Pause and a
/// stream's "anything new?" never wait for training.
public final class PlaygroundSession: @unchecked Sendable {
    /// The random id that names the session in its URLs (`/api/sessions/{id}`).
    public let id: String
    let threads: TrainingThreads
    /// How long one job of training may hold the engine; a control waits at most this (plus one epoch).
    let sliceBudget: Duration
    /// How long a playing session trains with no request for it before it pauses by itself.
    let unwatchedPause: Duration
    private let engineLock = NSLock()
    private var engine: PlaygroundEngine
    private var pause: PlaygroundEngine.Pause?
    private let flagLock = NSLock()
    private var flags = Flags()
    /// What `pull` sent last, the base of the next delta; read and written only inside `withEngine`.
    var pullBase: PullBase?
    /// Signalled when a change a waiting pull looks for is made to the flags.
    let changes = ChangeSignal()

    struct Flags {
        var playing = false
        /// Whether a play loop is running (at most one per session).
        var looping = false
        /// Bumped by every change; a stream sends a frame when it differs from the last one sent.
        var version = 0
        /// Bumped by Reset (and anything that resets): the page clears its charts.
        var run = 0
        var epoch = 0
        /// The newest stream; an older one stops (one stream per tab).
        var streamGeneration = 0
        var closed = false
        /// The frame `pull` sent last: a pull that acknowledges it waits until something differs.
        var lastPull: PullMark?
        var lastPullAt: ContinuousClock.Instant?
        /// The newest pull; an older one still waiting gives up (one reader per tab).
        var pullGeneration = 0
        /// The newest step request; an older one still training stops at its next batch (one step at a
        /// time per session: four at once trained 20 s, and went on after the session was removed).
        var stepGeneration = 0
        /// The last request for this session (a control, a pull, a stream's frame): a playing session
        /// nobody asked about for `unwatchedPause` pauses.
        var lastContact = ContinuousClock.now

        /// What a waiting pull looks for: a new state, a newer pull, the session closed.
        var watched: [Int] { [version, pullGeneration, closed ? 1 : 0] }
    }

    init(
        id: String, engine: PlaygroundEngine, threads: TrainingThreads = .shared,
        sliceBudget: Duration = .milliseconds(25), unwatchedPause: Duration = .seconds(30)
    ) {
        (self.id, self.engine, self.threads, self.sliceBudget, self.unwatchedPause) = (
            id, engine, threads, sliceBudget, unwatchedPause
        )
    }

    /// Notes a request for this session (the store does, for every one): it keeps a playing session playing.
    func noteContact() { withFlags { $0.lastContact = ContinuousClock.now } }

    // MARK: Locked state

    /// Reads or changes the flags; a change a pull waits for wakes it (`changes`).
    func withFlags<T>(_ body: (inout Flags) -> T) -> T {
        flagLock.lock()
        let before = flags.watched
        let result = body(&flags)
        let changed = flags.watched != before
        flagLock.unlock()
        if changed { changes.signal() }
        return result
    }

    /// Runs `body` with the engine on a training thread (`.urgent`: before any training slice);
    /// `cancellable`: see `TrainingThreads.run`.
    func withEngine<T: Sendable>(
        _ priority: TrainingThreads.Priority = .urgent, cancellable: Bool = false,
        _ body: @escaping @Sendable (inout PlaygroundEngine, inout PlaygroundEngine.Pause?) throws(PlaygroundError) -> T
    )
        async throws(PlaygroundError) -> T
    {
        try await threads.run(priority, cancellable: cancellable, owner: self) { () throws(PlaygroundError) in
            self.engineLock.lock()
            defer { self.engineLock.unlock() }
            return try body(&self.engine, &self.pause)
        }
    }

    /// Records a change made while holding the engine.
    func changed(epoch: Int, resetting: Bool = false, playing: Bool? = nil) {
        withFlags {
            $0.version += 1
            if resetting { $0.run += 1 }
            if let playing { $0.playing = playing }
            $0.epoch = epoch
        }
    }

    /// A counter bumped by every change; a stream sends a frame when it differs from the last one sent.
    public var version: Int { withFlags { $0.version } }
    /// Whether the session is training on its own (Play).
    public var playing: Bool { withFlags { $0.playing } }
    /// The engine's epoch count at its last recorded change.
    public var epoch: Int { withFlags { $0.epoch } }

    // MARK: Controls

    /// Changes the engine with `body` and records the change.
    func control(
        resetting: Bool = false, stopping: Bool = false,
        _ body: @escaping @Sendable (inout PlaygroundEngine) throws(PlaygroundError) -> Void
    ) async throws(PlaygroundError) {
        try await control(resetting: resetting, stopping: stopping, body) { _ in }
    }

    /// `control(resetting:stopping:_:)`, answering what `answer` reads of the engine and the session
    /// once the change is recorded, while the engine is still held (so no other change comes between).
    func control<Answer: Sendable>(
        resetting: Bool = false, stopping: Bool = false,
        _ body: @escaping @Sendable (inout PlaygroundEngine) throws(PlaygroundError) -> Void,
        answer: @escaping @Sendable (PlaygroundEngine) -> Answer
    ) async throws(PlaygroundError) -> Answer {
        try await withEngine { (engine, pause) throws(PlaygroundError) in
            try body(&engine)
            if resetting || stopping { pause = nil }
            self.changed(epoch: engine.epoch, resetting: resetting, playing: stopping ? false : nil)
            return answer(engine)
        }
    }

    /// A setup the server made (an upload's `custom` dataset, an imported model's configuration) and the
    /// version of the change that made it.
    public struct Setup: Sendable {
        /// The configuration after the change.
        public let config: PlaygroundConfig
        /// The session's ``PlaygroundSession/version`` right after the change.
        public let version: Int
    }

    /// Runs a control that makes a new setup, stopping and resetting, and reads the setup and its version
    /// while it still holds the engine, so that no other change of the setup comes between them (a Pause
    /// may bump the version without one).
    private func setupControl(
        _ body: @escaping @Sendable (inout PlaygroundEngine) throws(PlaygroundError) -> Void
    ) async throws(PlaygroundError) -> Setup {
        try await control(resetting: true, stopping: true, body) { engine in Setup(config: engine.config, version: self.version) }
    }

    /// Back to the initial weights of the same seed; the data stay and the page's charts restart.
    public func reset() async throws(PlaygroundError) {
        try await control(resetting: true) { (e) throws(PlaygroundError) in try e.reset() }
    }

    /// New initial weights from `seed`, then a reset.
    public func reseed(_ seed: UInt64) async throws(PlaygroundError) {
        try await control(resetting: true) { (e) throws(PlaygroundError) in try e.reseed(seed) }
    }

    /// New points from the data seed `seed`; the network keeps training on them.
    public func regenerate(_ seed: UInt64) async throws(PlaygroundError) {
        try await control { (e) throws(PlaygroundError) in try e.regenerate(seed) }
    }

    /// Applies a new configuration (see `PlaygroundEngine.apply(_:)`) and says whether it kept the
    /// network, reset it, or regenerated the data, with the setup and version the change made (read
    /// while the engine is still held: read after, they could be a later change's).
    public func apply(_ config: PlaygroundConfig) async throws(PlaygroundError)
        -> (change: PlaygroundEngine.Change, setup: Setup)
    {
        try await withEngine { (engine, pause) throws(PlaygroundError) in
            let change = try engine.apply(config)
            if change != .kept { pause = nil }
            self.changed(epoch: engine.epoch, resetting: change != .kept)
            return (change, Setup(config: engine.config, version: self.version))
        }
    }

    /// Sets one weight, or a unit's bias when `from` is nil (see `PlaygroundEngine.setWeight(layer:from:to:value:)`).
    public func setWeight(layer: Int, from: Int?, to: Int, value: Double) async throws(PlaygroundError) {
        try await control { (e) throws(PlaygroundError) in
            try e.setWeight(layer: layer, from: from, to: to, value: value)
        }
    }

    /// Adds clicked points to the training set, all or none; the network keeps its weights.
    public func add(_ points: [AddedPoint]) async throws(PlaygroundError) {
        try await control { (e) throws(PlaygroundError) in try e.add(points) }
    }

    /// Removes the clicked points.
    public func clearAdded() async throws(PlaygroundError) {
        try await control { (e) throws(PlaygroundError) in try e.clearAdded() }
    }

    /// Loads 2-D points from CSV text as the `custom` dataset; stops playing and resets. Returns the
    /// setup it made, which the page takes up with the answer (before any frame shows it).
    @discardableResult
    public func upload(csv: String, header: Bool) async throws(PlaygroundError) -> Setup {
        try await setupControl { (e) throws(PlaygroundError) in try e.upload(csv: csv, header: header) }
    }

    /// Loads an exported model (see `PlaygroundEngine.importModel(_:)`); stops playing and resets.
    /// Returns the model's setup, as `upload` does.
    @discardableResult
    public func importModel(_ json: Data) async throws(PlaygroundError) -> Setup {
        try await setupControl { (e) throws(PlaygroundError) in try e.importModel(json) }
    }

    /// The model file with the page's configuration and points (see `PlaygroundEngine.exportModel()`);
    /// empty data if the engine could not be reached.
    public func exportModel() async -> Data {
        (try? await withEngine { (engine, _) in engine.exportModel() }) ?? Data()
    }

    // MARK: Streams

    /// Starts a stream, ending any older one of this tab.
    func openStream() -> Int {
        withFlags {
            $0.streamGeneration += 1; return $0.streamGeneration
        }
    }

    func isCurrent(stream generation: Int) -> Bool { withFlags { $0.streamGeneration == generation && !$0.closed } }

    /// Stops training for good (the session was removed).
    func close() { withFlags { ($0.closed, $0.playing) = (true, false) } }
}
