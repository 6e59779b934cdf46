import Foundation
import NeuralNet

/// One browser tab: an engine, whether it is playing, and what its stream has already sent.
/// Every control goes through this actor, so a tab's requests and its stream never race.
public actor PlaygroundSession {
    public nonisolated let id: String
    public private(set) var engine: PlaygroundEngine
    public private(set) var playing = false
    private var pause: PlaygroundEngine.Pause?
    /// Bumped by every change; a stream sends a frame when it differs from the last one sent.
    public private(set) var version = 0
    /// Bumped by Reset (and anything that resets): the page clears its charts.
    public private(set) var run = 0
    /// The newest stream; an older one stops (one stream per tab).
    private var streamGeneration = 0

    init(id: String, engine: PlaygroundEngine) { (self.id, self.engine) = (id, engine) }

    private func changed(resetting: Bool = false) {
        version += 1
        if resetting { run += 1 }
    }

    // MARK: Controls

    public func play() {
        guard !playing else { return }
        (playing, pause) = (true, nil)
        changed()
    }

    public func stop() {
        guard playing else { return }
        playing = false
        changed()
    }

    /// Trains `epochs` epochs now and pauses.
    public func step(epochs: Int = 1) {
        playing = false
        pause = engine.train(epochs: min(max(epochs, 1), 1000))
        changed()
    }

    /// While playing: trains one frame's worth of epochs. Returns whether anything changed.
    func advance() -> Bool {
        guard playing else { return false }
        if let reason = engine.train(epochs: engine.config.epochsPerFrame) { (playing, pause) = (false, reason) }
        changed()
        return true
    }

    public func reset() throws(PlaygroundError) {
        try engine.reset()
        pause = nil
        changed(resetting: true)
    }

    public func reseed(_ seed: UInt64) throws(PlaygroundError) {
        try engine.reseed(seed)
        pause = nil
        changed(resetting: true)
    }

    public func regenerate(_ seed: UInt64) throws(PlaygroundError) {
        try engine.regenerate(seed)
        changed()
    }

    public func apply(_ config: PlaygroundConfig) throws(PlaygroundError) -> PlaygroundEngine.Change {
        let change = try engine.apply(config)
        if change != .kept { pause = nil }
        changed(resetting: change != .kept)
        return change
    }

    public func setWeight(layer: Int, from: Int?, to: Int, value: Double) throws(PlaygroundError) {
        try engine.setWeight(layer: layer, from: from, to: to, value: value)
        changed()
    }

    public func add(_ points: [AddedPoint]) throws(PlaygroundError) {
        try engine.add(points)
        changed()
    }

    public func clearAdded() throws(PlaygroundError) {
        try engine.clearAdded()
        changed()
    }

    public func upload(csv: String, header: Bool) throws(PlaygroundError) {
        try engine.upload(csv: csv, header: header)
        (playing, pause) = (false, nil)
        changed(resetting: true)
    }

    public func importModel(_ json: Data) throws(PlaygroundError) {
        try engine.importModel(json)
        (playing, pause) = (false, nil)
        changed(resetting: true)
    }

    public func exportModel() -> Data { engine.exportModel() }

    // MARK: Frames

    /// Starts a stream, ending any older one of this tab.
    func openStream() -> Int {
        streamGeneration += 1
        return streamGeneration
    }

    func isCurrent(stream generation: Int) -> Bool { generation == streamGeneration }

    /// What a stream that has sent up to `cursor` sends next; nil when nothing changed.
    func frame(after cursor: StreamCursor?) -> (Frame, StreamCursor)? {
        if let cursor, cursor.version == version { return nil }
        let sameRun = cursor?.run == run
        let records = engine.chartRecords.filter { !sameRun || $0.epoch > cursor!.epoch || $0.epoch == 0 }
        let pointsChanged = cursor?.dataVersion != engine.dataVersion || !sameRun
        let content = engine.frameContent(includeInputs: pointsChanged)
        let frame = Frame(
            version: version, run: run, epoch: engine.epoch, playing: playing, pause: pause, records: records,
            problem: engine.config.problem.rawValue, head: engine.head.rawValue, classCount: engine.data.classCount,
            classNames: engine.data.rawTrain.classNames, config: engine.config, network: content.network, grids: content.grids,
            collapse: content.collapse, points: pointsChanged ? engine.pointsView() : nil, dataVersion: engine.dataVersion,
            frameMilliseconds: content.milliseconds)
        return (frame, StreamCursor(version: version, run: run, epoch: engine.epoch, dataVersion: engine.dataVersion))
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
        func rows(_ d: Dataset) -> [[Double]] {
            let labels: [Double] = switch d.labels {
            case .classes(let c, _): c.map(Double.init)
            case .values(let v): v.storage
            }
            return (0..<d.count).map { [d.inputs[$0, 0], d.inputs[$0, 1], labels[$0]] }
        }
        return PointsView(train: rows(data.rawTrain), test: rows(data.rawTest), added: added.map { [$0.x1, $0.x2, $0.label] },
                          warnings: config.dataset == PlaygroundLimits.customDataset && uploaded != nil ? uploadWarnings : [])
    }
}
