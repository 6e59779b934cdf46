import Foundation

/// Runs `body` on a thread of its own and returns what it returns, never on Swift's cooperative pool.
///
/// For synchronous work that takes long in a debug build (an experiment, 300 epochs of training) or
/// blocks (a socket read from an in-process server, which needs the pool to answer): on the test
/// runner's cooperative threads, one per core and two on CI, such work held up every async test of the
/// run, whose time limits then ran out while they waited. The stack is 8 MiB, as a main thread's.
public func onAThreadOfItsOwn<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// Polls `condition` every `interval` until it holds or `limit` has passed; whether it held. For what a
/// loaded machine does late but must do, where a fixed sleep would make the test depend on its speed.
public func poll(
    within limit: Duration, every interval: Duration = .milliseconds(20), _ condition: () async throws -> Bool
) async throws -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: interval)
    }
    return try await condition()
}
