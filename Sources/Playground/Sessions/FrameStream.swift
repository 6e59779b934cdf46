import Foundation
import Hummingbird
import ServiceLifecycle

/// A session's frames as server-sent events (`event: frame`, one JSON object each). Training runs on
/// its own (`PlaygroundSession.play`); the stream only looks, at most `limits.maxFramesPerSecond`
/// times a second, and when something changed it builds one frame of the newest state: frames are
/// never queued, so a slow page gets fewer, never older, frames. While nothing changes it sends a
/// comment every few seconds (to notice a closed tab). It ends after `maxFrames` frames, when a
/// newer stream of the same tab opens, when the session is removed (`event: end`), when the server
/// shuts down (a page that stopped reading is cut off by the shutdown's time limit).
enum FrameStream {
    static let idlePoll = Duration.milliseconds(10)
    static let heartbeat = Duration.seconds(5)

    static func body(_ session: PlaygroundSession, store: SessionStore, maxFrames: Int?) -> ResponseBody {
        let interval = Duration.seconds(1 / store.limits.maxFramesPerSecond)
        return ResponseBody { writer in
            let generation = session.openStream()
            let clock = ContinuousClock()
            var cursor: StreamCursor?
            var (sent, lastWrite) = (0, clock.now)
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                guard session.isCurrent(stream: generation), await store.touch(session.id) else {
                    try await writer.write(ByteBuffer(string: "event: end\ndata: {}\n\n"))
                    break
                }
                let start = clock.now
                if let (frame, next) = await session.encodedFrame(after: cursor) {
                    try await writer.write(ByteBuffer(bytes: event(frame)))
                    (cursor, sent, lastWrite) = (next, sent + 1, clock.now)
                    if let maxFrames, sent >= maxFrames { break }
                    try await clock.sleep(until: start + interval)
                } else {
                    if clock.now - lastWrite > heartbeat {
                        try await writer.write(ByteBuffer(string: ": waiting\n\n"))
                        lastWrite = clock.now
                    }
                    try await clock.sleep(for: idlePoll)
                }
            }
            try await writer.finish(nil)
        }
    }

    static func event(_ frame: [UInt8]) -> [UInt8] {
        Array("event: frame\ndata: ".utf8) + frame + Array("\n\n".utf8)
    }
}

/// JSON as the page reads it: non-finite numbers as the strings "NaN", "Infinity", "-Infinity".
enum JSONBody {
    static func encode(_ value: some Encodable, userInfo: [CodingUserInfoKey: any Sendable] = [:]) -> [UInt8] {
        let encoder = JSONEncoder()
        for (key, info) in userInfo { encoder.userInfo[key] = info }
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8))
    }
}
