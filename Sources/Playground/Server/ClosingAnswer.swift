import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Gives the answer after which the server closes the connection `Connection: close` (RFC 9112, 9.6),
/// so that a client does not send its next request on a connection about to end.
///
/// Hummingbird ends a connection after answering a request that says `Connection: close` (every
/// request that must be its connection's last says so by the time it gets there: ``LastRequestGuard``)
/// and after a request whose body the parser could not read (a malformed chunk), but its answers did
/// not say so. The refusals that close a connection on their own (``MalformedRequestReply``'s, 408,
/// 413, 503) say it already; an answer that does is passed on as it is.
///
/// Answers go out in the order of the requests (HTTP/1.1 pipelining), so answer n is request n's:
/// this counts both and marks the answer whose number is the last request's.
final class ClosingAnswer: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Requests whose head has been read, and final answers (not 1xx) written.
    private var requestsRead = 0, answersWritten = 0
    /// A request's head has been read and its end not yet.
    private var inRequest = false
    /// The number of the request whose answer is the connection's last, once known.
    private var lastAnswer: Int?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            (requestsRead, inRequest) = (requestsRead + 1, true)
            if head.headerFields[.connection] == "close" { endAt(requestsRead) }
        case .end: inRequest = false
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A parser error ends the connection: in a body, after the answer to that request (the route's,
        // or Hummingbird's 400); in a new request's head, after MalformedRequestReply's answer to it.
        if error is HTTPParserError { endAt(inRequest ? requestsRead : requestsRead + 1) }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data), head.status.kind != .informational else {
            return context.write(data, promise: promise)
        }
        answersWritten += 1
        if let lastAnswer, answersWritten >= lastAnswer, head.headerFields[.connection]?.lowercased() != "close" {
            head.headerFields[.connection] = "close"
            return context.write(wrapOutboundOut(.head(head)), promise: promise)
        }
        context.write(data, promise: promise)
    }

    private func endAt(_ request: Int) { lastAnswer = min(lastAnswer ?? request, request) }
}
