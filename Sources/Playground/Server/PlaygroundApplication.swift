import Foundation
import Hummingbird

/// How to run the playground server.
public struct PlaygroundServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var limits = PlaygroundLimits()
    /// The experiments report folder (`activations report -o DIR`), served under /experiments/.
    public var experimentsDirectory: URL?
    /// Called with the address once the server listens (the real port when 0 was asked for).
    public var onRunning: @Sendable (String) -> Void = { _ in }

    public init() {}
}

/// The playground web app: the page, the catalog, the sessions API and their frame streams.
/// Tests drive the returned application's router without a socket (`app.test(.router)`).
public func buildApplication(_ configuration: PlaygroundServerConfiguration = PlaygroundServerConfiguration(),
                             store: SessionStore? = nil) -> some ApplicationProtocol {
    let store = store ?? SessionStore(limits: configuration.limits)
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: PlaygroundErrorMiddleware())
    PageRoutes(experiments: configuration.experimentsDirectory).add(to: router)
    SessionRoutes(store: store).add(to: router)
    let onRunning = configuration.onRunning
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "ActivationLab"),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            onRunning("http://\(configuration.host):\(port)")
        })
}

/// Sends a `PlaygroundError` as its 4xx status with `{"error": {"message": …}}`, the shape
/// Hummingbird uses for its own errors, so the page reads one format.
struct PlaygroundErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PlaygroundError {
            throw HTTPError(HTTPResponse.Status(code: error.kind.rawValue), message: error.message)
        }
    }
}

/// Responses the routes build.
enum Reply {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        bytes(JSONBody.encode(value), type: "application/json; charset=utf-8", status: status)
    }

    static func bytes(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func html(_ text: String) -> Response { bytes(Array(text.utf8), type: "text/html; charset=utf-8") }
}

/// Runs the playground until SIGINT or SIGTERM, then shuts down gracefully (open streams end).
public func runPlayground(_ configuration: PlaygroundServerConfiguration) async throws {
    try await buildApplication(configuration).runService()
}
