import Foundation
import Logging
import Synchronization
import TestSupport
import Testing

@testable import Playground

/// A connection's first request, which decides whether it becomes a WebSocket (`FirstRequestGuard`).
@Suite(.serialized) struct FirstRequestGuardTests {
    /// What the server logged at warning level or above.
    final class Warnings: @unchecked Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func add(_ line: String) { lines.withLock { $0.append(line) } }
    }

    struct Recorder: LogHandler {
        let warnings: Warnings
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            if event.level >= .warning { warnings.add("\(event.level) \(event.message) \(event.metadata ?? [:])") }
        }
    }

    static let key = "dGhlIHNhbXBsZSBub25jZQ=="

    /// (what, request, status): first requests refused below the router, each on a connection of its own.
    static let refused: [(String, String, Int)] = [
        ("a handshake in version 12",
         "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 12\r\nSec-WebSocket-Key: \(key)\r\n\r\n", 426),
        ("a handshake without a key",
         "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n", 400),
        ("a handshake in HTTP/1.0",
         "GET /x HTTP/1.0\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: \(key)\r\n\r\n", 400),
        ("a handshake with HEAD",
         "HEAD /api/sessions/x/socket HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: \(key)\r\n\r\n", 400),
        ("a handshake with DELETE",
         "DELETE /api/sessions/x/socket HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: \(key)\r\n\r\n", 400),
        ("an Upgrade listing 5000 protocols",
         "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: \(Array(repeating: "h2c", count: 5000).joined(separator: ","))\r\n\r\n", 400),
        ("a socket at an address that has none",
         "GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: \(key)\r\n\r\n", 404),
        // NIO's upgrader waited for the body's end, past every deadline (a slowloris that held the
        // connection cap and SIGTERM), and upgraded once it came; a malformed chunk went unanswered.
        ("a handshake with a body to come",
         "GET /api/sessions/x/socket HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: \(key)\r\nContent-Length: 1\r\n\r\n", 400),
        ("a handshake with a body",
         "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: \(key)\r\nContent-Length: 5\r\n\r\n12345", 400),
        ("a handshake with a malformed chunked body",
         "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: \(key)\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ("bytes that are not HTTP", "GARBAGE\u{1} / HTTP/1.1\r\n\r\n", 400),
        ("90 KB of headers", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "a", count: 90_000))\r\n\r\n", 431),
    ]

    /// A first request the server refuses below the router, or a connection it closes before its first
    /// head, is answered (or closed) and logs nothing at warning level or above. Each of these left
    /// Hummingbird's upgrade waiting, and it logged "Error handling upgrade result" at error level: one
    /// line in `serve`'s output per bad request a client sent.
    @Test func firstRequestsRefusedOrClosedBelowTheRouterLogNothing() async throws {
        let warnings = Warnings()
        let logger = Logger(label: "test") { _ in Recorder(warnings: warnings) }
        // The refusals on a server with the usual idle time: a 1 s deadline for the first head can run
        // out before a loaded machine reads a request sent whole (it did in a CI run, and the
        // connection was closed unanswered).
        let server = try await LiveServer.start { $0.logger = logger }
        defer { server.stop() }
        for (what, request, status) in Self.refused {
            let answer = try await onAThreadOfItsOwn { try server.send(request) }
            #expect(RawConnection.status(of: answer) == status, "\(what): \(answer.prefix(300))")
            // The answer says why (an answer to HEAD has no body).
            #expect(request.hasPrefix("HEAD") || answer.contains("\"error\""), "\(what): \(answer.prefix(300))")
        }
        // Half a head, never finished: closed after the idle time (1 s here, on a server of its own).
        let impatient = try await LiveServer.start {
            $0.logger = logger
            $0.limits.idleConnectionSeconds = 1
        }
        defer { impatient.stop() }
        let slow = try impatient.connect()
        defer { slow.close() }
        try slow.write("GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        let closed = try await onAThreadOfItsOwn { slow.isClosedByServer(within: 20) }
        #expect(closed, "headers that never finish do not hold the connection")
        // The server goes on, and a request it answers afterwards has been handled: what the refusals
        // logged has been logged by now. (Not asked of the impatient server: its 1 s deadline could run
        // out before a loaded machine reads the request.)
        let limits = try await onAThreadOfItsOwn { try server.request("GET", "/api/limits") }
        #expect(limits.status == 200)
        try await Task.sleep(for: .milliseconds(500))
        #expect(warnings.all.isEmpty, "logged: \(warnings.all)")
    }

    /// An `Upgrade` to another protocol than the WebSocket (`curl --http2` offers `h2c` over plain HTTP)
    /// is ignored, as a server may (RFC 9110, 7.8): the request is answered. NIO's upgrader closed the
    /// connection without a word.
    @Test(arguments: ["h2c", "foo, bar/2"])
    func anUpgradeToAnotherProtocolIsAnsweredAsPlainHTTP(_ protocols: String) async throws {
        // The usual idle time: a request with `Upgrade` is its connection's last (`LastRequestGuard`), so
        // the server closes the connection after answering.
        let server = try await LiveServer.start()
        defer { server.stop() }
        let answer = try await onAThreadOfItsOwn {
            try server.send(
                "GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: \(protocols)\r\n"
                    + "HTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n", timeout: 10)
        }
        #expect(RawConnection.status(of: answer) == 200, "\(answer.prefix(300))")
        #expect(answer.contains("\"maxLayers\""), "\(answer.prefix(300))")
    }

    /// A request after which the connection must end is answered, with `Connection: close`, and then
    /// the connection closes at once, not after the idle time. After `CONNECT` or an `Upgrade` with
    /// `Connection: upgrade` that changes nothing, the HTTP parser reads no more: the next request went
    /// unanswered until the idle time, and what was sent meanwhile piled up in memory (4 GB crashed the
    /// server). Hummingbird read only `Connection: close` itself as the last request, not `close` among
    /// other tokens or HTTP/1.0, and its answers did not say that the connection would close.
    @Test(arguments: [
        ("Connection: close", "GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 200),
        ("an Upgrade to h2c", "GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\n\r\n", 200),
        ("an Upgrade on a WebSocket with a no-break space", "GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\u{A0}\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: \(key)\r\n\r\n", 200),
        ("an Upgrade to h2c with Proxy-Connection", "GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: h2c\r\nProxy-Connection: upgrade\r\n\r\n", 200),
        ("CONNECT", "CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 0),
        ("Connection: close, Upgrade", "GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close, Upgrade\r\n\r\n", 200),
        ("HTTP/1.0", "GET /api/limits HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", 200),
    ])
    func aRequestThatMustBeTheLastIsAnsweredAndTheConnectionCloses(_ what: String, _ request: String, _ status: Int)
        async throws
    {
        let server = try await LiveServer.start()  // the idle time: 30 s
        defer { server.stop() }
        let connection = try server.connect()
        defer { connection.close() }
        // With another request behind it, as a client reusing the connection would send.
        try connection.write(request + "GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let start = Date()
        let answer = try await onAThreadOfItsOwn { connection.readAll(timeout: 20) }
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 15, "\(what): the connection stayed open \(seconds) s")
        let statuses = answer.matches(of: /HTTP\/1\.1 (\d{3})/).map { Int($0.output.1)! }
        #expect(statuses.count == 1, "\(what): \(statuses) answered")
        if status > 0 { #expect(statuses.first == status, "\(what): \(answer.prefix(300))") }
        #expect(RawConnection.connectionOptions(of: answer).first?.contains("close") == true, "\(what): \(answer.prefix(400))")
    }

    /// On a connection in use, only the answer to the request that ends it says `Connection: close`: the
    /// answers go out in the order of the requests, pipelined or not.
    @Test func onlyTheLastAnswerOfAConnectionSaysClose() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let connection = try server.connect()
        defer { connection.close() }
        let request = "GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        try connection.write(request + "\r\n" + request + "\r\n" + request + "Connection: keep-alive, close\r\n\r\n")
        let answer = try await onAThreadOfItsOwn { connection.readAll(timeout: 20) }
        let options = RawConnection.connectionOptions(of: answer)
        #expect(options.count == 3, "\(answer.prefix(600))")
        #expect(options.map { $0.contains("close") } == [false, false, true], "\(options)")
        // A request the parser cannot read behind a good one: the good one's answer does not end the
        // connection, the refusal does (the parser's error counts as the next request's).
        let second = try server.connect()
        defer { second.close() }
        try second.write(request + "\r\n" + "GET /\u{1} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let refused = try await onAThreadOfItsOwn { second.readAll(timeout: 20) }
        let refusedOptions = RawConnection.connectionOptions(of: refused)
        #expect(refusedOptions.map { $0.contains("close") } == [false, true], "\(refusedOptions): \(refused.prefix(600))")
    }
}
