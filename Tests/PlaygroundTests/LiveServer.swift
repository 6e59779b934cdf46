import Foundation
import Hummingbird
import TestSupport

@testable import Playground

/// A playground server on a free loopback port, for tests that need real sockets.
struct LiveServer {
    let port: Int
    private let task: Task<Void, any Error>

    static func start(_ configure: (inout PlaygroundServerConfiguration) -> Void = { _ in }) async throws -> LiveServer
    {
        var configuration = PlaygroundServerConfiguration()
        configuration.port = 0
        configure(&configuration)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        configuration.onRunning = { address in
            continuation.yield(Int(address.split(separator: ":").last ?? "") ?? 0)
        }
        let app = buildApplication(configuration)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            throw RawConnection.Failure("the server did not start")
        }
        return LiveServer(port: port, task: task)
    }

    func stop() { task.cancel() }

    func connect() throws -> RawConnection { try RawConnection(port: port) }

    /// One request on a fresh connection; the whole response as text ("" when the server closed it).
    func send(_ request: String, timeout: Double = 30) throws -> String {
        let connection = try connect()
        defer { connection.close() }
        try connection.write(request)
        return connection.readAll(timeout: timeout)
    }

    /// A well-formed request as the page sends it; the status, the body and how long it took.
    func request(_ method: String, _ path: String, _ body: String = "") throws -> (
        status: Int, body: String, seconds: Double
    ) {
        let start = Date()
        let type = method == "GET" ? "" : "Content-Type: application/json\r\n"
        let response = try send(
            "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(type)Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        )
        let text = response.range(of: "\r\n\r\n").map { String(response[$0.upperBound...]) } ?? ""
        return (RawConnection.status(of: response), text, Date().timeIntervalSince(start))
    }

    /// A new session's id.
    func createSession(_ config: String) throws -> String {
        let (status, body, _) = try request("POST", "/api/sessions", config)
        guard status == 201, let id = body.firstMatch(of: /"id":"(\w+)"/)?.output.1 else {
            throw RawConnection.Failure("create: \(status) \(body.prefix(200))")
        }
        return String(id)
    }
}
