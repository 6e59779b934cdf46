import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket

/// What the page asks for when it pulls a frame, by `GET …/frame?after=N&focus=L,U&wait=MS` or as one
/// text message `after=N&focus=L,U&wait=MS` on the frame socket: the frame it has, the unit under the
/// pointer, and how long to wait for news.
struct PullRequest: Equatable {
    /// The number of the frame the page has; nil for its first pull.
    var after: Int?
    var focus: Focus?
    var wait: Duration

    /// The default wait, and the longest a request may ask for (`PlaygroundSession.maxPullWait`).
    static let defaultWaitMilliseconds = 2000

    /// Reads the query of `uri`; a value given twice or not in its range is an error that names it,
    /// and so is an unknown key when `strict` (the socket's requests have no other keys to ignore).
    init(_ uri: URI, strict: Bool = false) throws(PlaygroundError) {
        if strict, let unknown = uri.queryParameters.first(where: { !["after", "focus", "wait"].contains($0.key) }) {
            throw .bad("a frame request takes after, focus and wait, not '\(unknown.key.prefix(20))'")
        }
        after = try Query.integer("after", uri, in: 0...Int(Int32.max))
        focus = try Focus(parsing: Query.single("focus", uri))
        wait = .milliseconds(try Query.integer("wait", uri, in: 0...10_000) ?? Self.defaultWaitMilliseconds)
    }
}

/// The page's frames over one WebSocket per session, `GET /api/sessions/:id/socket` (an upgrade), instead
/// of one HTTP request per frame: each request cost Chromium's network service and browser process
/// 3–4.5 ms, and the server its HTTP handling.
///
/// The pull's rules do not change (``PlaygroundSession/pull(after:focus:wait:interval:)``): the page
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
/// message, 1007 for a request that does not parse, 1001 when the server shuts down.
enum FrameSocket {
    /// The longest request message: `after=2147483647&focus=999,999&wait=10000` is 42 bytes.
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
    /// message closes it, or the server stops.
    static func serve(
        id: String, store: SessionStore, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter,
        logger: Logger
    ) async throws {
        guard let session = try? await store.session(id) else {
            try await outbound.close(noSessionCode, reason: reason("no session \(id): it was closed or never existed"))
            return
        }
        let interval = Duration.seconds(1 / store.limits.maxFramesPerSecond)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {  // the requests, one pull at a time
                do {
                    try await answer(inbound, outbound, session: session, store: store, interval: interval)
                } catch {
                    logger.debug("frame socket of \(id) ended: \(error)")
                }
            }
            group.addTask {  // the session's removal ends the socket within a second, not at the next request
                // (a look a second: waking at every change would cost a wake per epoch while it trains)
                while !Task.isCancelled {
                    if session.withFlags({ $0.closed }) {
                        try? await outbound.close(noSessionCode, reason: reason("the session \(id) was closed"))
                        return
                    }
                    try? await Task.sleep(for: .seconds(1))
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Reads the requests and answers each; returns when the inbound stream ends or a request is bad
    /// (after closing the socket with the reason).
    private static func answer(
        _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter, session: PlaygroundSession,
        store: SessionStore, interval: Duration
    ) async throws {
        var current: Task<Void, Never>?
        defer { current?.cancel() }
        var message = ByteBuffer()
        var open = false  // a message's first frame came, and not yet its last
        for try await frame in inbound {
            switch frame.opcode {
            case .binary:
                return try await outbound.close(.unacceptableData, reason: reason("a frame request is a text message"))
            case .text where !open: message = frame.data
            case .continuation where open: message.writeImmutableBuffer(frame.data)
            case .text, .continuation:
                return try await outbound.close(
                    .protocolError, reason: reason("a message's frames are one text frame and its continuations"))
            }
            open = !frame.fin
            guard message.readableBytes <= maxRequestBytes else {
                return try await outbound.close(
                    .messageTooLarge, reason: reason("a frame request is at most \(maxRequestBytes) bytes"))
            }
            guard frame.fin else { continue }
            let request: PullRequest
            do throws(PlaygroundError) {
                guard let text = message.getString(at: message.readerIndex, length: message.readableBytes),
                    text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
                else { throw PlaygroundError.bad("a frame request is printable ASCII, such as after=3&wait=2000") }
                request = try PullRequest(URI("/?" + text), strict: true)
            } catch {
                return try await outbound.close(.dataInconsistentWithMessage, reason: reason(error.message))
            }
            guard await store.touch(session.id) else {
                return try await outbound.close(noSessionCode, reason: reason("the session \(session.id) was closed"))
            }
            // The earlier request ends (a newer pull ends an older one) and is answered first.
            current?.cancel()
            await current?.value
            current = Task {
                let bytes = await session.pull(
                    after: request.after, focus: request.focus, wait: request.wait, interval: interval)
                // Written outside this task: a pull ended by a newer request is cancelled, and its answer
                // must still go out (the writer refuses to write from a cancelled task).
                let answer: WebSocketOutboundWriter.OutboundFrame =
                    bytes.map { .binary(ByteBuffer(bytes: $0)) } ?? .text("idle")
                await Task { try? await outbound.write(answer) }.value
            }
        }
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
