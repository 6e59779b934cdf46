import Foundation
import TestSupport
import Testing

@testable import Playground

/// The frame socket (`/api/sessions/:id/socket`, FrameSocket) on a real loopback server: the page's
/// frames over one WebSocket, the handshake's checks, and the reasons it closes. Every socket is
/// driven from threads of its own.
@Suite(.serialized) struct FrameSocketTests {
    typealias Decoded = FrameFormatTests.Decoded

    /// Opens session `id`'s socket as the page does (its own origin; `handshake` and `bytes` as in
    /// `SocketClient.open`); throws if refused.
    static func open(
        _ server: LiveServer, _ id: String, path: String? = nil, handshake: String = SocketClient.goodHandshake,
        thenAtOnce bytes: [UInt8] = []
    ) async throws -> SocketClient {
        let port = server.port
        let opened = try await onAThreadOfItsOwn {
            try SocketClient.open(
                port: port, path: path ?? "/api/sessions/\(id)/socket", origin: "http://127.0.0.1:\(port)",
                handshake: handshake, thenAtOnce: bytes)
        }
        switch opened {
        case .success(let client): return client
        case .failure(let refused): throw RawConnection.Failure("handshake refused: \(refused.answer.prefix(300))")
        }
    }

    static func send(_ client: SocketClient, _ text: String) async throws {
        try await onAThreadOfItsOwn { try client.send(text: text) }
    }

    static func receive(_ client: SocketClient) async throws -> SocketClient.Message? {
        try await onAThreadOfItsOwn { client.receive() }
    }

    /// The server's answer to a handshake it should refuse; `opened` says what it would mean if it did not.
    static func refusal(
        _ opened: String, _ handshake: @escaping @Sendable () throws -> Result<SocketClient, SocketClient.Refused>
    ) async throws -> SocketClient.Refused {
        switch try await onAThreadOfItsOwn(handshake) {
        case .failure(let refused): return refused
        case .success(let client):
            client.close()
            throw RawConnection.Failure(opened)
        }
    }

    /// The answer to a first request (`wait=0`): a whole frame.
    static func firstFrame(_ client: SocketClient) async throws -> Decoded {
        try await send(client, "wait=0")
        guard case .binary(let bytes) = try await receive(client) else { throw RawConnection.Failure("no first frame") }
        return try Decoded(bytes)
    }

    static func receiveClose(_ client: SocketClient) async throws -> (code: Int, reason: String)? {
        try await onAThreadOfItsOwn { client.receiveClose() }
    }

    /// A frame, then (the page acknowledging it) a delta newer than it once training has moved on; a
    /// request with nothing new within its wait is answered `idle`.
    @Test func framesComeOverTheSocketNewerThanAfter() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession(#"{"networkShape": [4, 3]}"#) }
        let client = try await Self.open(server, id)
        defer { client.close() }
        let first = try await Self.firstFrame(client)
        #expect(first.number >= 1 && first.hidden.count == 2 && first.allGrids.allSatisfy { $0["same"] == nil })
        try await Self.send(client, "after=\(first.number)&wait=0")
        #expect(try await Self.receive(client) == .text("idle"), "nothing changed: the 204 of GET …/frame")
        _ = try await onAThreadOfItsOwn { try server.request("POST", "/api/sessions/\(id)/play") }
        try await Self.send(client, "after=\(first.number)&wait=10000")
        guard case .binary(let next) = try await Self.receive(client) else {
            Issue.record("no frame after Play")
            return
        }
        let delta = try Decoded(next)
        #expect(delta.number > first.number)
        #expect(delta.frame["playing"] as? Bool == true)
    }

    /// A request that comes while another waits ends it: each is answered once, in order, so the page
    /// can tell its answers apart (here a new focus: the waiting request `idle`, the new one a frame).
    @Test func aNewRequestEndsTheWaitingOneAndBothAreAnswered() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession(#"{"networkShape": [4, 3]}"#) }
        let client = try await Self.open(server, id)
        defer { client.close() }
        let first = try await Self.firstFrame(client)
        try await Self.send(client, "after=\(first.number)&wait=10000")
        try await Self.send(client, "after=\(first.number)&focus=0,1&wait=10000")
        #expect(try await Self.receive(client) == .text("idle"))
        guard case .binary(let focused) = try await Self.receive(client) else {
            Issue.record("no focused frame")
            return
        }
        let frame = try Decoded(focused)
        #expect(frame.number == first.number + 1)
        #expect(frame.hidden[0][1]["size"] as? Int == 100, "the focused unit at full size")
    }

    /// However fast requests come, frames are built no faster than `maxFramesPerSecond` (each request
    /// here asks for a whole frame at once), and every request is answered.
    @Test func aFloodOfRequestsBuildsNoMoreFramesThanTheRateLimit() async throws {
        let server = try await LiveServer.start { $0.limits.maxFramesPerSecond = 10 }
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession(#"{"networkShape": [2]}"#) }
        let client = try await Self.open(server, id)
        defer { client.close() }
        let count = 200
        let (frames, idle, seconds) = try await onAThreadOfItsOwn { () -> (Int, Int, Double) in
            let start = Date()
            for _ in 0..<count { try client.send(text: "wait=0") }
            var (frames, idle) = (0, 0)
            for _ in 0..<count {
                switch client.receive() {
                case .binary: frames += 1
                case .text("idle"): idle += 1
                default: return (frames, idle, -1)
                }
            }
            return (frames, idle, Date().timeIntervalSince(start))
        }
        #expect(frames + idle == count, "every request is answered once: \(frames) frames, \(idle) idle")
        #expect(frames >= 1, "no frame at all")
        // An upper bound only: a slower machine makes `seconds` longer and the bound looser.
        #expect(seconds >= 0 && Double(frames) <= 2 + seconds * 10, "\(frames) frames in \(seconds) s at 10 a second")
    }

    @Test func aForeignOriginIsRefused() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession("{}") }
        let port = server.port
        for origin in ["https://evil.example", "http://127.0.0.1:\(port + 1)", "null"] {
            let opened = try await onAThreadOfItsOwn {
                try SocketClient.open(port: port, path: "/api/sessions/\(id)/socket", origin: origin)
            }
            guard case .failure(let refused) = opened else {
                Issue.record("a page at \(origin) opened the socket")
                continue
            }
            #expect(refused.status == 403, "\(refused.answer.prefix(300))")
            #expect(refused.answer.contains("may not open this server's frame socket"), "\(refused.answer)")
            #expect(refused.answer.lowercased().contains("x-frame-options: deny"), "\(refused.answer)")
        }
    }

    @Test func aForeignHostIsRefused() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession("{}") }
        let port = server.port
        let opened = try await onAThreadOfItsOwn {
            try SocketClient.open(
                port: port, path: "/api/sessions/\(id)/socket", host: "rebound.example:\(port)",
                origin: "http://rebound.example:\(port)")
        }
        guard case .failure(let refused) = opened else {
            Issue.record("a rebound name opened the socket")
            return
        }
        #expect(refused.status == 403 && refused.answer.contains("is not this server's"), "\(refused.answer)")
        let notFound = try await Self.refusal("a socket at /api/limits") {
            try SocketClient.open(port: port, path: "/api/limits", origin: "http://127.0.0.1:\(port)")
        }
        #expect(notFound.status == 404 && notFound.answer.contains("the frame socket is"), "\(notFound.answer)")
    }

    /// A handshake without one good key or `Connection: Upgrade`, or in another version than 13, is
    /// answered with the reason (426 with `Sec-WebSocket-Version: 13` for the version, 400 for the rest)
    /// and the security headers, and the connection closes; NIO's upgrader closed it without a word, and
    /// took any key and no `Connection: Upgrade`.
    @Test(arguments: [
        ("no Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n", 400, "needs Connection: Upgrade"),
        ("Connection: keep-alive", "Connection: keep-alive\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n", 400, "needs Connection: Upgrade"),
        ("no key or version", "Connection: keep-alive, Upgrade\r\n", 426, "gave none"),
        ("version 8", "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n", 426, "gave '8'"),
        ("two versions", "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13, 8\r\n", 426, "gave '13, 8'"),
        ("no key", "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Version: 13\r\n", 400, "gave none"),
        ("two keys", "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n", 400, "one Sec-WebSocket-Key"),
        ("a key without its padding", "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ\r\nSec-WebSocket-Version: 13\r\n", 400, "16 random bytes"),
        ("a 15-byte key", "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAA\r\nSec-WebSocket-Version: 13\r\n", 400, "16 random bytes"),
        ("a key not in base64", "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: not base64 at all!!!!!\r\nSec-WebSocket-Version: 13\r\n", 400, "16 random bytes"),
    ])
    func aMalformedHandshakeIsAnsweredWithItsReason(_ what: String, _ lines: String, _ status: Int, _ reason: String) async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession("{}") }
        let port = server.port
        let refused = try await Self.refusal("a handshake with \(what)") {
            try SocketClient.open(
                port: port, path: "/api/sessions/\(id)/socket", origin: "http://127.0.0.1:\(port)", handshake: lines)
        }
        let answer = refused.answer.lowercased()
        #expect(refused.status == status && refused.answer.contains(reason), "\(what): \(refused.answer)")
        #expect(answer.contains("x-frame-options: deny"), "\(what): \(refused.answer)")
        // It closes the connection, and a 426 names the upgrade in `Connection` too (RFC 9110, 7.8).
        let connection = status == 426 ? "connection: upgrade, close\r\n" : "connection: close\r\n"
        #expect(answer.contains(connection), "\(what): \(refused.answer)")
        #expect(answer.contains("sec-websocket-version: 13") == (status == 426), "\(what): \(refused.answer)")
        // The server goes on: the page's own handshake opens the socket.
        let client = try await Self.open(server, id)
        client.close()
    }

    /// Spaces and tabs around a handshake's values are not part of them (HTTP ignores them): the
    /// handshake opens the socket, as it did before the handshake's checks.
    @Test func aHandshakeWithSpacesAroundItsValuesOpens() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession("{}") }
        let client = try await Self.open(
            server, id,
            handshake: "Connection:  keep-alive ,Upgrade \r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ== \r\n"
                + "Sec-WebSocket-Version: 13\t\r\n")
        defer { client.close() }
        #expect(try await Self.firstFrame(client).header["number"] != nil)
    }

    /// A handshake in HTTP/1.0 (RFC 6455 asks for 1.1; NIO upgraded it) is refused with 400 and its reason.
    @Test func aHandshakeInHTTP10IsRefused() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession("{}") }
        let port = server.port
        let answer = try await onAThreadOfItsOwn {
            let connection = try RawConnection(port: port)
            defer { connection.close() }
            try connection.write(
                "GET /api/sessions/\(id)/socket HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n" + SocketClient.goodHandshake + "\r\n")
            return connection.readAll(timeout: 30)
        }
        #expect(RawConnection.status(of: answer) == 400 && answer.contains("this one is HTTP\\/1.0"), "\(answer.prefix(300))")
    }

    /// A first request whose `Upgrade` lists thousands of protocols (NIO's upgrade handler recursed once
    /// per protocol: 10 000 of them, 20 KB, crashed the server) is refused with 400 and its reason, on
    /// any path; the server goes on.
    @Test func anUpgradeListingThousandsOfProtocolsIsRefused() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let protocols = Array(repeating: "x", count: 10_000).joined(separator: ",")
        let port = server.port
        let answer = try await onAThreadOfItsOwn {
            let connection = try RawConnection(port: port)
            defer { connection.close() }
            try connection.write("GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: \(protocols)\r\n\r\n")
            return connection.readAll(timeout: 30)
        }
        #expect(RawConnection.status(of: answer) == 400 && answer.contains("Upgrade lists 10000 protocols"), "\(answer.prefix(300))")
        let limits = try await onAThreadOfItsOwn { try server.request("GET", "/api/limits") }
        #expect(limits.status == 200, "the server goes on answering")
    }

    /// Bad requests close the socket with a code and a reason; the server goes on.
    @Test func badMessagesCloseTheSocketWithAReason() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession("{}") }
        let cases: [(String, @Sendable (SocketClient) throws -> Void, Int, String)] = [
            (
                "oversized", { try $0.send(text: "after=1&" + String(repeating: "x", count: 300)) }, 1009,
                "at most 256 bytes"
            ),
            (
                "oversized in pieces",
                {
                    try $0.send(opcode: 0x1, Array(repeating: UInt8(ascii: "a"), count: 200), fin: false)
                    try $0.send(opcode: 0x0, Array(repeating: UInt8(ascii: "a"), count: 200))
                }, 1009, "at most 256 bytes"
            ),
            ("binary", { try $0.send(opcode: 0x2, [1, 2, 3]) }, 1003, "a text message"),
            ("stray continuation", { try $0.send(opcode: 0x0, Array("after=1".utf8)) }, 1002, "its continuations"),
            ("not a number", { try $0.send(text: "after=abc") }, 1007, "after must be a whole number"),
            ("unknown key", { try $0.send(text: "after=1&limit=9") }, 1007, "not 'limit'"),
            ("twice", { try $0.send(text: "wait=1&wait=2") }, 1007, "wait is given 2 times"),
            ("bad focus", { try $0.send(text: "focus=a,b") }, 1007, "focus must be LAYER,UNIT"),
            ("control bytes", { try $0.send(opcode: 0x1, [0x61, 0x00, 0x0A]) }, 1007, "printable ASCII"),
            ("unmasked", { try $0.connection.write([0x81, 6] + Array("wait=0".utf8)) }, 1002, "must be masked"),
        ]
        for (name, send, code, reason) in cases {
            let client = try await Self.open(server, id)
            defer { client.close() }
            try await onAThreadOfItsOwn { try send(client) }
            let closed = try await Self.receiveClose(client)
            #expect(
                closed?.code == code && closed?.reason.contains(reason) == true,
                "\(name): \(String(describing: closed))")
        }
        // An unmasked frame sent with the handshake, before the answer: refused too, not read as a request.
        let early = try await Self.open(server, id, thenAtOnce: [0x81, 6] + Array("wait=0".utf8))
        defer { early.close() }
        let closed = try await Self.receiveClose(early)
        #expect(closed?.code == 1002 && closed?.reason.contains("must be masked") == true, "\(String(describing: closed))")
        let limits = try await onAThreadOfItsOwn { try server.request("GET", "/api/limits") }
        #expect(limits.status == 200, "the server goes on answering")
    }

    @Test func anUnknownOrRemovedSessionClosesTheSocketWithAReason() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let unknown = try await Self.open(server, "nosuchsession")
        defer { unknown.close() }
        let closed = try await Self.receiveClose(unknown)
        #expect(
            closed?.code == 4404 && closed?.reason.contains("no session nosuchsession") == true,
            "\(String(describing: closed))")

        let id = try await onAThreadOfItsOwn { try server.createSession("{}") }
        let client = try await Self.open(server, id)
        defer { client.close() }
        try await Self.send(client, "wait=0")
        guard case .binary = try await Self.receive(client) else {
            Issue.record("no first frame")
            return
        }
        _ = try await onAThreadOfItsOwn { try server.request("DELETE", "/api/sessions/\(id)") }
        let removed = try await Self.receiveClose(client)
        #expect(
            removed?.code == 4404 && removed?.reason.contains("was closed") == true, "\(String(describing: removed))")
    }

    /// Open sockets count against the connection limit: beyond it HTTP requests get 503, and so does
    /// another handshake; closing them frees the room.
    @Test func socketsCountAgainstTheConnectionLimit() async throws {
        let server = try await LiveServer.start { $0.limits.maxConnections = 4 }
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession("{}") }
        // The server counts a connection until it has closed it: the one that made the session, or a
        // refused handshake, may still count for a while on a loaded machine, so each socket is retried.
        var sockets: [SocketClient] = []
        defer { for socket in sockets { socket.close() } }
        for _ in 0..<4 {
            let deadline = ContinuousClock.now + .seconds(30)
            while true {
                do {
                    sockets.append(try await Self.open(server, id))
                    break
                } catch  where ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
        }
        let refused = try await onAThreadOfItsOwn { try server.request("GET", "/api/limits") }
        #expect(refused.status == 503 && refused.body.contains("connections open"), "\(refused)")
        let port = server.port
        let full = try await Self.refusal("a socket beyond the limit") {
            try SocketClient.open(port: port, path: "/api/sessions/\(id)/socket", origin: "http://127.0.0.1:\(port)")
        }
        #expect(full.status == 503 && full.answer.contains("connections open"), "\(full.answer)")
        for socket in sockets { socket.close() }
        let freed = try await poll(within: .seconds(30), every: .milliseconds(50)) {
            try await onAThreadOfItsOwn { try server.request("GET", "/api/limits").status == 200 }
        }
        #expect(freed, "closed sockets free their room")
    }

    /// A client that sends requests and stops reading holds one answer up, and no more (the server then
    /// stops reading its requests); when its session is removed, the connection is cut within the close's
    /// few seconds, and its slot freed. It stayed open with megabytes queued, counted against the limit,
    /// and made the server's shutdown crash (its cancellation never reached the held-up write).
    @Test func aClientThatStopsReadingIsCutOffWhenItsSessionGoes() async throws {
        let server = try await LiveServer.start {
            $0.limits.maxFramesPerSecond = 1000
            $0.limits.maxConnections = 2
        }
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession(#"{"networkShape": [8, 8]}"#) }
        _ = try await onAThreadOfItsOwn { try server.request("POST", "/api/sessions/\(id)/play") }  // new frames all along
        let port = server.port
        let opened = try await onAThreadOfItsOwn {
            try SocketClient.open(
                port: port, path: "/api/sessions/\(id)/socket", origin: "http://127.0.0.1:\(port)", receiveBuffer: 4096)
        }
        guard case .success(let client) = opened else {
            Issue.record("no socket: \(opened)")
            return
        }
        defer { client.close() }
        // Whole frames, as fast as they are built, until the server takes no more requests (60 s at most).
        let held = try await onAThreadOfItsOwn { () -> Bool in
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                guard try client.send(text: "wait=0", unlessHeldFor: 2) else { return true }
            }
            return false
        }
        #expect(held, "the server kept reading requests whose answers could not go out")
        let removed = try await onAThreadOfItsOwn { try server.request("DELETE", "/api/sessions/\(id)").status }
        #expect(removed == 204)
        // The socket's slot is free once a second connection (held open) and a request fit the limit of 2.
        let freed = try await poll(within: .seconds(30), every: .milliseconds(200)) {
            try await onAThreadOfItsOwn {
                let other = try server.connect()
                defer { other.close() }
                return try server.request("GET", "/api/limits").status == 200
            }
        }
        #expect(freed, "the held-up socket still counts against the connection limit")
    }

    /// A page that watches over its socket and sends nothing else keeps its own session, and sessions
    /// idle too long are still removed (the removal ran only on HTTP session requests, which such pages
    /// no longer make): here A's socket is closed with 4404 while B's requests come.
    @Test func sessionsIdleTooLongGoWhilePagesPullOverSockets() async throws {
        let server = try await LiveServer.start { $0.limits.idleSeconds = 2 }
        defer { server.stop() }
        let (a, b) = try await onAThreadOfItsOwn {
            (try server.createSession(#"{"networkShape": [2]}"#), try server.createSession(#"{"networkShape": [2]}"#))
        }
        let (idle, watching) = (try await Self.open(server, a), try await Self.open(server, b))
        defer { idle.close(); watching.close() }
        let closed = try await onAThreadOfItsOwn { () -> (code: Int, reason: String)? in
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                try watching.send(text: "wait=0")
                guard watching.receive() != nil else { return nil }
                if let close = idle.receiveClose(timeout: 0.5) { return close }
            }
            return nil
        }
        #expect(closed?.code == 4404, "A's socket: \(String(describing: closed))")
    }

    /// Stopping the server ends its sockets (a close frame, then the connection), even one whose
    /// client never answers the close.
    @Test func theServerStoppingEndsItsSockets() async throws {
        let server = try await LiveServer.start()
        let id = try await onAThreadOfItsOwn { try server.createSession("{}") }
        let client = try await Self.open(server, id)
        defer { client.close() }
        try await Self.send(client, "wait=0")
        guard case .binary = try await Self.receive(client) else {
            Issue.record("no first frame")
            return
        }
        try await Self.send(client, "after=1&wait=10000")  // a pull waiting when the server stops
        server.stop()
        let closed = try await onAThreadOfItsOwn { client.connection.isClosedByServer(within: 60) }
        #expect(closed, "the socket outlived the server")
    }
}
