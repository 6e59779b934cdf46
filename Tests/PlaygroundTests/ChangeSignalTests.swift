import Foundation
import Testing

@testable import Playground

/// The signal that wakes a waiting pull. Each wait here has a timeout of an hour and the suite a
/// limit of a minute: a wait that missed its wake-up fails the suite instead of returning late.
@Suite("ChangeSignal", .timeLimit(.minutes(1)))
struct ChangeSignalTests {
    static let never = Duration.seconds(3600)

    @Test("a change made after the mark was read ends the wait at once (no signal is lost)")
    func changeBeforeTheWait() async {
        let signal = ChangeSignal()
        let mark = signal.mark
        signal.signal()
        await signal.wait(after: mark, timeout: Self.never)
        #expect(signal.mark == mark + 1)
    }

    @Test("a signal wakes every parked waiter")
    func signalWakesWaiters() async throws {
        let signal = ChangeSignal()
        let mark = signal.mark
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { await signal.wait(after: mark, timeout: Self.never) } }
            try await Task.sleep(for: .milliseconds(100))  // most likely parked by now; either way they must end
            signal.signal()
            try await group.waitForAll()
        }
    }

    @Test("the timeout ends a wait nothing signals")
    func timeout() async {
        let signal = ChangeSignal()
        await signal.wait(after: signal.mark, timeout: .milliseconds(20))
        await signal.wait(after: signal.mark, timeout: .zero)
    }

    @Test("cancelling the waiting task ends the wait")
    func cancellation() async {
        let signal = ChangeSignal()
        let waiter = Task { await signal.wait(after: signal.mark, timeout: Self.never) }
        try? await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        await waiter.value
    }

    /// The pull test's own training threads (alive for the process, as `TrainingThreads.shared` is).
    static let threads = TrainingThreads(count: 2)

    @Test("a session's pull waiting for news answers when an epoch is trained, not at its timeout")
    func pullWakesOnChange() async throws {
        // A pull gives up after `maxPullWait` (10 s) whatever it asks for. On a loaded machine (a CI run,
        // every suite starting at once) the step can wait that long for a training thread: then the pull
        // rightly ends empty, the test cannot tell, and it tries once more with a fresh session.
        // Training threads of its own: behind the shared pool's jobs of every other suite running at once,
        // the step waited past the pull's 10 s twice in one full run (23:37 UTC, 7 Dec).
        for _ in 0..<2 {
            let session = try PlaygroundSession(
                id: "s", engine: PlaygroundEngine(config: PlaygroundConfig()), threads: Self.threads)
            _ = try #require(await session.pull(after: nil, shown: .everything, wait: Self.never))  // frame 1, whole
            let start = ContinuousClock.now
            // Acknowledging frame 1, the pull waits for news (at most 10 s: nil then).
            async let next = session.pull(after: 1, shown: .everything, wait: Self.never)
            try await Task.sleep(for: .milliseconds(100))
            _ = try await session.step(epochs: 1, timeLimit: .seconds(3600), wallLimit: .seconds(3600))  // one whole epoch, however slow
            let trainedAfter = ContinuousClock.now - start
            if let bytes = await next {
                #expect(!bytes.isEmpty)
                return
            }
            // Empty: a missed wake-up, unless the epoch came only after the pull had given up.
            guard trainedAfter >= PlaygroundSession.maxPullWait - .milliseconds(500) else {
                Issue.record("the pull ended empty though the epoch was trained \(trainedAfter) after it began")
                return
            }
        }
        Issue.record("twice, an epoch took longer to train than a pull waits (\(PlaygroundSession.maxPullWait))")
    }
}
