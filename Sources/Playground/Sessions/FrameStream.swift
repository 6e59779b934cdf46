import Foundation
import Hummingbird
import ServiceLifecycle

/// A session's frames as server-sent events (`event: frame`, one JSON object each). While the
/// session plays, the stream trains it: one frame's epochs, one frame, at most
/// `limits.maxFramesPerSecond` a second; a slow page slows training instead of piling frames up.
/// While paused it sends a frame after each change and a comment every few seconds (to notice a
/// closed tab). It ends after `maxFrames` frames, when a newer stream of the same tab opens, or
/// when the session is removed (`event: end`), and when the server shuts down.
enum FrameStream {
    static let idlePoll = Duration.milliseconds(10)
    static let heartbeat = Duration.seconds(5)

    static func body(_ session: PlaygroundSession, store: SessionStore, maxFrames: Int?) -> ResponseBody {
        let interval = Duration.seconds(1 / store.limits.maxFramesPerSecond)
        return ResponseBody { writer in
            let generation = await session.openStream()
            let clock = ContinuousClock()
            var cursor: StreamCursor?
            var (sent, lastWrite) = (0, clock.now)
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                guard await session.isCurrent(stream: generation), await store.touch(session.id) else {
                    try await writer.write(ByteBuffer(string: "event: end\ndata: {}\n\n"))
                    break
                }
                let start = clock.now
                let advanced = await session.advance()
                if let (frame, next) = await session.frame(after: cursor) {
                    try await writer.write(ByteBuffer(bytes: event(frame)))
                    (cursor, sent, lastWrite) = (next, sent + 1, clock.now)
                    if let maxFrames, sent >= maxFrames { break }
                } else if clock.now - lastWrite > heartbeat {
                    try await writer.write(ByteBuffer(string: ": waiting\n\n"))
                    lastWrite = clock.now
                }
                try await clock.sleep(until: advanced ? start + interval : clock.now + idlePoll)
            }
            try await writer.finish(nil)
        }
    }

    static func event(_ frame: Frame) -> [UInt8] {
        Array("event: frame\ndata: ".utf8) + JSONBody.encode(frame) + Array("\n\n".utf8)
    }
}

/// JSON as the page reads it: non-finite numbers as the strings "NaN", "Infinity", "-Infinity".
enum JSONBody {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8))
    }
}
