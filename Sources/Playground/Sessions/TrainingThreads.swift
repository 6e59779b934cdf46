import Foundation

/// The threads that do the sessions' heavy work (training, building frames, rebuilding a network),
/// so that it never runs on Swift's cooperative pool or NIO's event loops, where it would hold up
/// every other request: the threads that answer requests stay free, and the system's scheduler
/// shares the cores between them and these.
///
/// Work comes in two queues: `urgent` (a control or a frame a person waits for) goes before
/// `background` (a slice of a playing session's training), and one thread takes only urgent work,
/// so a control never waits for a free thread behind training. Every job is short: training runs in
/// slices of bounded time, so a control on a training session waits at most for its one slice.
final class TrainingThreads: @unchecked Sendable {
    /// One pool for the process: a thread per core for training, and one for urgent work only.
    static let shared = TrainingThreads(count: ProcessInfo.processInfo.activeProcessorCount + 1)

    enum Priority { case urgent, background }

    private let condition = NSCondition()
    private var urgent: [() -> Void] = []
    private var background: [() -> Void] = []

    init(count: Int) {
        for index in 0..<count {
            let thread = Thread { [unowned self] in
                while true { next(urgentOnly: index == 0)() }
            }
            thread.name = "playground-training-\(index)"
            thread.start()
        }
    }

    /// Runs `work` on a training thread and returns its result, or throws its error. When `cancellable`,
    /// cancelling the task returns at once with a 503 error (`work` is skipped if it has not started,
    /// and its result dropped if it has): a frame stream then ends at shutdown even while its frame
    /// waits for a long epoch to release the engine (which once made shutdown crash, see `runPlayground`).
    func run<T: Sendable>(
        _ priority: Priority = .urgent, cancellable: Bool = false,
        _ work: @escaping @Sendable () throws(PlaygroundError) -> T
    ) async throws(PlaygroundError) -> T {
        let waiter = Waiter<T>()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter.start(continuation)
                enqueue(priority) { waiter.run(work) }
            }
        } onCancel: {
            if cancellable { waiter.cancel() }
        }
        return try result.get()
    }

    private func enqueue(_ priority: Priority, _ job: @escaping () -> Void) {
        condition.lock()
        switch priority {
        case .urgent: urgent.append(job)
        case .background: background.append(job)
        }
        condition.broadcast()  // the urgent-only thread may be the one waiting
        condition.unlock()
    }

    private func next(urgentOnly: Bool) -> () -> Void {
        condition.lock()
        defer { condition.unlock() }
        while urgent.isEmpty && (urgentOnly || background.isEmpty) { condition.wait() }
        return urgent.isEmpty ? background.removeFirst() : urgent.removeFirst()
    }
}

/// One `TrainingThreads.run` call's continuation, resumed exactly once: by the work's result, or
/// first by cancellation.
private final class Waiter<T: Sendable>: @unchecked Sendable {
    typealias Outcome = Result<T, PlaygroundError>
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Outcome, Never>?
    private var cancelled = false

    static var cancellation: PlaygroundError { PlaygroundError(.unavailable, "the server is stopping") }

    func start(_ continuation: CheckedContinuation<Outcome, Never>) {
        lock.lock()
        guard !cancelled else {
            lock.unlock()
            return continuation.resume(returning: .failure(Self.cancellation))
        }
        self.continuation = continuation
        lock.unlock()
    }

    func run(_ work: () throws(PlaygroundError) -> T) {
        lock.lock()
        let skip = cancelled
        lock.unlock()
        guard !skip else { return }
        resume(with: Result { () throws(PlaygroundError) in try work() })
    }

    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
        resume(with: .failure(Self.cancellation))
    }

    private func resume(with outcome: Outcome) {
        lock.lock()
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume(returning: outcome)
    }
}
