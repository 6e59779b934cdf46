import Foundation
import TestSupport
import Testing

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

    /// `activations serve --port 0` running, and its port.
    static func startServer() throws -> (Process, Int) {
        let server = Process()
        server.executableURL = CLI.executable
        server.arguments = ["serve", "--port", "0"]
        let output = Pipe()
        (server.standardOutput, server.standardError) = (output, Pipe())
        try server.run()
        let banner = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = banner.firstMatch(of: /127\.0\.0\.1:(\d+)/).flatMap({ Int($0.output.1) }) else {
            kill(server.processIdentifier, SIGKILL)
            throw RawConnection.Failure("no address in serve's banner: \(banner)")
        }
        return (server, port)
    }

    /// Sends `server` SIGTERM and expects it to exit with status 0 within ``exitBound`` seconds; returns
    /// how long it took. A server still running is a failure, and is killed: Foundation traps when the
    /// termination of a running process is read.
    static func stopsCleanlyOnSIGTERM(_ server: Process) async throws -> Double {
        kill(server.processIdentifier, SIGTERM)
        let start = Date()
        while server.isRunning && Date().timeIntervalSince(start) < exitBound {
            try await Task.sleep(for: .milliseconds(50))
        }
        let seconds = Date().timeIntervalSince(start)
        guard !server.isRunning else {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
            Issue.record("the server still ran \(exitBound) s after SIGTERM; it printed:\n\(String(printedSinceTheBanner(server).suffix(3000)))")
            return seconds
        }
        if server.terminationReason != .exit || server.terminationStatus != 0 {
            Issue.record(
                "ended by \(server.terminationReason), status \(server.terminationStatus), after \(seconds) s; it printed:\n\(String(printedSinceTheBanner(server).suffix(3000)))")
        }
        return seconds
    }

    @Test func sigtermStopsTheServerWhileAStreamWaitsAndItsClientDoesNotRead() async throws {
        let (server, port) = try Self.startServer()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }

        // A session playing a network whose frames are about 300 KB, and a stream nobody reads.
        let created = try RawConnection.exchange(
            port: port, "POST", "/api/sessions", #"{"networkShape": [16, 16, 16, 16], "epochsPerFrame": 1}"#)
        let id = try #require(created.firstMatch(of: /"id":"(\w+)"/)?.output.1, "\(created.prefix(300))")
        #expect(try RawConnection.exchange(port: port, "POST", "/api/sessions/\(id)/play").contains(#""playing":true"#))
        let stalled = try RawConnection(port: port, receiveBuffer: 4096)
        defer { stalled.close() }
        try stalled.write("GET /api/sessions/\(id)/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        try await Task.sleep(for: .seconds(1))

        let seconds = try await Self.stopsCleanlyOnSIGTERM(server)
        print("serve exited \(String(format: "%.2f", seconds)) s after SIGTERM")
    }

    /// The same with frame sockets whose clients send requests and stop reading: a held-up answer, a pull
    /// waiting for the engine behind an epoch, and Hummingbird's close frame behind full buffers each kept
    /// the shutdown waiting until ServiceLifecycle ended the process (4 such sockets crashed it every
    /// time in a debug build; 1 took 3.3 s of the 4 allowed).
    @Test func sigtermStopsTheServerWhileFrameSocketsAreNotRead() async throws {
        let (server, port) = try Self.startServer()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let created = try RawConnection.exchange(port: port, "POST", "/api/sessions", #"{"networkShape": [8, 8]}"#)
        let id = try #require(created.firstMatch(of: /"id":"(\w+)"/)?.output.1, "\(created.prefix(300))")
        #expect(try RawConnection.exchange(port: port, "POST", "/api/sessions/\(id)/play").contains(#""playing":true"#))
        // A masked text frame "wait=0" (a whole frame each), as a page's request.
        let request: [UInt8] = {
            let (payload, mask) = (Array("wait=0".utf8), [UInt8]([0x12, 0x34, 0x56, 0x78]))
            return [0x81, 0x80 | UInt8(payload.count)] + mask + payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        }()
        var sockets: [RawConnection] = []
        defer { for socket in sockets { socket.close() } }
        for _ in 0..<4 {
            let socket = try RawConnection(port: port, receiveBuffer: 4096)
            sockets.append(socket)
            try socket.write(
                "GET /api/sessions/\(id)/socket HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:\(port)\r\n\r\n")
        }
        // Requests until the server takes no more from each (its answers are held up), 30 s at most.
        let opened = sockets
        let held = try await onAThreadOfItsOwn { () -> Int in
            var held = 0
            for socket in opened {
                let deadline = Date().addingTimeInterval(30)
                while Date() < deadline {
                    guard try socket.write(request, unlessHeldFor: 2) else {
                        held += 1
                        break
                    }
                }
            }
            return held
        }
        #expect(held == sockets.count, "\(held) of \(sockets.count) sockets held up")

        _ = try await Self.stopsCleanlyOnSIGTERM(server)
    }

    /// A connection that sent part of its first request's head and then nothing: the server stopping
    /// closes it. It held the shutdown until ServiceLifecycle ended the process with a fatal error
    /// ("Cancellation took longer than allowed", 5 s after SIGTERM).
    @Test func sigtermStopsTheServerWhileAFirstRequestIsHalfSent() async throws {
        let (server, port) = try Self.startServer()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let halfSent = try RawConnection(port: port)
        defer { halfSent.close() }
        try halfSent.write("GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n")
        try await Task.sleep(for: .milliseconds(500))

        let seconds = try await Self.stopsCleanlyOnSIGTERM(server)
        #expect(seconds < 4, "the shutdown waited for the half-sent request")
        // Closed before the upgrade handler had a head, it logged "Error handling upgrade result".
        let logged = Self.printedSinceTheBanner(server)
        #expect(!logged.contains("error"), "\(logged)")
    }

    /// What `server`, started by ``startServer()`` and since ended, wrote after its banner, on
    /// standard output and standard error.
    static func printedSinceTheBanner(_ server: Process) -> String {
        [server.standardOutput, server.standardError].compactMap { ($0 as? Pipe)?.fileHandleForReading }
            .map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) }.joined()
    }

    /// Listening on every network (a classroom), the printed address is http://0.0.0.0:PORT, which is
    /// where the server listens, not an address to give students: the lines after it give this
    /// machine's addresses with the port, checked against `hostname -I` where there is one.
    /// With `::` (IPv6, which takes IPv4 too) the IPv6 addresses come as well, in brackets, link-local ones
    /// left out (`hostname -I` leaves them out too).
    @Test(arguments: ["0.0.0.0", "::"])
    func aWildcardHostSaysWhatAddressToGiveOtherMachines(host: String) async throws {
        let server = Process()
        server.executableURL = CLI.executable
        server.arguments = ["serve", "--host", host, "--port", "0"]
        let output = Pipe()
        (server.standardOutput, server.standardError) = (output, Pipe())
        let printed = Printed()
        output.fileHandleForReading.readabilityHandler = { printed.append($0.availableData) }
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let start = Date()
        while !printed.text.contains("Other machines") && server.isRunning && Date().timeIntervalSince(start) < 60 {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(200))  // the rest of the lines, written at once
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        let banner = printed.text
        let port = try #require(banner.firstMatch(of: /(?:0\.0\.0\.0|\[::\]|::):(\d+)/).map { String($0.output.1) }, "\(banner)")
        let offered = banner.matches(of: /Other machines: http:\/\/(\[[0-9a-f:.]+\]|[^\s:\[]+):(\d+)/).map {
            (String($0.output.1).trimmingCharacters(in: CharacterSet(charactersIn: "[]")), $0.output.2)
        }
        // A machine with no network but loopback gets how to find its address instead.
        #expect(!offered.isEmpty || banner.contains("Other machines: http://<this machine's network address>:\(port) (find it with"), "\(banner)")
        for (address, offeredPort) in offered {
            #expect(offeredPort == port, "\(banner)")
            #expect(!address.hasPrefix("127.") && address != "0.0.0.0" && address != "::" && address != "::1", "\(banner)")
            #expect(!address.lowercased().hasPrefix("fe80:"), "a link-local address needs an interface a URL cannot give")
        }
        if host == "0.0.0.0" { #expect(offered.allSatisfy { !$0.0.contains(":") }, "IPv6 offered for an IPv4 listener: \(banner)") }
        if let listed = Self.hostnameAddresses() {
            for (address, _) in offered {
                #expect(listed.contains(String(address)), "\(address) is not among `hostname -I`'s \(listed)")
            }
            if host == "::" && listed.contains(where: { $0.contains(":") }) {  // it lists no link-local ones
                #expect(offered.contains { $0.0.contains(":") }, "none of \(listed) offered: \(banner)")
            }
        }
    }

    /// `hostname -I`'s addresses (Linux), nil where it cannot be run.
    static func hostnameAddresses() -> [String]? {
        #if os(Linux)
            let hostname = Process()
            hostname.executableURL = URL(fileURLWithPath: "/bin/hostname")
            hostname.arguments = ["-I"]
            let output = Pipe()
            (hostname.standardOutput, hostname.standardError) = (output, Pipe())
            guard (try? hostname.run()) != nil else { return nil }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            hostname.waitUntilExit()
            guard hostname.terminationStatus == 0 else { return nil }
            return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
        #else
            return nil
        #endif
    }
}

/// What a child process printed so far, appended from a pipe's handler thread.
final class Printed: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
