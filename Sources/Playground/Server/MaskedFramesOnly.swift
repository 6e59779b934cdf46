import NIOCore
import NIOHTTP1
import NIOWebSocket

/// Closes the frame socket on a client frame that is not masked, as RFC 6455 (5.1) requires of a
/// server, with a close frame (1002, protocol error) that says why. swift-nio's frame decoder reads
/// either kind, and the WebSocket handler above it unmasks only what is masked. Browsers mask every
/// frame, so only another client meets this.
///
/// Sits right after the frame decoder, where ``UpgradeWatch`` puts it when the handshake completes:
/// before the first frame, which the upgrade handler holds back until then.
final class MaskedFramesOnly: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias InboundOut = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    /// Set on the first unmasked frame: what follows it is dropped until the connection closes.
    private var closing = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        guard unwrapInboundIn(data).maskKey == nil else { return context.fireChannelRead(data) }
        closing = true
        var payload = context.channel.allocator.buffer(capacity: 64)
        payload.write(webSocketErrorCode: .protocolError)
        payload.writeString("a client's frames must be masked (RFC 6455, 5.1)")
        let close = WebSocketFrame(fin: true, opcode: .connectionClose, data: payload)
        context.writeAndFlush(wrapOutboundOut(close)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
        // Behind frames a client has stopped reading, the close frame may never go out: closed anyway.
        context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(2)) { context.close(promise: nil) }
    }
}

/// Watches the first request for the upgrade to the frame socket, and puts ``MaskedFramesOnly`` after
/// the WebSocket frame decoder when it completes; leaves the pipeline then, or once a head has passed
/// (the connection stays HTTP). Sits after the upgrade handler, whose events it sees.
final class UpgradeWatch: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
        if case .head = unwrapInboundIn(data) { context.pipeline.syncOperations.removeHandler(context: context, promise: nil) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .upgradeComplete = event as? HTTPServerUpgradeEvents {
            do {
                let decoder = try context.pipeline.syncOperations.handler(type: ByteToMessageHandler<WebSocketFrameDecoder>.self)
                try context.pipeline.syncOperations.addHandler(MaskedFramesOnly(), position: .after(decoder))
            } catch {
                context.close(promise: nil)  // no check, no socket
            }
        }
        context.fireUserInboundEventTriggered(event)
        if event is HTTPServerUpgradeEvents { context.pipeline.syncOperations.removeHandler(context: context, promise: nil) }
    }
}
