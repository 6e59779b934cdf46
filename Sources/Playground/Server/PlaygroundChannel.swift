import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// The server's connections: HTTP/1.1, or the frame socket (``FrameSocket``) when the first request is
/// a WebSocket handshake for it.
///
/// Hummingbird's WebSocket channel adds the HTTP handlers (`additionalChannelHandlers`, the idle
/// timeout) only once it knows the first request is not a handshake, so this adds around it what every
/// connection needs from its accept on: ``ConnectionAdmission`` counts it against the connection
/// limit, and ``FirstRequestGuard`` closes one whose first request's head does not arrive within
/// the idle time (slowloris), and refuses a first request the HTTP parser or RFC 6455 refuses, with
/// its reason, as ``MalformedRequestReply`` answers later requests; ``LastRequestGuard`` ends the
/// connection after a request that must be its last (one after which the parser reads no more).
struct PlaygroundChannel: ServerChildChannel {
    typealias Value = HTTP1WebSocketUpgradeChannel.Value
    let upgradable: HTTP1WebSocketUpgradeChannel
    let connections: Occupancy
    let idleSeconds: Double

    /// The server's channel: `http1`'s HTTP handlers, and the frame socket for a handshake that
    /// `requestGuard` and ``FrameSocket/check(_:guard:)`` allow.
    init(
        responder: @escaping HTTPChannelHandler.Responder, http1: HTTP1Channel.Configuration, store: SessionStore,
        requestGuard: RequestGuard, connections: Occupancy, idleSeconds: Double
    ) {
        let shouldUpgrade:
            @Sendable (HTTPRequest, any Channel, Logger) throws -> ShouldUpgradeResult<
                WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>
            > = { head, channel, _ in
                let admission = try? channel.pipeline.syncOperations.handler(type: ConnectionAdmission.self)
                // Refused already: `head` is FirstRequestGuard's stand-in for the request.
                if admission?.refusal != nil { return .dontUpgrade }
                do throws(PlaygroundError) {
                    if let admission, !admission.admitted {
                        throw ConnectionLimitHandler.refusal(limit: connections.limit)
                    }
                    let id = try FrameSocket.check(head, guard: requestGuard)
                    return .upgrade([:]) { inbound, outbound, context in
                        try await FrameSocket.serve(
                            id: id, store: store, inbound: inbound, outbound: outbound, channel: channel,
                            logger: context.logger)
                    }
                } catch {
                    admission?.refusal = FirstRequestRefusal(error)  // MalformedRequestReply puts it in the library's empty 400
                    return .dontUpgrade
                }
            }
        upgradable = HTTP1WebSocketUpgradeChannel(
            responder: responder,
            configuration: .init(
                http1: http1,
                // Frames go out as one WebSocket frame each (`.binary`), whatever this size; it bounds
                // what comes in: the page's requests are a few dozen bytes (FrameSocket.maxRequestBytes).
                ws: .init(maxFrameSize: 4096, closeTimeout: .seconds(5))),
            shouldUpgrade: shouldUpgrade)
        (self.connections, self.idleSeconds) = (connections, idleSeconds)
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            try channel.pipeline.syncOperations.addHandler(ConnectionAdmission(count: connections), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return upgradable.setup(channel: channel, logger: logger).flatMapThrowing { value in
            // After the upgrade handler, before the handlers it adds for HTTP.
            try channel.pipeline.syncOperations.addHandler(UpgradeWatch())
            // Before the upgrade handler: it takes the head first.
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            let lastRequest = LastRequestGuard()
            try channel.pipeline.syncOperations.addHandler(lastRequest, position: .after(decoder))
            try channel.pipeline.syncOperations.addHandler(FirstRequestGuard(seconds: idleSeconds), position: .after(lastRequest))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async { await upgradable.handle(value: value, logger: logger) }
}

/// Counts a connection against the limit from its accept until it closes, whether it stays HTTP or
/// becomes the frame socket, and carries what the handlers added later need to know about it.
final class ConnectionAdmission: ChannelInboundHandler {
    /// Passes everything on untouched (NIO takes only inbound or outbound handlers).
    typealias InboundIn = ByteBuffer
    private let count: Occupancy
    /// Whether the connection is within the limit (``ConnectionLimitHandler`` answers 503 otherwise).
    private(set) var admitted = true
    private var counted = false
    /// Why the connection's first request was refused (by ``FirstRequestGuard``, or the frame socket's
    /// checks in ``PlaygroundChannel``), until ``MalformedRequestReply`` answers it.
    var refusal: FirstRequestRefusal?

    init(count: Occupancy) { self.count = count }

    func handlerAdded(context: ChannelHandlerContext) { (admitted, counted) = (count.enter(), true) }

    func handlerRemoved(context: ChannelHandlerContext) {
        if counted { count.leave() }
        counted = false
    }
}
