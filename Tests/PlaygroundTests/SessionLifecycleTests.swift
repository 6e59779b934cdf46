import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import Playground

/// Sessions whose tab is gone: a playing session nobody asks about pauses by itself, a DELETE frees
/// its slot at once, and the 429 says what frees one.
@Suite(.serialized) struct SessionLifecycleTests {
    static func store(unwatched seconds: Double, maxSessions: Int = 64) -> SessionStore {
        var limits = PlaygroundLimits()
        (limits.unwatchedPauseSeconds, limits.maxSessions) = (seconds, maxSessions)
        return SessionStore(limits: limits)
    }

    /// A closed tab's session trained on until the idle timeout (10 min), on the server's CPU.
    /// Nothing here waits for a fixed time: the pause is a job that waits for a training thread, and
    /// on a loaded CI machine 2 s were not enough for it (the test failed there). The page asking is a
    /// thread of its own, so a busy cooperative pool cannot make the watched session look unwatched.
    @Test func aPlayingSessionNobodyAsksAboutPausesAndSaysWhy() async throws {
        let store = Self.store(unwatched: 1)
        let orphan = try await store.create(PlaygroundConfig())
        let watched = try await store.create(PlaygroundConfig())
        // Every request the store answers for a session (a page's pulls, its controls) is a contact.
        let before = watched.withFlags { $0.lastContact }
        try await Task.sleep(for: .milliseconds(2))
        _ = try await store.session(watched.id)
        #expect(watched.withFlags { $0.lastContact } > before, "the store's answer did not count as a contact")

        let page = AskingPage(every: .milliseconds(50))
        defer { page.stop() }
        page.watch(watched)
        try await orphan.play()
        try await watched.play()
        #expect(try await poll(within: .seconds(60)) { !orphan.playing }, "a session nobody asked about for a minute (limit 1 s) still plays")
        let epochAtPause = orphan.epoch
        #expect(watched.playing, "a session asked about every 50 ms was paused")
        let pause = await orphan.currentFrame().pause
        #expect(pause?.message.contains("no page asked for this session's frames for 1 s") == true, "\(String(describing: pause))")
        #expect(pause?.isError == false)
        try await Task.sleep(for: .milliseconds(300))
        #expect(orphan.epoch == epochAtPause, "the paused orphan kept training")
        // Play again goes on (the Play request is a contact), and trains while a page asks.
        _ = try await store.session(orphan.id)
        page.watch(orphan)
        try await orphan.play()
        #expect(try await poll(within: .seconds(60)) { orphan.epoch > epochAtPause }, "Play after the pause trained no epoch in a minute")
        #expect(orphan.playing)
        #expect(await orphan.currentFrame().pause == nil, "the frame still says the session was paused")
        watched.stop()
        orphan.stop()
    }

    /// The pause of an unwatched session is a job that may wait for a training thread; a pull that
    /// comes meanwhile makes the session watched again, and the job must see that and not pause it
    /// (the loop decided before the job waited). Run here as if it had waited past a contact: the
    /// session was asked about (Play) well within its limit of two minutes, so the loop itself never
    /// pauses it, however slow the machine (a limit of 0.3 s made the test fail under load).
    @Test func theUnwatchedPauseChecksForAContactWhenItRuns() async throws {
        let session = PlaygroundSession(
            id: "race", engine: try PlaygroundEngine(config: PlaygroundConfig()), unwatchedPause: .seconds(120))
        try await session.play()
        await session.pauseUnwatched()
        #expect(session.playing, "a session asked about just now was paused as unwatched")
        session.stop()
    }

    /// Play counts as a request for the session even when made without the store (PauseMidEpochTests'
    /// session, created more than the limit before its Play on a loaded machine, paused at once).
    /// Read from the contact it notes: a wait after Play for the loop's decision would depend on the
    /// machine's speed (a slow wake-up past the limit pauses it, rightly, as unwatched).
    @Test func playOnASessionCreatedLongAgoPlays() async throws {
        let session = PlaygroundSession(
            id: "old", engine: try PlaygroundEngine(config: PlaygroundConfig()), unwatchedPause: .milliseconds(300))
        try await Task.sleep(for: .milliseconds(500))
        let beforePlay = ContinuousClock.now
        #expect(session.withFlags { beforePlay - $0.lastContact } > .milliseconds(300), "made long ago")
        try await session.play()
        #expect(session.withFlags { $0.lastContact } >= beforePlay, "Play was not counted as a request for the session")
        #expect(session.playing)
        session.stop()
    }

    /// The page deletes its session at `pagehide`; the slot is free for the next tab at once, and the
    /// 429 no longer tells the user to close a tab as if that freed nothing.
    @Test func deletingASessionFreesItsSlotAndThe429SaysSo() async throws {
        let store = Self.store(unwatched: 30, maxSessions: 1)
        try await buildApplication(PlaygroundServerConfiguration(), store: store).test(.router) { client in
            let first = try await client.createSession("{}")
            try await client.execute(
                uri: "/api/sessions", method: .post, headers: .json, body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.errorMessage.contains("Closing or reloading a playground tab closes its session at once"),
                    "\(response.errorMessage)")
            }
            try await client.execute(uri: "/api/sessions/\(first)", method: .delete) { #expect($0.status == .noContent) }
            _ = try await client.createSession("{}")
        }
    }
}

/// A page that asks about its sessions every `interval` (what its pulls do), on a thread of its own.
final class AskingPage: @unchecked Sendable {
    private let lock = NSLock()
    private var sessions: [PlaygroundSession] = []
    private var stopped = false

    init(every interval: Duration) {
        let seconds = interval.inSeconds
        Thread { [self] in
            while let sessions = lock.withLock({ stopped ? nil : self.sessions }) {
                for session in sessions { session.noteContact() }
                Thread.sleep(forTimeInterval: seconds)
            }
        }.start()
    }

    func watch(_ session: PlaygroundSession) { lock.withLock { sessions.append(session) } }
    func stop() { lock.withLock { stopped = true } }
}
