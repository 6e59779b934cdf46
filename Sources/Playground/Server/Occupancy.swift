import Foundation

/// How many hold something at once (open connections across the event loops, formulas being
/// evaluated), against a limit; safe from any thread.
final class Occupancy: @unchecked Sendable {
    private let lock = NSLock()
    private var holders = 0
    /// Holders beyond this many are refused (`enter` returns false; they still `leave`).
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Counts one more holder; whether it is within the limit. Every `enter` is paired with a `leave`,
    /// admitted or not.
    func enter() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        holders += 1
        return holders <= limit
    }

    func leave() {
        lock.lock()
        holders -= 1
        lock.unlock()
    }
}
