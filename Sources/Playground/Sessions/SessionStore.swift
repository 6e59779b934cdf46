import ActivationFunctions
import Foundation

/// The open sessions, one per browser tab: created on request, found by id, and removed when
/// idle (no request and no open stream for `limits.idleSeconds`). At most `limits.maxSessions`.
public actor SessionStore {
    /// The limits every session of this store is built and checked with.
    public nonisolated let limits: PlaygroundLimits
    private var sessions: [String: PlaygroundSession] = [:]
    private var lastSeen: [String: Date] = [:]
    private let now: @Sendable () -> Date

    /// An empty store; `now` is the clock idle times are measured with (a test passes its own).
    public init(limits: PlaygroundLimits = PlaygroundLimits(), now: @escaping @Sendable () -> Date = { Date() }) {
        (self.limits, self.now) = (limits, now)
    }

    /// The sessions held, idle ones not yet removed included.
    public var count: Int { sessions.count }

    /// A new session for `config`, after removing idle ones. The network and data are built on the
    /// training threads; the count is checked before and after.
    public func create(_ config: PlaygroundConfig) async throws(PlaygroundError) -> PlaygroundSession {
        try checkRoom()
        let limits = self.limits
        let engine = try await TrainingThreads.shared.run { () throws(PlaygroundError) in
            try PlaygroundEngine(config: config, limits: limits)
        }
        try checkRoom()
        var id = Self.newID()
        while sessions[id] != nil { id = Self.newID() }
        let session = PlaygroundSession(
            id: id, engine: engine, unwatchedPause: .milliseconds(Int64(limits.unwatchedPauseSeconds * 1000)))
        sessions[id] = session
        lastSeen[id] = now()
        return session
    }

    private func checkRoom() throws(PlaygroundError) {
        sweep()
        guard sessions.count < limits.maxSessions else {
            // When the longest-idle session closes unless it is used (the answer's Retry-After of 10 s
            // is for a tab closed meanwhile; the message said "wait 600 s" whatever the sessions' ages).
            let oldest = lastSeen.values.min() ?? now()
            let closesIn = max(0, Int(oldest.addingTimeInterval(limits.idleSeconds).timeIntervalSince(now()).rounded(.up)))
            throw PlaygroundError(
                .tooManySessions,
                "\(sessions.count) sessions are open, the most this server takes. Closing or reloading a playground "
                    + "tab closes its session at once (a tab closed while its computer slept or lost the network "
                    + "leaves its session open); try again in a moment, or wait: the longest-idle session closes in "
                    + "\(closesIn) s unless it is used"
            )
        }
    }

    /// The session `id`, marked as active.
    public func session(_ id: String) throws(PlaygroundError) -> PlaygroundSession {
        sweep()
        guard let session = sessions[id] else {
            throw PlaygroundError(
                .notFound,
                "no session \(NumberText.excerpt(id)): it was closed or timed out after \(Int(limits.idleSeconds)) s idle; reload the page to start a new one"
            )
        }
        lastSeen[id] = now()
        session.noteContact()
        return session
    }

    /// Marks `id` as active (a stream does so with every frame); false when it is gone.
    func touch(_ id: String) -> Bool {
        sweep()  // the sessions idle too long go here too: a page that only pulls over its socket comes only here
        guard let session = sessions[id] else { return false }
        lastSeen[id] = now()
        session.noteContact()
        return true
    }

    /// Closes session `id` (it stops playing and its stream ends) and forgets it; an unknown id is ignored.
    public func remove(_ id: String) {
        sessions[id]?.close()
        sessions[id] = nil
        lastSeen[id] = nil
    }

    /// Removes the sessions idle for longer than the limit; returns how many.
    @discardableResult
    public func sweep() -> Int {
        let cutoff = now().addingTimeInterval(-limits.idleSeconds)
        let idle = lastSeen.filter { $0.value < cutoff }.map(\.key)
        for id in idle { remove(id) }
        return idle.count
    }

    static func newID() -> String {
        var rng = SystemRandomNumberGenerator()
        return String(rng.next(), radix: 16) + String(rng.next() >> 32, radix: 16)
    }
}
