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

    /// Runs `work` on a training thread and returns its result, or throws its error.
    func run<T: Sendable>(_ priority: Priority = .urgent,
                          _ work: @escaping @Sendable () throws(PlaygroundError) -> T) async throws(PlaygroundError) -> T {
        let result: Result<T, PlaygroundError> = await withCheckedContinuation { continuation in
            enqueue(priority) { continuation.resume(returning: Result { () throws(PlaygroundError) in try work() }) }
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
