import Foundation
import NeuralNet
import TestSupport
import Testing

@testable import Playground

/// Malformed, oversized, slow and concurrent traffic against a live server: every request gets an
/// answer that is not a 500 (or a closed connection, for bytes that are not HTTP), and afterwards
/// the server still answers. The seed is random (set FUZZ_SEED to replay one) and is in every
/// failure message.
@Suite(.serialized) struct ServerFuzzTests {
    @Test func hostileTrafficNeverTakesTheServerDown() async throws {
        let seed =
            ProcessInfo.processInfo.environment["FUZZ_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        // Printed before any traffic: if the server crashes the test process, the seed is still in the log.
        print("ServerFuzzTests: FUZZ_SEED=\(seed)")
        let server = try await LiveServer.start {
            ($0.limits.maxBodyBytes, $0.limits.idleConnectionSeconds, $0.limits.maxConnections) = (64 * 1024, 2, 64)
            // A body shorter than its Content-Length is cut off (408, or closed when idle).
            $0.limits.requestBodySeconds = 2
        }
        defer { server.stop() }
        let id = try await onAThreadOfItsOwn { try server.createSession("{}") }
        let model = try await onAThreadOfItsOwn { try server.request("GET", "/api/sessions/\(id)/model").body }
        let results = try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    try await onAThreadOfItsOwn {
                        var fuzzer = RequestFuzzer(seed: seed &+ UInt64(worker), session: id, model: model)
                        return (0..<120).compactMap { _ in fuzzer.sendOne(to: server) }
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(results.isEmpty, "seed \(seed): \(results.prefix(5))")
        let limits = try await onAThreadOfItsOwn { try server.request("GET", "/api/limits") }
        #expect(limits.status == 200, "seed \(seed): the server stopped answering")
        let step = try await onAThreadOfItsOwn { try server.request("POST", "/api/sessions/\(id)/step") }
        #expect(step.status == 200 || step.status == 404, "seed \(seed): \(step.body)")
    }
}

/// Builds one hostile request at a time from a seeded generator.
struct RequestFuzzer {
    var rng: SeededRandom
    let session: String
    let model: String

    init(seed: UInt64, session: String, model: String) {
        (rng, self.session, self.model) = (SeededRandom(seed), session, model)
    }

    /// Sends one request; a description of what went wrong, or nil when the server answered properly.
    mutating func sendOne(to server: LiveServer) -> String? {
        let (label, bytes, slow) = next()
        do {
            let connection = try server.connect()
            defer { connection.close() }
            if slow {
                for piece in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 4)) {
                    try? connection.write(Array(bytes[piece..<min(piece + max(1, bytes.count / 4), bytes.count)]))
                    Thread.sleep(forTimeInterval: 0.05)
                }
            } else {
                try? connection.write(bytes)
            }
            let response = connection.readAll(timeout: 6)
            let status = RawConnection.status(of: response)
            if status >= 500 && status != 503 { return "\(label): \(response.prefix(200))" }
            return nil
        } catch {
            return "\(label): \(error)"
        }
    }

    mutating func next() -> (String, [UInt8], Bool) {
        let paths = [
            "/api/sessions", "/api/sessions/\(session)/config", "/api/sessions/\(session)/points",
            "/api/sessions/\(session)/weights",
            "/api/sessions/\(session)/csv", "/api/sessions/\(session)/model", "/api/sessions/\(session)/step?epochs=3",
            "/api/activations/relu?x=1", "/static/../../etc/passwd", "/api/datasets/spiral/points?classes=99",
        ]
        let path = paths[rng.below(paths.count)]
        let bodies = [
            #"{"networkShape": [3, 2], "learningRate": 0.1}"#, #"{"x1": 1, "x2": 2, "label": 1}"#,
            #"{"layer": 0, "from": 1, "to": 0, "value": 2}"#, "1,2,0\n3,4,1\n", model,
        ]
        var body = Array(bodies[rng.below(bodies.count)].utf8)
        var method = ["POST", "PUT", "GET", "DELETE"][rng.below(4)]
        let strategy = rng.below(10)
        var extra = ""
        var length = "\(body.count)"
        switch strategy {
        case 0: body = mutate(body)
        case 1: body = Array(String(repeating: "[", count: 50_000).utf8)
        case 2: length = ["-1", "abc", "99999999999999999999", "10"][rng.below(4)]
        case 3: extra = "X-Big: " + String(repeating: "a", count: 100_000) + "\r\n"
        case 4: return ("garbage", (0..<rng.below(2000)).map { _ in UInt8(rng.below(256)) }, false)
        case 5: method = ["PO ST", "GET\u{0}", "", "BREW"][rng.below(4)]
        case 6: body = Array(repeating: UInt8(ascii: "1"), count: 70 * 1024)
        case 7:
            extra = "Transfer-Encoding: chunked\r\n"; length = ""
            body = Array("\(["zz", "-5", "ffffffffffffffff", "3"][rng.below(4)])\r\n{}\r\n0\r\n\r\n".utf8)
        default: body = mutate(body)
        }
        let head =
            "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + (length.isEmpty ? "" : "Content-Length: \(length)\r\n") + extra + "Connection: close\r\n\r\n"
        return ("strategy \(strategy) \(method) \(path)", Array(head.utf8) + body, rng.below(8) == 0)
    }

    /// Flips, drops, duplicates or inserts a few bytes.
    mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for _ in 0..<(1 + rng.below(4)) where !result.isEmpty {
            let at = rng.below(result.count)
            switch rng.below(4) {
            case 0: result[at] = UInt8(rng.below(256))
            case 1: result.remove(at: at)
            case 2: result.insert(contentsOf: result[at..<min(at + 8, result.count)], at: at)
            default:
                result.insert(
                    contentsOf: Array(
                        ["\u{0}", "\"", "1e999", "-", "NaN", "{", "]", ",", "\u{FEFF}"][rng.below(9)].utf8), at: at)
            }
        }
        return result
    }
}

/// The fuzzer's random numbers, reproducible from one seed (NeuralNet's generator).
struct SeededRandom {
    var generator: SeededGenerator
    init(_ seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
