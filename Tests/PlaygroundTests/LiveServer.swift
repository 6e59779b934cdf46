import Foundation
import Hummingbird

@testable import Playground

#if canImport(Glibc)
    import Glibc
    private let streamSocket = Int32(SOCK_STREAM.rawValue)
    private let noSignal = Int32(MSG_NOSIGNAL)
#else
    import Darwin
    private let streamSocket = SOCK_STREAM
    private let noSignal = Int32(0)
#endif

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

/// A blocking TCP connection to 127.0.0.1, for sending bytes no HTTP client would.
final class RawConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private let fd: Int32
    private var isOpen = true

    init(port: Int) throws {
        fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw Failure("socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            closeDescriptor(fd)
            throw Failure("connect() failed: errno \(errno)")
        }
    }

    func write(_ text: String) throws { try write(Array(text.utf8)) }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, noSignal) }
            guard sent > 0 else { throw Failure("send() failed: errno \(errno)") }
            offset += sent
        }
    }

    /// Everything until the server closes the connection or `timeout` seconds pass.
    func readAll(timeout: Double) -> String {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000)))
            guard ready > 0 else { break }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Whether the server closed the connection within `timeout` seconds (reading and dropping what it sent).
    func isClosedByServer(within timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { return false }
            if recv(fd, &buffer, buffer.count, 0) <= 0 { return true }
        }
        return false
    }

    /// Closes once (a second close could close a descriptor the server has since been given).
    func close() {
        guard isOpen else { return }
        isOpen = false
        closeDescriptor(fd)
    }

    static func status(of response: String) -> Int {
        let parts = response.prefix(while: { $0 != "\r" }).split(separator: " ")
        return parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
    }
}

private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}

/// Runs blocking socket work on a thread of its own, never on Swift's cooperative pool (which the
/// in-process server needs to answer).
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
