import Foundation
import Lab

/// The experiments in quick mode, run on demand once per server (a person presses Run on the
/// Experiments tab when no report folder was given): a thread of its own runs them one by one, the
/// page polls the progress, and the finished report is served from a temporary folder until the
/// server stops (the folder goes with this object; each stopped server left 5 MB in the temporary
/// folder). Later requests get the cached report.
final class QuickReport: @unchecked Sendable {
    enum Phase: String, Encodable, Sendable { case idle, running, done, failed }

    /// What the page shows while it waits.
    struct Status: Encodable, Sendable {
        var phase: Phase
        var done: Int
        var total: Int
        /// The experiment running now.
        var current: String?
        var message: String?
        var seconds: Double
    }

    private let lock = NSLock()
    private let experiments: [any Experiment]
    private var status: Status
    private var folder: URL?
    private var started = Date()

    /// The experiments with these ids (all of them when nil).
    init(ids: [String]? = nil) {
        experiments = ids.map { $0.compactMap(Experiments.named) } ?? Experiments.all
        status = Status(phase: .idle, done: 0, total: experiments.count, current: nil, message: nil, seconds: 0)
    }

    deinit {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// The finished report's folder, once there is one.
    var directory: URL? { lock.withLock { folder } }

    var current: Status {
        lock.withLock {
            var s = status
            if s.phase == .running { s.seconds = Date().timeIntervalSince(started) }
            return s
        }
    }

    /// Starts the run unless one is running or done; returns the status either way.
    func start(seed: UInt64 = 1) -> Status {
        let starting: Bool = lock.withLock {
            guard status.phase == .idle || status.phase == .failed else { return false }
            (status, started) = (
                Status(phase: .running, done: 0, total: experiments.count, current: nil, message: nil, seconds: 0),
                Date()
            )
            return true
        }
        if starting { Thread.detachNewThread { self.run(seed: seed) } }
        return current
    }

    private func run(seed: UInt64) {
        do {
            var results: [ExperimentResult] = []
            for experiment in experiments {
                lock.withLock { status.current = experiment.info.title }
                results.append(try Experiments.run(experiment, ExperimentSettings(seed: seed, quick: true)))
                lock.withLock { status.done += 1 }
            }
            let target = FileManager.default.temporaryDirectory.appendingPathComponent(
                "activationlab-quick-report-\(UUID().uuidString)")
            _ = try LabReport(results: results).write(to: target)
            lock.withLock {
                (folder, status.phase, status.current, status.seconds) = (
                    target, .done, nil, Date().timeIntervalSince(started)
                )
            }
        } catch {
            lock.withLock { (status.phase, status.message) = (.failed, "\(error)") }
        }
    }
}
