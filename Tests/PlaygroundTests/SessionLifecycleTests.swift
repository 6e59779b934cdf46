import Foundation
import Hummingbird
import HummingbirdTesting
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
    @Test func aPlayingSessionNobodyAsksAboutPausesAndSaysWhy() async throws {
        let store = Self.store(unwatched: 0.4)
        let orphan = try await store.create(PlaygroundConfig())
        let watched = try await store.create(PlaygroundConfig())
        try await orphan.play()
        try await watched.play()
        let start = ContinuousClock.now
        while ContinuousClock.now - start < .seconds(2) {
            _ = try await store.session(watched.id)  // a page asks all the time it shows a session
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(!orphan.playing, "a session nobody asked about for 2 s (limit 0.4 s) still plays")
        let epochAtPause = orphan.epoch
        #expect(watched.playing, "a session asked about every 100 ms was paused")
        let pause = await orphan.currentFrame().pause
        #expect(pause?.message.contains("no page asked for this session's frames for 0.4 s") == true, "\(String(describing: pause))")
        #expect(pause?.isError == false)
        try await Task.sleep(for: .milliseconds(300))
        #expect(orphan.epoch == epochAtPause, "the paused orphan kept training")
        // Play again goes on (the Play request is a contact).
        _ = try await store.session(orphan.id)
        try await orphan.play()
        try await Task.sleep(for: .milliseconds(200))
        #expect(orphan.playing)
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
    @Test func playOnASessionCreatedLongAgoPlays() async throws {
        let session = PlaygroundSession(
            id: "old", engine: try PlaygroundEngine(config: PlaygroundConfig()), unwatchedPause: .milliseconds(300))
        try await Task.sleep(for: .milliseconds(500))
        try await session.play()
        try await Task.sleep(for: .milliseconds(100))
        #expect(session.playing, "a session played more than the limit after it was made paused at once")
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
