import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers 503 (and closes) on a connection opened while `count.limit` others are open, so that a
/// flood of connections is refused with a reason instead of using up the process's file descriptors.
/// (Beyond a higher hard cap the server stops accepting for a while: `MaximumAvailableConnections`.)
/// ``ConnectionAdmission`` counts the connection from its accept (frame sockets too, which refuse such
/// a handshake with the same reason); without one in the pipeline this handler counts it itself.
final class ConnectionLimitHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private let count: Occupancy
    private var admitted = true
    private var counted = false
    private var answered = false

    init(count: Occupancy) { self.count = count }

    func handlerAdded(context: ChannelHandlerContext) {
        if let admission = try? context.pipeline.syncOperations.handler(type: ConnectionAdmission.self) {
            admitted = admission.admitted
        } else {
            (admitted, counted) = (count.enter(), true)
        }
    }

    /// What a connection beyond `limit` is told.
    static func refusal(limit: Int) -> PlaygroundError {
        PlaygroundError(
            .unavailable, "the server has \(limit) connections open, the most it takes; try again in a few seconds")
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if counted { count.leave() }
        counted = false
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !admitted else { return context.fireChannelRead(data) }
        guard case .head = unwrapInboundIn(data), !answered else { return }
        answered = true
        let refusal = Self.refusal(limit: count.limit)
        let body = ByteBuffer(bytes: PlaygroundError.body(refusal.message, code: refusal.kind.code))
        let fields = PlaygroundError.closingFields(bodyCount: body.readableBytes, retryAfter: true)
        let head = HTTPResponse(status: .serviceUnavailable, headerFields: fields)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
