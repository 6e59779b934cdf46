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
        let created = try RawConnection.exchange(
            port: port, "POST", "/api/sessions", #"{"networkShape": [16, 16, 16, 16], "epochsPerFrame": 1}"#)
        let id = try #require(created.firstMatch(of: /"id":"(\w+)"/)?.output.1, "\(created.prefix(300))")
        #expect(try RawConnection.exchange(port: port, "POST", "/api/sessions/\(id)/play").contains(#""playing":true"#))
        let stalled = try RawConnection(port: port, receiveBuffer: 4096)
        defer { stalled.close() }
        try stalled.write("GET /api/sessions/\(id)/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
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

    /// Listening on every network (a classroom), the printed address is http://0.0.0.0:PORT, which is
    /// where the server listens, not an address to give students: a second line says what to give.
    @Test func aWildcardHostSaysWhatAddressToGiveOtherMachines() async throws {
        let server = Process()
        server.executableURL = CLI.executable
        server.arguments = ["serve", "--host", "0.0.0.0", "--port", "0"]
        let output = Pipe()
        (server.standardOutput, server.standardError) = (output, Pipe())
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        var banner = ""
        let start = Date()
        while !banner.contains("Other machines") && Date().timeIntervalSince(start) < 60 {
            banner += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        let port = try #require(banner.firstMatch(of: /0\.0\.0\.0:(\d+)/).map { String($0.output.1) }, "\(banner)")
        #expect(banner.contains("Other machines: http://<this machine's network address>:\(port)"), "\(banner)")
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
    }
}
