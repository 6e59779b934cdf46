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
/// limit, and ``FirstRequestDeadline`` closes one whose first request's head does not arrive within
/// the idle time (slowloris) and answers one the HTTP parser refuses, as ``MalformedRequestReply``
/// answers later requests.
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
                    admission?.refusal = error  // MalformedRequestReply puts it in the library's empty 400
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
            try channel.pipeline.syncOperations.addHandler(FirstRequestDeadline(seconds: idleSeconds))
            try channel.pipeline.syncOperations.addHandler(UpgradeWatch())
            // Before the upgrade handler: it takes the head first.
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(HandshakeCheck(), position: .after(decoder))
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
    /// Why the frame socket's handshake was refused, until ``MalformedRequestReply`` answers it.
    var refusal: PlaygroundError?

    init(count: Occupancy) { self.count = count }

    func handlerAdded(context: ChannelHandlerContext) { (admitted, counted) = (count.enter(), true) }

    func handlerRemoved(context: ChannelHandlerContext) {
        if counted { count.leave() }
        counted = false
    }
}

/// Until the first request's head has been read: closes the connection when it has not come within
/// `seconds` (Hummingbird's idle timeout starts only after it), and answers what the HTTP parser
/// refuses in it (headers beyond 80 KiB: 431; bytes that are not HTTP: 400) with the reason, as
/// ``MalformedRequestReply`` answers later requests; closes it when the server stops before the head
/// came. Leaves the pipeline when the head has passed or the connection became a WebSocket.
final class FirstRequestDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let seconds: Double
    private var timer: Scheduled<Void>?
    private var answered = false

    init(seconds: Double) { self.seconds = seconds }

    func handlerAdded(context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
            context.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
        if case .head = unwrapInboundIn(data) { leave(context) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // The server stopping: no request has begun here, and Hummingbird's handlers, which close an
        // idle connection then, come only after the first head. Left open, a client that sent part of
        // a head held the shutdown until ServiceLifecycle ended the process with a fatal error.
        if event is ChannelShouldQuiesceEvent { return context.close(promise: nil) }
        context.fireUserInboundEventTriggered(event)
        if event is HTTPServerUpgradeEvents { leave(context) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let error = error as? HTTPParserError, !answered else { return context.fireErrorCaught(error) }
        answered = true
        let (status, body) = MalformedRequestReply.answer(to: error)
        Self.answer(context, status: status, body: body)
    }

    /// Writes `status` with `body` (the API's error body), the closing fields and `extra`, then closes
    /// the connection: an answer from below the router.
    static func answer(
        _ context: ChannelHandlerContext, status: HTTPResponse.Status, body: [UInt8], extra: HTTPFields = [:]
    ) {
        var fields = PlaygroundError.closingFields(bodyCount: body.count)
        for field in extra { fields[field.name] = field.value }  // `extra` replaces a field it names
        let head = HTTPResponseHead(
            version: .http1_1, status: HTTPResponseStatus(statusCode: status.code, reasonPhrase: status.reasonPhrase),
            headers: HTTPHeaders(fields.map { ($0.name.rawName, $0.value) }))
        context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    private func leave(_ context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
}
