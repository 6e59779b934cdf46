import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Cuts off a request whose body has not all arrived `seconds` after its head: a client that sends
/// one byte every few seconds would otherwise hold its connection (and the route reading the body)
/// for ever, since every byte restarts the idle timeout. (The head itself must arrive within the
/// idle timeout.) A body that stops arriving altogether is cut off the same way shortly before the
/// idle timeout would close the connection without a word. When time is up the body's reader fails
/// with a 408 `PlaygroundError`, which the route sends if it has not answered yet
/// (`Connection: close`); the connection is closed a moment later in any case, and at once when a
/// response is already on its way.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Time for the 408 to be written before the connection is closed regardless.
    static let grace = TimeAmount.seconds(2)

    private let seconds: Double
    /// How long a body may pause before it counts as stopped: a little less than the idle timeout,
    /// which would otherwise close the connection first, with no answer.
    private let stallSeconds: Double
    private var deadline: Scheduled<Void>?
    private var stall: Scheduled<Void>?
    private var closing: Scheduled<Void>?
    /// A response's head was written and its end not yet.
    private var responding = false
    /// The response being written says it ends the connection.
    private var closeAfterResponse = false
    /// The body's bytes so far and its declared length, while one is being read.
    private var received = 0
    private var expected: Int?

    init(seconds: Double, idleSeconds: Double) {
        self.seconds = seconds
        self.stallSeconds = max(idleSeconds - 2, idleSeconds / 2)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            (received, expected) = (0, head.headerFields[.contentLength].flatMap { Int($0) })
            start(context)
        case .body(let bytes):
            received += bytes.readableBytes
            waitForMore(context)
        case .end: stop()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            responding = true
            // A refusal of the body (413, 408) says `Connection: close`, and Hummingbird only closes
            // for a request that says so: it would read the rest of the body, for as long as the
            // client takes, and then wait for another request on the same connection.
            closeAfterResponse = head.headerFields[.connection]?.lowercased() == "close"
        case .end:
            responding = false
            if closeAfterResponse {
                // Output first, the whole connection a moment later: closed at once with the body's
                // bytes still unread, the kernel answers with a reset, and a client still sending
                // (a 3 MB upload refused by its Content-Length) may lose the 413 it was sent.
                let channel = context.channel
                let loop = context.eventLoop
                let written = promise ?? loop.makePromise()
                written.futureResult.whenComplete { _ in
                    channel.close(mode: .output, promise: nil)
                    _ = loop.scheduleTask(in: Self.grace) { channel.close(promise: nil) }
                }
                return context.write(data, promise: written)
            }
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
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            self.expire(context, Self.message(self.seconds))
        }
        waitForMore(context)
    }

    /// (Re)starts the wait for the body's next bytes.
    private func waitForMore(_ context: ChannelHandlerContext) {
        stall?.cancel()
        guard deadline != nil else { return }
        let delay = TimeAmount.nanoseconds(Int64(stallSeconds * 1e9))
        stall = context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            self.expire(context, Self.stalled(self.stallSeconds, received: self.received, of: self.expected))
        }
    }

    private func stop() {
        deadline?.cancel()
        stall?.cancel()
        (deadline, stall) = (nil, nil)
    }

    private func expire(_ context: ChannelHandlerContext, _ message: String) {
        stop()
        let channel = context.channel
        guard !responding else { return channel.close(promise: nil) }
        context.fireErrorCaught(PlaygroundError(.timeout, message))
        closing = context.eventLoop.assumeIsolated().scheduleTask(in: Self.grace) { channel.close(promise: nil) }
    }

    static func message(_ seconds: Double) -> String {
        "the request did not arrive in time: its body must follow its headers within \(seconds.formatted()) s "
            + "(the connection is slow, or the client stopped sending)"
    }

    static func stalled(_ seconds: Double, received: Int, of expected: Int?) -> String {
        let count = expected.map { "\(received) of its \($0) bytes" } ?? "\(received) bytes"
        return "the request's body stopped arriving: nothing came for \(seconds.formatted()) s after \(count)"
    }
}

extension Double {
    /// `30` rather than `30.0`; `0.5` as it is.
    fileprivate func formatted() -> String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
