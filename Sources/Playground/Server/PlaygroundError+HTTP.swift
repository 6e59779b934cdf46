import Foundation
import Hummingbird

/// A `PlaygroundError` is sent as its status with `{"error": {"message": …, "code": …}}`: the shape
/// Hummingbird uses for its own errors, plus a code the page can test for instead of the wording.
extension PlaygroundError: HTTPResponseError {
    /// The HTTP status of the error's kind, e.g. 400 for a bad control value or 429 when there are too many sessions.
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: kind.rawValue) }

    /// JSON content type and no caching; `Retry-After: 10` when the server is full or unavailable, and `Connection:
    /// close` after a timeout or a body too large.
    public var headers: HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if kind == .tooManySessions || kind == .unavailable { fields[.retryAfter] = "10" }
        // The rest of that request is not read: the connection cannot carry another.
        if kind == .timeout || kind == .tooLarge { fields[.connection] = "close" }
        return fields
    }

    /// The headers of an error answered below the router, by a channel handler that then closes the
    /// connection (the connection limit's 503, the parser's 400 and 431, a refused frame-socket
    /// handshake): the JSON body's type and length, no caching, `Connection: close`, `Retry-After: 5`
    /// when asked, and `RequestGuard.securityHeaders`, as every answer carries.
    static func closingFields(bodyCount: Int, retryAfter: Bool = false) -> HTTPFields {
        var fields: HTTPFields = [
            .contentType: "application/json; charset=utf-8", .cacheControl: "no-store", .connection: "close",
            .contentLength: String(bodyCount),
        ]
        if retryAfter { fields[.retryAfter] = "5" }
        fields.append(contentsOf: RequestGuard.securityHeaders)
        return fields
    }

    /// The error as a response: its status, the headers above, and `{"error": {"message": …, "code": …}}`.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: Self.body(message, code: kind.code))))
    }

    /// The JSON of an error response.
    static func body(_ message: String, code: String) -> [UInt8] {
        struct Body: Encodable {
            struct Detail: Encodable { let message, code: String }
            let error: Detail
        }
        return JSONBody.encode(Body(error: .init(message: message, code: code)))
    }
}

/// Responses the routes build.
enum Reply {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        bytes(JSONBody.encode(value), type: "application/json; charset=utf-8", status: status)
    }

    static func bytes(
        _ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]
    ) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func html(_ text: String) -> Response { bytes(Array(text.utf8), type: "text/html; charset=utf-8") }
}
