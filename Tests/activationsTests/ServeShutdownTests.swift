import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
    private let streamSocket = Int32(SOCK_STREAM.rawValue)
#else
    import Darwin
    private let streamSocket = SOCK_STREAM
#endif

/// `activations serve` stopped by SIGTERM, as a service manager or `kill` stops it, while a page that
/// has stopped reading (a laptop lid closed mid-class) waits on its frame stream for a large frame.
/// In a debug build the first frame of this network waits seconds behind an epoch that holds the
/// engine; that wait could not be cancelled, so the shutdown hung on it until, 4 s after the signal,
/// ServiceLifecycle ended the process with a `fatalError` ("Cancellation took longer than allowed"),
/// a crash report and exit by signal. The server must stop cleanly (exit 0) and promptly. (On a fast
/// machine with a release build the epoch is short and this passes either way.)
@Suite(.serialized) struct ServeShutdownTests {
    /// The time allowed from SIGTERM to exit: 2 s for streams to end, 2 s for cancellation, and a
    /// wide margin for a busy machine.
    static let exitBound = 15.0

    @Test func sigtermStopsTheServerWhileAStreamWaitsAndItsClientDoesNotRead() async throws {
        let server = Process()
        server.executableURL = CLI.executable
        server.arguments = ["serve", "--port", "0"]
        let output = Pipe()
        (server.standardOutput, server.standardError) = (output, Pipe())
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let banner = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(banner.firstMatch(of: /127\.0\.0\.1:(\d+)/).flatMap { Int($0.output.1) }, "\(banner)")

        // A session playing a network whose frames are about 300 KB, and a stream nobody reads.
        let created = try Socket.exchange(
            port, "POST", "/api/sessions", #"{"networkShape": [16, 16, 16, 16], "epochsPerFrame": 1}"#)
        let id = try #require(created.firstMatch(of: /"id":"(\w+)"/)?.output.1, "\(created.prefix(300))")
        #expect(try Socket.exchange(port, "POST", "/api/sessions/\(id)/play").contains(#""playing":true"#))
        let stalled = try Socket(port: port, receiveBuffer: 4096)
        defer { stalled.close() }
        try stalled.send("GET /api/sessions/\(id)/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        try await Task.sleep(for: .seconds(1))

        kill(server.processIdentifier, SIGTERM)
        let start = Date()
        while server.isRunning && Date().timeIntervalSince(start) < Self.exitBound {
            try await Task.sleep(for: .milliseconds(50))
        }
        let seconds = Date().timeIntervalSince(start)
        #expect(!server.isRunning, "the server still runs \(Self.exitBound) s after SIGTERM")
        #expect(
            server.terminationReason == .exit && server.terminationStatus == 0,
            "ended by \(server.terminationReason), status \(server.terminationStatus)")
        print("serve exited \(String(format: "%.2f", seconds)) s after SIGTERM")
    }
}

/// A blocking TCP connection to 127.0.0.1.
private final class Socket {
    let fd: Int32

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Connects; a `receiveBuffer` set before connecting keeps the window the server may fill small.
    init(port: Int, receiveBuffer: Int32? = nil) throws {
        fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw Failure(description: "socket(): errno \(errno)") }
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
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
            throw Failure(description: "connect(): errno \(errno)")
        }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else {
            throw Failure(description: "write(): errno \(errno)")
        }
    }

    /// Everything the server sends until it closes.
    func readAll() -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    func close() { closeDescriptor(fd) }

    /// One request on a fresh connection (`Connection: close`); the whole response.
    static func exchange(_ port: Int, _ method: String, _ path: String, _ body: String = "") throws -> String {
        let socket = try Socket(port: port)
        defer { socket.close() }
        let type = method == "GET" ? "" : "Content-Type: application/json\r\n"
        try socket.send(
            "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(type)Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        )
        return socket.readAll()
    }
}

private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
