import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Cuts off a request whose body has not all arrived `seconds` after its head: a client that sends
/// one byte every few seconds would otherwise hold its connection (and the route reading the body)
/// for ever, since every byte restarts the idle timeout. (The head itself must arrive within the
/// idle timeout.) When time is up the body's reader fails with a 408 `PlaygroundError`, which the
/// route sends if it has not answered yet (`Connection: close`); the connection is closed a moment
/// later in any case, and at once when a response is already on its way.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Time for the 408 to be written before the connection is closed regardless.
    static let grace = TimeAmount.seconds(2)

    private let seconds: Double
    private var deadline: Scheduled<Void>?
    private var closing: Scheduled<Void>?
    /// A response's head was written and its end not yet.
    private var responding = false

    init(seconds: Double) { self.seconds = seconds }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: start(context)
        case .end: stop()
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head: responding = true
        case .end: responding = false
        case .body: break
        }
        context.write(data, promise: promise)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
        closing?.cancel()
    }

    private func start(_ context: ChannelHandlerContext) {
        stop()
        let delay = TimeAmount.nanoseconds(Int64(seconds * 1e9))
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: delay) { self.expire(context) }
    }

    private func stop() {
        deadline?.cancel()
        deadline = nil
    }

    private func expire(_ context: ChannelHandlerContext) {
        deadline = nil
        let channel = context.channel
        guard !responding else { return channel.close(promise: nil) }
        context.fireErrorCaught(PlaygroundError(.timeout, Self.message(seconds)))
        closing = context.eventLoop.assumeIsolated().scheduleTask(in: Self.grace) { channel.close(promise: nil) }
    }

    static func message(_ seconds: Double) -> String {
        "the request did not arrive in time: its body must follow its headers within \(seconds.formatted()) s "
            + "(the connection is slow, or the client stopped sending)"
    }
}

extension Double {
    /// `30` rather than `30.0`; `0.5` as it is.
    fileprivate func formatted() -> String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
