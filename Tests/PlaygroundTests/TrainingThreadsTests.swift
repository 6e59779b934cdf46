import Dispatch
import Foundation
import Testing

@testable import Playground

/// The training threads' scheduling: one owner's jobs run one at a time, so a flooded session holds
/// one thread and another session's job still runs. Under a schedule that lets the flood take every
/// thread, the other job runs only when blocked jobs give up (after 5 s each), with several of the
/// flood's jobs started: the count fails the test.
@Suite("TrainingThreads", .timeLimit(.minutes(1)))
struct TrainingThreadsTests {
    final class Owner: Sendable {}

    @Test("a flood of one owner's urgent jobs leaves the other threads to other owners")
    func urgentFloodHoldsOneThread() async throws { try await floodHoldsOneThread(.urgent) }

    @Test("a flood of one owner's background jobs leaves the other threads to other owners")
    func backgroundFloodHoldsOneThread() async throws { try await floodHoldsOneThread(.background) }

    func floodHoldsOneThread(_ priority: TrainingThreads.Priority) async throws {
        let threads = TrainingThreads(count: 3)  // the first takes urgent work only
        let (flooder, other) = (Owner(), Owner())
        let held = DispatchSemaphore(value: 0)
        let started = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {  // every one of them blocks until released: only one may be running
                group.addTask {
                    try await threads.run(priority, owner: flooder) { () throws(PlaygroundError) in
                        started.increment()
                        _ = held.wait(timeout: .now() + 5)
                    }
                }
            }
            while started.value == 0 { try await Task.sleep(for: .milliseconds(5)) }
            // The other owner's job runs although ten of the flooder's wait, one of them blocking.
            let answer = try await threads.run(priority, owner: other) { () throws(PlaygroundError) in 42 }
            #expect(answer == 42)
            #expect(started.value == 1, "the flooder's jobs ran side by side")
            for _ in 0..<10 { held.signal() }
            try await group.waitForAll()
        }
        #expect(started.value == 10)
    }

    @Test("jobs without an owner do not wait for each other")
    func ownerlessJobsRunTogether() async throws {
        let threads = TrainingThreads(count: 3)
        let (first, second) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        async let a: Void = threads.run(.background) { () throws(PlaygroundError) in
            first.signal()
            second.wait()  // released by the second job: both must run at once
        }
        async let b: Void = threads.run(.background) { () throws(PlaygroundError) in
            first.wait()
            second.signal()
        }
        _ = try await (a, b)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }
}
