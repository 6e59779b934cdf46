import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1

/// Answers a WebSocket handshake that NIO's upgrader would refuse by closing the connection without a
/// word, and one it would take though RFC 6455 (4.2.1) refuses it:
/// - a `Sec-WebSocket-Version` other than one `13`, or none: `426 Upgrade Required`, with
///   `Sec-WebSocket-Version: 13` (4.2.2);
/// - a `Sec-WebSocket-Key` missing, given twice, or not 16 bytes in base64, no `Connection: Upgrade`, or
///   a request in HTTP/1.0: `400`;
/// - any first request whose `Upgrade` lists more than ``maxProtocols`` protocols: `400` (NIO's
///   upgrade handler recursed once per protocol, and 10 000 of them crashed the server).
///
/// Each with its reason in the API's error body, then the connection closes. Sits between the HTTP
/// parser and the upgrade handler, and leaves the pipeline once the first request's head has passed:
/// only a connection's first request can become a WebSocket.
final class HandshakeCheck: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The most protocols a request's `Upgrade` may list (a browser's handshake lists one).
    static let maxProtocols = 16

    /// Whether the head was refused: the rest of that request is dropped until the connection closes.
    private var refused = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        guard case .head(let head) = unwrapInboundIn(data) else { return context.fireChannelRead(data) }
        if let refusal = Self.refusal(head.headers, version: head.version) {
            refused = true
            // A message with `Upgrade` names it in `Connection` too (RFC 9110, 7.8).
            let extra: HTTPFields =
                refusal.kind == .upgradeRequired
                ? [.connection: "upgrade, close", .upgrade: "websocket", .secWebSocketVersion: "13"] : [:]
            FirstRequestDeadline.answer(
                context, status: refusal.status, body: PlaygroundError.body(refusal.message, code: refusal.kind.code),
                extra: extra)
            return
        }
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    /// Why a request with these headers is a handshake the frame socket cannot take; nil when it is
    /// not a WebSocket handshake (no `Upgrade: websocket`) or a good one.
    static func refusal(_ headers: HTTPHeaders, version: HTTPVersion = .http1_1) -> PlaygroundError? {
        func tokens(_ name: String) -> [String] {
            headers[name].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        }
        // Values without the spaces and tabs around them, which HTTP ignores (RFC 9110, 5.5) and the parser keeps.
        func values(_ name: String) -> [String] { headers[name].map { $0.trimmingCharacters(in: .whitespaces) } }
        let protocols = tokens("upgrade")
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
        // NIO upgrades on `Upgrade: websocket` alone; RFC 6455 (4.2.1) asks for `Connection: Upgrade` too.
        guard tokens("connection").contains("upgrade") else {
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
        return nil
    }
}
