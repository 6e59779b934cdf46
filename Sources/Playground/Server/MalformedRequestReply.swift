import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Says what was wrong with bytes that are not a request the server can read.
///
/// When the HTTP parser fails (headers beyond 80 KiB or 1000 fields, a malformed request line),
/// Hummingbird answers an empty `400` and closes, before any route or middleware sees the request:
/// without a word of why, and without the security headers every other answer carries. This
/// handler sits between the parser and Hummingbird, notes the parser's error as it passes, and
/// turns that empty 400 into `431 Request Header Fields Too Large` (headers too large) or a 400,
/// each with the API's error body and `RequestGuard.securityHeaders`. A refused first request (a
/// frame-socket handshake `FrameSocket.check` refuses: 403 for a foreign `Origin` or `Host`, 404, 503;
/// or what ``FirstRequestGuard`` refuses) gets the same empty 400 from Hummingbird's WebSocket channel,
/// as a declined upgrade: this sends the refusal instead (``FirstRequestRefusal``), with its reason.
final class MalformedRequestReply: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The parser's error, from when it is seen until the answer to it has been written.
    private var parseError: HTTPParserError?
    /// A request's head has been read and its end not yet (its body is arriving).
    private var inRequest = false
    /// A response to the request whose head was read last has gone out.
    private var answeredCurrent = false
    /// The parser failed in a request's body, after the route may have answered it (a chunk size it
    /// could not read): not in the head of a new request on a reused connection.
    private var failedInBody = false
    /// What becomes of Hummingbird's empty 400 once its head went out: a body that replaces the
    /// empty one, or nothing at all (`dropping`) when the request was answered already.
    private var pendingBody: [UInt8]?
    private var dropping = false
    /// Where a refused first request's answer waits (`ConnectionAdmission.refusal`).
    private var admission: ConnectionAdmission?

    func handlerAdded(context: ChannelHandlerContext) {
        admission = try? context.pipeline.syncOperations.handler(type: ConnectionAdmission.self)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: (inRequest, answeredCurrent) = (true, false)
        case .end: inRequest = false
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? HTTPParserError { (parseError, failedInBody) = (error, inRequest) }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where Self.isParseErrorAnswer(head) && (parseError != nil || admission?.refusal != nil):
            let refusal: FirstRequestRefusal
            if let parseError {
                if failedInBody && answeredCurrent {  // one request, one answer: the route's came first
                    dropping = true
                    promise?.succeed()
                    return
                }
                refusal = FirstRequestRefusal(parse: parseError)
            } else {
                refusal = admission!.refusal!
                admission!.refusal = nil
            }
            pendingBody = refusal.body
            context.write(
                wrapOutboundOut(.head(HTTPResponse(status: refusal.status, headerFields: refusal.fields))), promise: promise)
        case .head(let head):
            if head.status.kind != .informational { answeredCurrent = true }
            context.write(data, promise: promise)
        case .end where dropping:
            (parseError, dropping) = (nil, false)
            promise?.succeed()
        case .end(let trailers) where pendingBody != nil:  // a parser error's answer, or a refused handshake's
            let buffer = context.channel.allocator.buffer(bytes: pendingBody!)
            (parseError, pendingBody) = (nil, nil)
            context.write(wrapOutboundOut(.body(buffer)), promise: nil)
            context.write(wrapOutboundOut(.end(trailers)), promise: promise)
        default:
            context.write(data, promise: promise)
        }
    }

    /// Hummingbird's answer to a parser error: 400, no type, no body. A route's answer always has a type.
    private static func isParseErrorAnswer(_ head: HTTPResponse) -> Bool {
        head.status == .badRequest && head.headerFields[.contentType] == nil && head.headerFields[.contentLength] == "0"
    }

    /// The status and the API's error body for what the parser refused.
    static func answer(to error: HTTPParserError) -> (HTTPResponse.Status, [UInt8]) {
        let (status, message) = describe(error)
        return (status, PlaygroundError.body(message, code: status == .badRequest ? "badRequest" : "headersTooLarge"))
    }

    /// The status and message for what the parser refused.
    static func describe(_ error: HTTPParserError) -> (HTTPResponse.Status, String) {
        if error == .headerOverflow {
            return (
                .init(code: 431, reasonPhrase: "Request Header Fields Too Large"),
                "the request's headers are too large: at most 80 KiB and 1000 fields (a cookie this big, or an "
                    + "extension adding headers, can cause it; clear the cookies of this address)"
            )
        }
        return (.badRequest, "the request is not valid HTTP/1.1 (\(error)); it was not read, and the connection is closed")
    }
}
