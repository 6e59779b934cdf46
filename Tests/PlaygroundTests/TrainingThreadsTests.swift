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
                        // Released below; the timeout only keeps a failing run from hanging (5 s ran
                        // out on a machine loaded 5-fold, and the next job started: a false failure).
                        _ = held.wait(timeout: .now() + 120)
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

    /// With one core there are two threads, one for urgent work only. While it is busy, the other
    /// thread must not go from one of a flood's urgent jobs straight to the next: another session's
    /// waiting background job comes in between.
    @Test("after an owner's job, a thread serves another owner's waiting job before the next of the same")
    func anotherOwnerBetweenAFloodsJobs() async throws {
        let threads = TrainingThreads(count: 2)  // as on one core
        let (flooder, other, blocker, starter) = (Owner(), Owner(), Owner(), Owner())
        let (urgentHeld, generalHeld) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        let order = Log()
        // The general thread first (only it takes background work), then the urgent-only one.
        async let generalBusy: Void = threads.run(.background, owner: starter) { () throws(PlaygroundError) in
            order.append("starter"); _ = generalHeld.wait(timeout: .now() + 30)
        }
        while !order.entries.contains("starter") { try await Task.sleep(for: .milliseconds(5)) }
        async let urgentBusy: Void = threads.run(.urgent, owner: blocker) { () throws(PlaygroundError) in
            order.append("blocker"); _ = urgentHeld.wait(timeout: .now() + 30)
        }
        while !order.entries.contains("blocker") { try await Task.sleep(for: .milliseconds(5)) }
        // Both threads held: queue three urgent jobs of the flooder, then one background job of another.
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Each queued before the next is added (a fixed sleep between them let a loaded machine reorder them).
            for index in 1...3 {
                group.addTask { try await threads.run(.urgent, owner: flooder) { () throws(PlaygroundError) in order.append("A\(index)") } }
                while threads.waiting < index { try await Task.sleep(for: .milliseconds(5)) }
            }
            group.addTask { try await threads.run(.background, owner: other) { () throws(PlaygroundError) in order.append("B") } }
            while threads.waiting < 4 { try await Task.sleep(for: .milliseconds(5)) }
            generalHeld.signal()  // the general thread goes on; the urgent one stays held
            try await group.waitForAll()
        }
        urgentHeld.signal()
        _ = try await (urgentBusy, generalBusy)
        let ran = order.entries.filter { $0 != "blocker" && $0 != "starter" }
        #expect(ran == ["A1", "B", "A2", "A3"], "\(ran)")
    }

    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        var entries: [String] { lock.withLock { items } }
        func append(_ entry: String) { lock.withLock { items.append(entry) } }
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
