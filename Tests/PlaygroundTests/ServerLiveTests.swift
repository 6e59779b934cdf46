import Foundation
import TestSupport
import Testing

@testable import Playground

/// The server on a real loopback socket: training off the request path, timeouts, the connection
/// cap, and errors that only a socket can provoke. Every socket is driven from threads of its own.
@Suite(.serialized) struct ServerLiveTests {
    /// A network trained flat out with 100 epochs a frame: training on the request path held every
    /// request for seconds. (Small enough that one epoch of a debug build stays short.)
    static let heavy =
        #"{"dataset": "spiral", "networkShape": [6, 6], "activations": ["tanh"], "batchSize": 5, "epochsPerFrame": 100}"#

    /// A functional check, run by default: while four sessions train flat out, every other request
    /// is answered, Pause takes effect and the others go on. Before training left the request path,
    /// such requests waited 10–30 s; the bound here, 5 s, is generous because this test shares a
    /// debug build and a busy machine (the full suite's load on 2 cores measured a median of 102 ms and
    /// a worst of 2.6 s). The 100 ms requirement is measured by Scripts/playground/latency-playground on a release build.
    @Test func trainingSessionsDoNotHoldUpOtherRequests() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let ids = try await onAThreadOfItsOwn { try (0..<4).map { _ in try server.createSession(Self.heavy) } }
        for id in ids {
            _ = try await onAThreadOfItsOwn { try server.request("POST", "/api/sessions/\(id)/play") }
            // A page reading the stream (before the fix, the stream is what trained).
            Thread {
                _ = try? server.send("GET /api/sessions/\(id)/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", timeout: 4)
            }.start()
        }
        try await Task.sleep(for: .milliseconds(500))
        let other = try await onAThreadOfItsOwn { try server.createSession("{}") }
        var seconds: [Double] = []
        for _ in 0..<10 {
            let limits = try await onAThreadOfItsOwn { try server.request("GET", "/api/limits") }
            let config = try await onAThreadOfItsOwn {
                try server.request("PUT", "/api/sessions/\(other)/config", #"{"learningRate": 0.1}"#)
            }
            #expect(limits.status == 200 && config.status == 200)
            seconds += [limits.seconds, config.seconds]
        }
        let pause = try await onAThreadOfItsOwn { try server.request("POST", "/api/sessions/\(ids[0])/pause") }
        #expect(pause.status == 200 && pause.body.contains(#""playing":false"#))
        seconds.append(pause.seconds)
        let after = try await onAThreadOfItsOwn { try server.request("GET", "/api/sessions/\(ids[1])") }
        #expect(after.body.contains(#""playing":true"#), "the others go on training")
        let sorted = seconds.sorted()
        #expect(sorted.last! < 5, "slowest \(sorted.last!) s of \(sorted)")
        print(
            "while 4 sessions trained: median \(Int(sorted[sorted.count / 2] * 1000)) ms, slowest \(Int(sorted.last! * 1000)) ms (debug build)"
        )
    }

    @Test func pauseStopsTrainingAtOnce() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession(Self.heavy) }
        _ = try await onAThreadOfItsOwn { try server.request("POST", "/api/sessions/\(id)/play") }
        let epoch: @Sendable (String) -> Int = { body in
            ((try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any])?["epoch"] as? Int ?? -1
        }
        // Until an epoch has trained (a loaded machine can take long for the first one; a fixed sleep failed there).
        try await eventually(within: .seconds(60)) {
            let state = try server.request("GET", "/api/sessions/\(id)").body
            return state.contains(#""playing":true"#) && epoch(state) > 0
        }
        _ = try await onAThreadOfItsOwn { try server.request("POST", "/api/sessions/\(id)/pause") }
        try await Task.sleep(for: .milliseconds(200))
        let first = try await onAThreadOfItsOwn { try server.request("GET", "/api/sessions/\(id)") }
        try await Task.sleep(for: .milliseconds(500))
        let second = try await onAThreadOfItsOwn { try server.request("GET", "/api/sessions/\(id)") }
        #expect(epoch(first.body) > 0, "it trained while playing")
        #expect(epoch(first.body) == epoch(second.body), "no epoch after Pause")
        #expect(first.body.contains(#""playing":false"#))
    }

    @Test func aStepIsBoundedByTime() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession(Self.heavy) }
        let step = try await onAThreadOfItsOwn { try server.request("POST", "/api/sessions/\(id)/step?epochs=1000") }
        #expect(step.status == 200)
        let limit = PlaygroundSession.stepTimeLimit.inSeconds
        // A step stops at the first batch past the limit (then at most that epoch's closing pass over
        // the data). The limit counts the time its slices train, which the answer gives: its bound is the
        // limit plus less than one epoch, timed from the step itself (load stretches both alike), and a
        // second for the last batch. The request's own time adds the waits for a training thread (CI's
        // loaded run once took 8.7 s for a 5 s limit); the wall limit bounds those. A step that ignored
        // the limit would train about 1000 epochs.
        let answer = (try? JSONSerialization.jsonObject(with: Data(step.body.utf8))) as? [String: Any]
        let trained = answer?["trained"] as? Int ?? 0
        let training = try #require(answer?["trainingSeconds"] as? Double, "\(step.body)")
        #expect(trained > 0, "\(step.body)")
        let perEpoch = training / Double(max(trained, 1))
        #expect(
            training < limit + perEpoch + 1,
            "1000 epochs asked: \(trained) trained in \(training) s of training, limit \(limit) s")
        let wall = PlaygroundSession.stepWallLimit.inSeconds
        #expect(step.seconds < wall + 2 + perEpoch, "the step answered after \(step.seconds) s, wall limit \(wall) s")
        #expect(step.body.contains(#""trained":"#))
    }

    @Test func aMalformedChunkIs400AndABodyTooLargeIs413() async throws {
        let server = try await LiveServer.start { $0.limits.maxBodyBytes = 1024 }
        defer { server.stop() }
        let head = "POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        let chunked = try await onAThreadOfItsOwn {
            try server.send(head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
        }
        #expect(RawConnection.status(of: chunked) == 400, "\(chunked.prefix(300))")
        // The parser's error ends the connection: the answer says so, as every answer before a close does.
        #expect(RawConnection.connectionOptions(of: chunked) == [["close"]], "\(chunked.prefix(300))")
        let big = try await onAThreadOfItsOwn {
            try server.send(head + "Content-Length: 5000\r\n\r\n" + String(repeating: " ", count: 5000))
        }
        #expect(RawConnection.status(of: big) == 413, "\(big.prefix(300))")
        // Declared beyond the limit, with the body not sent: 413 at once, not silence until the body's
        // 30 s deadline (the answer is read for at most 10 s here).
        let declared = try await onAThreadOfItsOwn {
            try server.send(head + "Content-Length: 99999999999\r\n\r\n{}", timeout: 10)
        }
        #expect(RawConnection.status(of: declared) == 413, "\(declared.prefix(300))")
        // The 413 says `Connection: close`, and the connection is closed: it stayed open until the
        // body's deadline or the idle timeout (30 s each), the rest of the body read and thrown away.
        for body in ["", String(repeating: " ", count: 5000)] {
            let connection = try server.connect()
            defer { connection.close() }
            try connection.write(head + "Content-Length: \(body.isEmpty ? 99_999 : 5000)\r\n\r\n" + body)
            let closed = try await onAThreadOfItsOwn { connection.isClosedByServer(within: 20) }
            #expect(closed, "a 413 closes its connection (body of \(body.count) bytes sent)")
        }
    }

    @Test func idleAndSlowConnectionsAreClosed() async throws {
        let server = try await LiveServer.start { $0.limits.idleConnectionSeconds = 1 }
        defer { server.stop() }
        let idle = try server.connect()
        let slow = try server.connect()
        defer { idle.close(); slow.close() }
        try slow.write("GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        // Within 20 s of a 1 s limit: the point is that they are closed at all (a loaded machine is late).
        let closed = try await onAThreadOfItsOwn { (idle.isClosedByServer(within: 20), slow.isClosedByServer(within: 20)) }
        #expect(closed.0, "an idle connection is closed after the idle time")
        #expect(closed.1, "headers that never finish do not hold the connection")
    }

    /// A body sent a byte at a time, each before the idle time runs out, never finishing: every byte
    /// used to restart the idle timeout, so it held the connection (and the route reading it) for ever.
    @Test func aBodyThatTricklesIsCutOffWith408() async throws {
        let server = try await LiveServer.start { $0.limits.requestBodySeconds = 1 }
        defer { server.stop() }
        let slow = try server.connect()
        defer { slow.close() }
        try slow.write(
            "POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
        )
        // A space every 0.25 s (reading what comes back in between) until the server closes, or 60 s.
        // The whole body would take 250 s at this pace, so a 408 before 60 s is the cut; how soon after
        // the 1 s limit it comes depends on the machine's load (3 s in a loaded CI run), so it is
        // printed, not bounded.
        let (response, seconds) = try await onAThreadOfItsOwn { () -> (String, Double) in
            let start = Date()
            var received = ""
            while Date().timeIntervalSince(start) < 60, (try? slow.write(" ")) != nil {
                received += slow.readAll(timeout: 0.25)
            }
            return (received, Date().timeIntervalSince(start))
        }
        #expect(RawConnection.status(of: response) == 408, "\(response.prefix(300))")
        #expect(
            response.contains("must follow its headers within 1 s") && response.contains(#""code":"timeout""#),
            "\(response)")
        print("a body trickling a byte per 0.25 s was cut off after \(seconds) s (limit 1 s)")
    }

    /// A body that stops arriving after part of its Content-Length was closed by the idle timeout,
    /// at the moment the 408 was due, without a word: the 408 now comes first.
    @Test func aBodyThatStopsGets408BeforeTheIdleClose() async throws {
        let server = try await LiveServer.start {
            ($0.limits.idleConnectionSeconds, $0.limits.requestBodySeconds) = (2, 120)
        }
        defer { server.stop() }
        let response = try await onAThreadOfItsOwn {
            try server.send(
                "POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
                timeout: 30)
        }
        #expect(RawConnection.status(of: response) == 408, "\(response.prefix(300))")
        #expect(response.contains("stopped arriving") && response.contains("1 of its 100 bytes"), "\(response)")
    }

    /// What the HTTP parser refuses was an empty 400 without the security headers: now it says why,
    /// and headers beyond the parser's limits are a 431.
    @Test func requestsTheParserRefusesAreAnsweredInWords() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let big = try await onAThreadOfItsOwn {
            try server.send(
                "GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(String(repeating: "a", count: 90_000))\r\n\r\n")
        }
        #expect(RawConnection.status(of: big) == 431, "\(big.prefix(300))")
        #expect(big.contains("headers are too large") && big.lowercased().contains("x-frame-options: deny"), "\(big)")
        let garbled = try await onAThreadOfItsOwn { try server.send("GET /api/limits HTTP/1.1\r\nHo st: x\r\n\r\n") }
        #expect(RawConnection.status(of: garbled) == 400, "\(garbled.prefix(300))")
        #expect(garbled.contains("not valid HTTP") && garbled.lowercased().contains("nosniff"), "\(garbled)")
        // Two Host headers: which one a proxy in between used is unknown, so neither is trusted.
        let twoHosts = try await onAThreadOfItsOwn {
            try server.send("GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: example.com\r\nConnection: close\r\n\r\n")
        }
        #expect(RawConnection.status(of: twoHosts) == 400 && twoHosts.contains("more than one Host"), "\(twoHosts)")
        let limits = try await onAThreadOfItsOwn { try server.request("GET", "/api/limits") }
        #expect(limits.status == 200, "the server goes on answering")
    }

    /// On a reused connection the parser's refusal was dropped as a second answer to the request
    /// before it: the client got nothing. And a 413 sent while the client is still sending its body
    /// must reach it (closing at once with unread bytes resets the connection).
    @Test func refusalsReachTheClientOnReusedConnectionsAndMidUpload() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let connection = try server.connect()
        defer { connection.close() }
        try connection.write("GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let first = try await onAThreadOfItsOwn { connection.readResponse(timeout: 30) }
        #expect(RawConnection.status(of: first) == 200, "\(first.prefix(200))")
        try connection.write(
            "GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(String(repeating: "a", count: 90_000))\r\n\r\n")
        let second = try await onAThreadOfItsOwn { connection.readAll(timeout: 10) }
        #expect(RawConnection.status(of: second) == 431, "\(second.prefix(300))")
        // 3 MB declared and sent, against the 2 MiB limit: the 413 comes back while the body is on its way.
        let upload = try server.connect()
        defer { upload.close() }
        try upload.write(
            "POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\n\r\n")
        let answer = try await onAThreadOfItsOwn { () -> String in
            let chunk = String(repeating: " ", count: 60_000)
            var received = ""
            for _ in 0..<50 {
                guard (try? upload.write(chunk)) != nil else { break }
                received += upload.readAll(timeout: 0.02)
            }
            return received + upload.readAll(timeout: 5)
        }
        #expect(RawConnection.status(of: answer) == 413, "\(answer.prefix(300))")
    }

    @Test func connectionsBeyondTheCapGet503AndTheServerStaysUp() async throws {
        let server = try await LiveServer.start { $0.limits.maxConnections = 8 }
        defer { server.stop() }
        let held = try (0..<8).map { _ in try server.connect() }
        defer { for connection in held { connection.close() } }
        // The server counts a connection once it has accepted it: on a loaded machine that can take a while.
        let deadline = ContinuousClock.now + .seconds(30)
        var refused = try await onAThreadOfItsOwn { try server.request("GET", "/api/limits") }
        while refused.status != 503 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            refused = try await onAThreadOfItsOwn { try server.request("GET", "/api/limits") }
        }
        #expect(refused.status == 503, "\(refused.body)")
        #expect(refused.body.contains("connections open"))
        // Sent before Hummingbird reads the request, it carries the security headers all the same.
        let raw = try await onAThreadOfItsOwn {
            try server.send("GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nConnection: close\r\n\r\n")
        }.lowercased()
        #expect(raw.hasPrefix("http/1.1 503"), "\(raw.prefix(200))")
        #expect(raw.contains("x-frame-options: deny") && raw.contains("x-content-type-options: nosniff"), "\(raw)")
        for connection in held { connection.close() }
        try await eventually(within: .seconds(30)) { try server.request("GET", "/api/limits").status == 200 }
    }

    /// Polls `condition` (off the cooperative pool) every 50 ms until it holds; records an issue if it
    /// never does within `limit`. For what a loaded machine does late but must do.
    private func eventually(
        within limit: Duration, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: @escaping @Sendable () throws -> Bool
    ) async throws {
        guard try await !poll(within: limit, every: .milliseconds(50), { try await onAThreadOfItsOwn(condition) }) else {
            return
        }
        Issue.record("not within \(limit)", sourceLocation: sourceLocation)
    }

    @Test func aPortInUseIsAClearError() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        var configuration = PlaygroundServerConfiguration()
        configuration.port = server.port
        await #expect {
            try await runPlayground(configuration)
        } throws: { error in
            "\(error)".contains("port \(server.port) on 127.0.0.1 is already in use")
        }
    }
}
