import NIOCore
import NIOHTTP1

/// Ends the connection after a request that must be its last, for the connection's whole life. It
/// sits right after the HTTP parser and gives such a request `Connection: close`, the one form of
/// it that Hummingbird reads (it kept a connection open on `Connection: close, Upgrade`, and on an
/// HTTP/1.0 request, which is its connection's last unless it asks to keep it alive: RFC 9112, 9.3):
/// - a request whose `Connection` lists `close`, or in HTTP/1.0 without `keep-alive`;
/// - a request after which the parser may read no more (llhttp stops there, expecting the connection
///   to change protocol): `CONNECT`, and any request with `Upgrade` that does not become the frame
///   socket (`h2c`, which `curl --http2` offers; an `Upgrade` on a later request). Nothing changed the
///   protocol, so the next request on that connection went unanswered until the idle time, and the
///   bytes sent after it piled up in the parser's buffer: 4 GB of them crashed the server. After such
///   a request's end this handler stops reading the socket, so what the client sends next waits in its
///   own buffers until the connection closes.
///
/// A connection whose first request is a WebSocket handshake becomes the frame socket, or is
/// refused and closed (``FirstRequestGuard``): this handler leaves the pipeline there.
final class LastRequestGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart

    private var firstRequest = true
    /// The request being read leaves the parser stopped at its end.
    private var parserStopsAfterThis = false
    /// The parser stopped: no more reads from the socket.
    private var stopped = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(var head):
            defer { firstRequest = false }
            let connection = FirstRequestGuard.tokens(head.headers, "connection")
            let upgrade = !head.headers["upgrade"].isEmpty
            if firstRequest && upgrade && connection.contains("upgrade")
                && FirstRequestGuard.upgradeTokens(head.headers).contains("websocket")
            {
                context.fireChannelRead(data)
                context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
                return
            }
            // llhttp stops on `Upgrade` with `upgrade` in `Connection` or in `Proxy-Connection`: any
            // `Upgrade` is taken as such here, which costs a client that sends one without either a new
            // connection for its next request.
            parserStopsAfterThis = upgrade || head.method == .CONNECT
            let http10 = head.version.major == 1 && head.version.minor == 0
            let last = parserStopsAfterThis || connection.contains("close") || (http10 && !connection.contains("keep-alive"))
            guard last, head.headers["connection"] != ["close"] else { return context.fireChannelRead(data) }
            head.headers.replaceOrAdd(name: "connection", value: "close")
            context.fireChannelRead(wrapInboundOut(.head(head)))
        case .end:
            stopped = parserStopsAfterThis
            context.fireChannelRead(data)
        case .body:
            context.fireChannelRead(data)
        }
    }

    func read(context: ChannelHandlerContext) {
        if !stopped { context.read() }
    }
}
