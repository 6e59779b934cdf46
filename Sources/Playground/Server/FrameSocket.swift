import ActivationFunctions
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket
import ServiceLifecycle

/// What the page asks for when it pulls a frame, by `GET …/frame?after=N&focus=L,U&collapse=0&wait=MS`
/// or as one text message `after=N&focus=L,U&collapse=0&wait=MS` on the frame socket: the frame it has,
/// what it shows (the unit under the pointer; `collapse=0` while the linear-collapse panel is out of
/// view, 1 by default), and how long to wait for news.
struct PullRequest: Equatable {
    /// The number of the frame the page has; nil for its first pull.
    var after: Int?
    var shown: Shown
    var wait: Duration

    /// The default wait, and the longest a request may ask for (`PlaygroundSession.maxPullWait`).
    static let defaultWaitMilliseconds = 2000

    /// Reads the query of `uri`; an unknown key, a value given twice or one not in its range is an
    /// error that names it.
    init(_ uri: URI) throws(PlaygroundError) {
        try Query.only(["after", "focus", "collapse", "wait"], uri, for: "a frame request")
        after = try Query.integer("after", uri, in: 0...Int(Int32.max))
        shown = Shown(
            focus: try Focus(parsing: Query.single("focus", uri)),
            collapse: try Self.collapse(Query.single("collapse", uri)))
        wait = .milliseconds(try Query.integer("wait", uri, in: 0...10_000) ?? Self.defaultWaitMilliseconds)
    }

    /// `collapse`: exactly `0` or `1` (absent: 1); not `01`, `+1` or `-0`, as `Int(_:)` would take them.
    static func collapse(_ text: String?) throws(PlaygroundError) -> Bool {
        switch text {
        case nil, "1": return true
        case "0": return false
        case let text?: throw .bad("collapse must be 0 or 1, got '\(text.prefix(20))'")
        }
    }
}

/// The page's frames over one WebSocket per session, `GET /api/sessions/:id/socket` (an upgrade), instead
/// of one HTTP request per frame: each request cost Chromium's network service and browser process
/// 3–4.5 ms, and the server its HTTP handling.
///
/// The pull's rules do not change (``PlaygroundSession/pull(after:shown:wait:interval:)``): the page
/// sends a request as a text message (``PullRequest``), and the server answers every request with
/// exactly one message, in order: a binary message, the frame (``BinaryFrame``), or the text `idle` when
/// nothing changed within the wait or a newer request came first. A request that arrives while an
/// earlier one waits ends that one (answered `idle`, or with its frame if it was being built): so the
/// page sends its next request after the answer to its last, or at once when the focus moves. One pull
/// runs at a time per socket, and frames start at most `maxFramesPerSecond` apart as for HTTP pulls,
/// however many requests come.
///
/// The socket closes with a code and a reason: 4404 when the session does not exist or is removed
/// (the page starts a new one), 1009 for a message beyond ``maxRequestBytes``, 1003 for a binary
/// message, 1007 for a request that does not parse, 1002 for a frame that is not masked
/// (``MaskedFramesOnly``), 1000 when the server shuts down (Hummingbird's graceful close). A close the
/// client does not take within five seconds cuts the connection.
enum FrameSocket {
    /// The longest request message: `after=2147483647&focus=999,999&collapse=0&wait=10000` is 52 bytes.
    static let maxRequestBytes = 256
    /// The close code for a session that does not exist (4000–4999 are the application's own).
    static let noSessionCode = WebSocketErrorCode.unknown(4404)
    /// The path of a session's socket, and the id in it; nil for any other path.
    static func sessionID(inPath path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "api", parts[2] == "sessions", parts[4] == "socket",
            !parts[3].isEmpty, parts[3].count <= 64
        else { return nil }
        return String(parts[3])
    }

    /// Checks a WebSocket handshake as `RequestGuard` checks a request, and more: the `Host` must be
    /// this server's, and an `Origin`, which browsers send on every handshake, must be the server's
    /// own origin (a page on another site may open a WebSocket to any address: CORS does not apply, so
    /// without this check it could read and drive a session: cross-site WebSocket hijacking). A client
    /// without `Origin` is not a browser, and could send any HTTP request anyway.
    static func check(_ head: HTTPRequest, guard requestGuard: RequestGuard) throws(PlaygroundError) -> String {
        try requestGuard.check(Request(head: head, body: .init(buffer: ByteBuffer())))
        let host = head.authority
        if let origin = head.headerFields[.origin], origin != host.map({ "http://\($0)" }) {
            throw PlaygroundError(
                .forbidden,
                "a page at \(origin.prefix(100)) may not open this server's frame socket; open the playground at http://\(host ?? "this server") itself"
            )
        }
        guard let id = sessionID(inPath: head.path ?? "") else {
            throw PlaygroundError(
                .notFound,
                "no WebSocket at \((head.path ?? "").prefix(200)); the frame socket is /api/sessions/ID/socket")
        }
        return id
    }

    /// Serves one socket of session `id` until the client closes it, the session is removed, a bad
    /// message closes it, or the server stops. Every wait here ends when the socket's task is cancelled
    /// (the server stopping), a write held up by a client that stopped reading included; and a close the
    /// client does not take within ``closeSeconds`` (``shutdownSeconds`` at shutdown) cuts the connection
    /// (`channel`): a client that never reads keeps no socket, slot or task for ever, and cannot hold up
    /// the server's shutdown.
    static func serve(
        id: String, store: SessionStore, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter,
        channel: any Channel, logger: Logger
    ) async throws {
        // At shutdown Hummingbird sends every socket a close frame; one behind a client that stopped
        // reading never goes out, and the server's shutdown would wait for it until ServiceLifecycle's
        // limit ends the process with a fatal error. The connection is cut after `shutdownSeconds`.
        try await withGracefulShutdownHandler {
            try await serve(session: id, store: store, inbound, outbound, channel, logger)
        } onGracefulShutdown: {
            channel.eventLoop.scheduleTask(in: .milliseconds(Int64(shutdownSeconds * 1000))) { channel.close(promise: nil) }
        }
    }

    /// How long a socket's client has to take the close frame at shutdown: within the 2 s that
    /// `runPlayground` gives the shutdown before it cancels the server.
    static let shutdownSeconds = 1.5

    private static func serve(
        session id: String, store: SessionStore, _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter,
        _ channel: any Channel, _ logger: Logger
    ) async throws {
        guard let session = try? await store.session(id) else {
            return await close(outbound, channel, noSessionCode, "no session \(NumberText.excerpt(id)): it was closed or never existed")
        }
        let interval = Duration.seconds(1 / store.limits.maxFramesPerSecond)
        let removed = await withTaskGroup(of: Bool.self) { group in
            group.addTask {  // the requests, one pull at a time
                do {
                    try await answer(inbound, outbound, channel, session: session, store: store, interval: interval)
                } catch {
                    logger.debug("frame socket of \(id) ended: \(error)")
                }
                return false
            }
            group.addTask {  // the connection's end (cut at shutdown, or by the client) ends the pull under way
                // and its write: a pull waiting for the engine behind an epoch would otherwise build a
                // frame nobody can receive, and the shutdown waited for it until it cancelled the server.
                await untilClosed(channel)
                return false
            }
            group.addTask {  // the session's removal ends the socket within a second, not at the next request
                // (a look a second: waking at every change would cost a wake per epoch while it trains)
                while !Task.isCancelled {
                    if session.withFlags({ $0.closed }) { return true }
                    try? await Task.sleep(for: .seconds(1))
                }
                return false
            }
            let removed = await group.next() ?? false
            group.cancelAll()  // ends the other tasks, and the answer one may be writing
            return removed
        }
        if removed { await close(outbound, channel, noSessionCode, "the session \(id) was closed") }
    }

    /// Returns when `channel` closes, or at once when the task is cancelled (awaiting the close future
    /// itself ignores cancellation, and would hold the socket's task group open).
    private static func untilClosed(_ channel: any Channel) async {
        let (closed, end) = AsyncStream<Never>.makeStream()
        channel.closeFuture.whenComplete { _ in end.finish() }
        for await _ in closed {}
    }

    /// How long a client has to take a close before the connection is cut.
    static let closeSeconds = 5.0

    /// Closes the socket with `code` and `reason`, or cuts the connection when the close frame cannot go
    /// out within ``closeSeconds`` (a client that stopped reading, whose buffers are full).
    static func close(
        _ outbound: WebSocketOutboundWriter, _ channel: any Channel, _ code: WebSocketErrorCode, _ reason: String
    ) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await outbound.close(code, reason: Self.reason(reason)) }
            group.addTask {
                try? await Task.sleep(for: .seconds(closeSeconds))
                if !Task.isCancelled { try? await channel.close() }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Reads the requests and answers each; returns when the inbound stream ends or a request is bad
    /// (after closing the socket with the reason).
    ///
    /// Each request's pull runs in a task of its own (`current`), which writes its answer when the pull
    /// ends; the loop meanwhile reads the next request. A newer request ends the pull still waiting (a
    /// pull returns nil once a newer one begins: `pullGeneration`) and waits for its answer to go out
    /// first, so answers keep the requests' order and a client that sends without reading is held to
    /// one answer in flight. The pull is ended that way, not cancelled: a cancelled task may not write
    /// its answer. Cancelling this task cancels the pull and its write (`finishing`).
    private static func answer(
        _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter, _ channel: any Channel,
        session: PlaygroundSession, store: SessionStore, interval: Duration
    ) async throws {
        var current: Task<Void, Never>?
        defer { current?.cancel() }
        var message = ByteBuffer()
        var open = false  // a message's first frame came, and not yet its last
        for try await frame in inbound {
            // Requests read before the connection was cut (at shutdown, behind a client that stopped
            // reading) are still in the stream: each would start a pull that builds a frame nobody can
            // receive, and the shutdown waited for them until it cancelled the server.
            guard channel.isActive, !Task.isCancelled else { return }
            switch frame.opcode {
            case .binary:
                return await close(outbound, channel, .unacceptableData, "a frame request is a text message")
            case .text where !open: message = frame.data
            case .continuation where open: message.writeImmutableBuffer(frame.data)
            case .text, .continuation:
                return await close(
                    outbound, channel, .protocolError, "a message's frames are one text frame and its continuations")
            }
            open = !frame.fin
            guard message.readableBytes <= maxRequestBytes else {
                return await close(
                    outbound, channel, .messageTooLarge, "a frame request is at most \(maxRequestBytes) bytes")
            }
            guard frame.fin else { continue }
            let request: PullRequest
            do throws(PlaygroundError) {
                guard let text = message.getString(at: message.readerIndex, length: message.readableBytes),
                    text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
                else { throw PlaygroundError.bad("a frame request is printable ASCII, such as after=3&wait=2000") }
                request = try PullRequest(URI("/?" + text))
            } catch {
                return await close(outbound, channel, .dataInconsistentWithMessage, error.message)
            }
            guard await store.touch(session.id) else {
                return await close(outbound, channel, noSessionCode, "the session \(session.id) was closed")
            }
            // This pull's generation, taken now, ends the earlier pull (answered idle, or its frame). Taken
            // in the pull's own task, it came after the next request's when that task started late (a
            // loaded machine): the earlier pull was not ended, and every request of a flood built a frame.
            let generation = session.withFlags { $0.pullGeneration += 1; return $0.pullGeneration }
            if let earlier = current { await finishing(earlier) }
            current = Task {
                let bytes = await session.pull(
                    after: request.after, shown: request.shown, wait: request.wait, interval: interval,
                    generation: generation)
                try? await outbound.write(bytes.map { .binary(ByteBuffer(bytes: $0)) } ?? .text("idle"))
            }
        }
    }

    /// Waits for `task`, cancelling it when the waiting task is cancelled (awaiting another task's value
    /// does not pass cancellation on by itself).
    private static func finishing(_ task: Task<Void, Never>) async {
        await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
    }

    /// A close reason: at most 123 bytes of UTF-8 (RFC 6455), cut at a character.
    static func reason(_ text: String) -> String {
        var cut = ""
        for character in text {
            guard cut.utf8.count + String(character).utf8.count <= 123 else { break }
            cut.append(character)
        }
        return cut
    }
}
