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
///
/// A job may name its `owner` (its session, whose engine it locks): an owner's jobs run one at a
/// time, and a free thread takes the oldest job whose owner has none running, another owner's before
/// another of the owner it has just served (else, with one core, the one thread that takes both
/// kinds of work could go from one of a flood's urgent jobs to the next and never reach another
/// session's training). A session flooded
/// with requests (a hundred looping steps or frame requests) so holds one thread, not every thread
/// blocked on its engine's lock, and another session's job waits at most for a free thread, not
/// behind the flood (it waited 2–3 s behind 100 looping steps, and trained 2 epochs in 5 s instead
/// of 296 beside 100 looping frame requests).
final class TrainingThreads: @unchecked Sendable {
    /// One pool for the process: a thread per core for training, and one for urgent work only.
    static let shared = TrainingThreads(count: ProcessInfo.processInfo.activeProcessorCount + 1)

    enum Priority { case urgent, background }

    private struct Job {
        let owner: ObjectIdentifier?
        let work: () -> Void
    }

    private let condition = NSCondition()
    private var urgent: [Job] = []
    private var background: [Job] = []
    /// The owners with a job running.
    private var running: Set<ObjectIdentifier> = []

    init(count: Int) {
        for index in 0..<count {
            let thread = Thread { [unowned self] in
                var last: ObjectIdentifier?
                while true {
                    let job = next(urgentOnly: index == 0, after: last)
                    job.work()
                    finished(job)
                    last = job.owner
                }
            }
            thread.name = "playground-training-\(index)"
            thread.start()
        }
    }

    /// Runs `work` on a training thread and returns its result, or throws its error. When `cancellable`,
    /// cancelling the task returns at once with a 503 error (`work` is skipped if it has not started,
    /// and its result dropped if it has): a frame stream then ends at shutdown even while its frame
    /// waits for a long epoch to release the engine (which once made shutdown crash, see `runPlayground`).
    /// `owner`: see the type's notes (nil: a job of no session's, run whenever a thread is free).
    func run<T: Sendable>(
        _ priority: Priority = .urgent, cancellable: Bool = false, owner: AnyObject? = nil,
        _ work: @escaping @Sendable () throws(PlaygroundError) -> T
    ) async throws(PlaygroundError) -> T {
        let waiter = Waiter<T>()
        let job = Job(owner: owner.map(ObjectIdentifier.init)) { waiter.run(work) }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter.start(continuation)
                enqueue(priority, job)
            }
        } onCancel: {
            if cancellable { waiter.cancel() }
        }
        return try result.get()
    }

    private func enqueue(_ priority: Priority, _ job: Job) {
        condition.lock()
        switch priority {
        case .urgent: urgent.append(job)
        case .background: background.append(job)
        }
        condition.broadcast()  // the urgent-only thread may be the one waiting
        condition.unlock()
    }

    /// How many jobs wait for a thread (a test queues jobs in a known order by waiting for this count).
    var waiting: Int {
        condition.lock()
        defer { condition.unlock() }
        return urgent.count + background.count
    }

    /// The oldest urgent job whose owner has none running, else (unless `urgentOnly`) the oldest such
    /// background job, first among the owners other than `last` (the one this thread has just served),
    /// then among all; waits until there is one.
    private func next(urgentOnly: Bool, after last: ObjectIdentifier?) -> Job {
        condition.lock()
        defer { condition.unlock() }
        while true {
            for avoided in last == nil ? [last] : [last, nil] {
                if let job = take(from: &urgent, avoiding: avoided)
                    ?? (urgentOnly ? nil : take(from: &background, avoiding: avoided))
                {
                    return job
                }
            }
            condition.wait()
        }
    }

    /// Removes and returns the first job in `queue` whose owner is free and not `avoided`, marking the
    /// owner busy.
    private func take(from queue: inout [Job], avoiding avoided: ObjectIdentifier?) -> Job? {
        let eligible = { (job: Job) in job.owner.map { !self.running.contains($0) && $0 != avoided } ?? true }
        guard let index = queue.firstIndex(where: eligible) else {
            return nil
        }
        let job = queue.remove(at: index)
        if let owner = job.owner { running.insert(owner) }
        return job
    }

    private func finished(_ job: Job) {
        guard let owner = job.owner else { return }
        condition.lock()
        running.remove(owner)
        condition.broadcast()  // the owner's next job may be waiting for a thread that sleeps
        condition.unlock()
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
