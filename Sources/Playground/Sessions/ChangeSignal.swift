import Foundation

/// Wakes the tasks that wait for a session to change, so that a pull answers as soon as an epoch is
/// trained rather than at its next look (it looked every 10 ms: on the softmax-spiral preset that
/// wait, and the frame interval counted from the end of a build, held the page near 40 updates a
/// second where training made 60 states).
///
/// A waiter reads `mark` before it checks its condition and passes it to `wait`: a change in
/// between ends the wait at once, so no signal is lost.
final class ChangeSignal: @unchecked Sendable {
    /// A wait, from its start to its end: a wake that comes before the waiter is parked ends the
    /// wait as soon as it parks; one that comes after the end finds nothing.
    private enum Slot {
        case starting, woken
        case parked(CheckedContinuation<Void, Never>)
    }

    private let lock = NSLock()
    private var changes = 0
    private var slots: [Int: Slot] = [:]
    private var nextSlot = 0

    /// The number of changes so far.
    var mark: Int { lock.withLock { changes } }

    /// Records a change and wakes every waiter.
    func signal() {
        let ids = lock.withLock {
            changes += 1
            return Array(slots.keys)
        }
        for id in ids { wake(id) }
    }

    /// Returns at the first change after `mark`, after `timeout`, or when the task is cancelled,
    /// whichever comes first.
    func wait(after mark: Int, timeout: Duration) async {
        let id = lock.withLock {
            nextSlot += 1
            slots[nextSlot] = .starting
            return nextSlot
        }
        let timer = Task { [weak self] in
            guard (try? await Task.sleep(for: timeout)) != nil else { return }  // cancelled: the wait is over
            self?.wake(id)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
                let now = lock.withLock {
                    if case .woken = slots[id] { return true }
                    if changes != mark || Task.isCancelled { return true }
                    slots[id] = .parked(waiter)
                    return false
                }
                if now { waiter.resume() }
            }
        } onCancel: {
            wake(id)
        }
        timer.cancel()
        lock.withLock { _ = slots.removeValue(forKey: id) }
    }

    private func wake(_ id: Int) {
        let parked: CheckedContinuation<Void, Never>? = lock.withLock {
            switch slots[id] {
            case .starting:
                slots[id] = .woken
                return nil
            case .parked(let waiter):
                slots[id] = .woken
                return waiter
            case .woken, nil: return nil
            }
        }
        parked?.resume()
    }
}
