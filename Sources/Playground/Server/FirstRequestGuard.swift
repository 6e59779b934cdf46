import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1

/// A connection's first request, before NIO's upgrade handler takes it: this handler sits between the
/// HTTP parser and the upgrade handler, and leaves once the first request's head has passed (only a
/// connection's first request can become a WebSocket; Hummingbird's own handlers watch the rest).
///
/// - **A deadline.** It closes the connection when the head has not come within `seconds` (Hummingbird's
///   idle timeout starts only after it: slowloris), or when the server stops before it came (a client
///   that had sent half a head held the shutdown until the process was ended with a fatal error).
/// - **What the parser refuses** in the first head (headers beyond 80 KiB: 431; bytes that are not
///   HTTP: 400), answered with the reason as ``MalformedRequestReply`` answers later requests.
/// - **Handshakes NIO's upgrader would refuse** by closing without a word, or take though RFC 6455
///   (4.2.1) refuses them (``refusal(_:version:method:)``): a `Sec-WebSocket-Version` other than one
///   `13` (426, with `Sec-WebSocket-Version: 13`, 4.2.2); a `Sec-WebSocket-Key` missing, doubled or not
///   16 bytes in base64, no `Connection: Upgrade`, HTTP/1.0, a method other than GET, a body (400); and
///   any first request whose `Upgrade` lists more than ``maxProtocols`` protocols (400: NIO's upgrade
///   handler recursed once per protocol, and 10 000 of them crashed the server).
/// - **An `Upgrade` to something else** (`h2c`): taken off, so the request is answered as plain HTTP.
///
/// Every refusal goes the way of a handshake the routes refuse (a foreign `Origin`, a session that does
/// not exist): the reason waits in ``ConnectionAdmission/refusal``, the upgrade handler is given a
/// stand-in handshake that the refusal makes the server decline (``PlaygroundChannel``), Hummingbird
/// answers a declined upgrade with an empty 400 and closes, and ``MalformedRequestReply`` puts the
/// refusal in its place. Closed or answered from here instead, below the upgrade handler, a connection
/// left that handler waiting, and Hummingbird logged "Error handling upgrade result" at error level for
/// each one.
final class FirstRequestGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    /// The most protocols a request's `Upgrade` may list (a browser's handshake lists one).
    static let maxProtocols = 16

    private let seconds: Double
    private var timer: Scheduled<Void>?
    /// Set once the first request is refused or the connection is closing: what follows is dropped.
    private var done = false

    init(seconds: Double) { self.seconds = seconds }

    func handlerAdded(context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
            [weak self] in self?.hangUp(context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !done else { return }
        guard case .head(let head) = unwrapInboundIn(data) else { return context.fireChannelRead(data) }
        if let refusal = Self.refusal(head.headers, version: head.version, method: head.method) {
            return refuse(context, FirstRequestRefusal(refusal))
        }
        timer?.cancel()
        context.fireChannelRead(Self.ignoringForeignUpgrade(head).map { wrapInboundOut(.head($0)) } ?? data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !done else { return }  // the decoder's complaints about bytes after its first error
        guard let error = error as? HTTPParserError else { return context.fireErrorCaught(error) }
        refuse(context, FirstRequestRefusal(parse: error))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent, !done else { return context.fireUserInboundEventTriggered(event) }
        hangUp(context)
    }

    /// Closes the connection before its first head: the upgrade handler, told that the input closed,
    /// closes it and ends the upgrade with `ChannelError.inputClosed`, which Hummingbird logs at trace level.
    private func hangUp(_ context: ChannelHandlerContext) {
        guard !done else { return }
        (done, timer) = (true, nil)
        context.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
    }

    /// Leaves `refusal` where ``MalformedRequestReply`` finds it, and gives the upgrade handler a
    /// well-formed handshake in place of the request, which ``PlaygroundChannel`` declines because of it.
    private func refuse(_ context: ChannelHandlerContext, _ refusal: FirstRequestRefusal) {
        timer?.cancel()
        (done, timer) = (true, nil)
        guard let admission = try? context.pipeline.syncOperations.handler(type: ConnectionAdmission.self) else {
            return context.close(promise: nil)  // not in the server's pipeline: nowhere to answer from
        }
        admission.refusal = refusal
        context.fireChannelRead(wrapInboundOut(.head(Self.standIn)))
        context.fireChannelRead(wrapInboundOut(.end(nil)))
    }

    /// The handshake the upgrade handler reads in place of a refused first request: one it would take.
    static let standIn = HTTPRequestHead(
        version: .http1_1, method: .GET, uri: "/",
        headers: [
            "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": "AAAAAAAAAAAAAAAAAAAAAA==",
        ])

    /// `head` without its `Upgrade` when that names no WebSocket (`h2c`, which `curl --http2` sends over
    /// plain HTTP): an offer a server may ignore (RFC 9110, 7.8), answered as the plain request it is.
    /// NIO's upgrade handler, which knows only the WebSocket, closed such a connection without an
    /// answer. Nil for any other head.
    static func ignoringForeignUpgrade(_ head: HTTPRequestHead) -> HTTPRequestHead? {
        guard head.headers.contains(name: "upgrade"), !upgradeTokens(head.headers).contains("websocket") else { return nil }
        var plain = head
        plain.headers.remove(name: "upgrade")
        return plain
    }

    /// Why a request with these headers is a handshake the frame socket cannot take; nil when it is
    /// not a WebSocket handshake (no `Upgrade: websocket`) or a good one.
    static func refusal(_ headers: HTTPHeaders, version: HTTPVersion = .http1_1, method: HTTPMethod = .GET)
        -> PlaygroundError?
    {
        func values(_ name: String) -> [String] { headers[name].map(trimmed) }
        let protocols = upgradeTokens(headers)
        // NIO's upgrade handler tries the protocols one by one, recursing: 10 000 of them (20 KB) overflowed
        // the stack and took the server down, whatever the request.
        guard protocols.count <= maxProtocols else {
            return PlaygroundError(
                .badRequest, "Upgrade lists \(protocols.count) protocols; this server reads at most \(maxProtocols)")
        }
        guard protocols.contains("websocket") else { return nil }
        guard version.major > 1 || (version.major == 1 && version.minor >= 1) else {
            return PlaygroundError(
                .badRequest,
                "a WebSocket handshake is an HTTP/1.1 request (RFC 6455, 4.1); this one is HTTP/\(version.major).\(version.minor)")
        }
        // NIO upgraded a HEAD or a DELETE too.
        guard method == .GET else {
            return PlaygroundError(.badRequest, "a WebSocket handshake is a GET request (RFC 6455, 4.1); this one is \(method.rawValue.prefix(20))")
        }
        // NIO upgrades on `Upgrade: websocket` alone; RFC 6455 (4.2.1) asks for `Connection: Upgrade` too.
        guard tokens(headers, "connection").contains("upgrade") else {
            return PlaygroundError(
                .badRequest, "a WebSocket handshake needs Connection: Upgrade beside Upgrade: websocket (RFC 6455, 4.1)")
        }
        let versions = values("sec-websocket-version")
        guard versions == ["13"] else {
            let given = versions.isEmpty ? "none" : versions.map { "'\($0.prefix(40))'" }.joined(separator: ", ")
            return PlaygroundError(
                .upgradeRequired,
                "the frame socket speaks WebSocket version 13 only (Sec-WebSocket-Version: 13); this handshake gave \(given)")
        }
        let keys = values("sec-websocket-key")
        guard keys.count == 1, let key = Data(base64Encoded: keys[0]), key.count == 16 else {
            let given = keys.isEmpty ? "none" : keys.map { "'\($0.prefix(40))'" }.joined(separator: ", ")
            return PlaygroundError(
                .badRequest,
                "a WebSocket handshake needs one Sec-WebSocket-Key: 16 random bytes in base64 (RFC 6455, 4.1); this one gave \(given)")
        }
        // A GET with a body is no handshake (RFC 6455, 4.1); NIO's upgrader waited for the body's end,
        // holding the connection past every deadline, and upgraded once it came.
        let noBody = values("content-length").allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 == "0" } }
        guard noBody, values("transfer-encoding").isEmpty else {
            return PlaygroundError(
                .badRequest, "a WebSocket handshake has no body (RFC 6455, 4.1); this one has Content-Length or Transfer-Encoding")
        }
        return nil
    }

    /// The comma-separated tokens of every `name` field, trimmed and in lower case.
    static func tokens(_ headers: HTTPHeaders, _ name: String) -> [String] {
        headers[name].flatMap { $0.split(separator: ",") }.map { trimmed($0).lowercased() }
    }

    /// `value` without the spaces and tabs around it, which HTTP ignores (RFC 9110, 5.5) and the parser
    /// keeps. Only those: NIO reads `websocket` followed by a no-break space as another protocol, and so
    /// must this, or a handshake it cannot take would pass as a good one.
    static func trimmed(_ value: some StringProtocol) -> String {
        var text = Substring(value)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }

    /// The protocols `Upgrade` names (`websocket`, `h2c`, …).
    static func upgradeTokens(_ headers: HTTPHeaders) -> [String] { tokens(headers, "upgrade") }
}

/// The answer to a connection's first request that the server refused below the router: its status,
/// the API's error body and the fields of an answer that closes the connection. ``MalformedRequestReply``
/// sends it in place of Hummingbird's empty 400 for a declined upgrade.
struct FirstRequestRefusal {
    let status: HTTPResponse.Status
    let body: [UInt8]
    let fields: HTTPFields

    init(_ error: PlaygroundError) {
        status = error.status
        body = PlaygroundError.body(error.message, code: error.kind.code)
        var fields = PlaygroundError.closingFields(bodyCount: body.count, retryAfter: status == .serviceUnavailable)
        if error.kind == .upgradeRequired {  // a message with `Upgrade` names it in `Connection` too (RFC 9110, 7.8)
            fields[.connection] = "upgrade, close"
            fields[.upgrade] = "websocket"
            fields[.secWebSocketVersion] = "13"
        }
        self.fields = fields
    }

    /// What the HTTP parser refused in the first request's head.
    init(parse error: HTTPParserError) {
        (status, body) = MalformedRequestReply.answer(to: error)
        fields = PlaygroundError.closingFields(bodyCount: body.count)
    }
}
