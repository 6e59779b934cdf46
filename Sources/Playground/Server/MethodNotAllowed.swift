import Hummingbird

/// `405 Method Not Allowed`, with the `Allow` header listing what the path does answer.
///
/// The router has no such answer of its own: a known path asked with another method fell through
/// to its 404 ("no route answers DELETE /api/limits"), which tells a client the path is wrong when
/// only the method is.
struct MethodNotAllowed: HTTPResponseError {
    /// The methods the path answers, in the order `Allow` lists them.
    let allowed: [HTTPRequest.Method]
    let method: HTTPRequest.Method
    let path: String

    var status: HTTPResponse.Status { .methodNotAllowed }

    var headers: HTTPFields {
        [
            .contentType: "application/json; charset=utf-8", .cacheControl: "no-store",
            .allow: allowed.map(\.rawValue).joined(separator: ", "),
        ]
    }

    var message: String {
        "\(path.prefix(200)) does not answer \(method.rawValue.prefix(20)); it answers "
            + allowed.map(\.rawValue).joined(separator: ", ")
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: PlaygroundError.body(message, code: "methodNotAllowed"))))
    }
}

extension Router {
    /// The methods a path can be asked with. HEAD is answered wherever GET is (the router builds it).
    static var methodsAnswered: [HTTPRequest.Method] { [.get, .head, .post, .put, .delete, .patch, .options, .trace] }

    /// Answers every route's path, asked with a method it does not take, with a 405 naming the ones it
    /// does. Call after every route is added (and after the middleware they all pass through).
    func answerOtherMethodsWith405() {
        let byPath = Dictionary(grouping: routes, by: { $0.path.description })
        for routes in byPath.values {
            var allowed = Set(routes.map(\.method))
            if allowed.contains(.get) { allowed.insert(.head) }  // generated when the responder is built
            let listed = Self.methodsAnswered.filter(allowed.contains)
            for method in Self.methodsAnswered where !allowed.contains(method) {
                on(routes[0].path, method: method) { request, _ -> Response in
                    throw MethodNotAllowed(allowed: listed, method: request.method, path: request.uri.path)
                }
            }
        }
    }
}
