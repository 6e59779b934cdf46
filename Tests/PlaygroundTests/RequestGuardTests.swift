import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import Playground

/// What a page on another site, a DNS-rebinding name, or a careless client cannot do; and the
/// errors that name what was wrong instead of guessing.
@Suite struct RequestGuardTests {
    @Test func crossSiteWritesAndForeignHostsAreRefused() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession("{}")
            let cases: [(HTTPFields, HTTPResponse.Status, String)] = [
                ([.contentType: "application/json", .origin: "http://evil.example"], .forbidden, "may not change"),
                ([.contentType: "application/json", .origin: "null"], .forbidden, "may not change"),
                ([.contentType: "text/plain"], .unsupportedMediaType, "needs Content-Type: application/json"),
                (
                    [.contentType: "application/x-www-form-urlencoded"], .unsupportedMediaType,
                    "got application/x-www-form-urlencoded"
                ),
                ([:], .unsupportedMediaType, "got none"),
            ]
            for (headers, status, message) in cases {
                try await client.execute(uri: "/api/sessions/\(id)/play", method: .post, headers: headers) { response in
                    #expect(response.status == status, "\(headers)")
                    #expect(response.errorMessage.contains(message), "\(response.errorMessage)")
                }
            }
            let allowed: [HTTPFields] = [
                [.contentType: "application/json; charset=utf-8"]
            ]
            for headers in allowed {
                try await client.execute(uri: "/api/sessions/\(id)/pause", method: .post, headers: headers) {
                    #expect($0.status == .ok, "\(headers)")
                }
            }
        }
    }

    @Test func onlyAddressesLocalhostAndListedNamesAreHosts() {
        let guardian = RequestGuard(allowedHosts: ["Teacher.local"])
        for host in [
            "127.0.0.1:8080", "[::1]:8080", "localhost:8080", "LOCALHOST", "app.localhost:80", "192.168.1.20:8080",
            "[fe80::1]:9000",
            "teacher.local:8080", "10.0.0.5",
        ] {
            #expect(guardian.isAllowed(host: host), "\(host)")
        }
        for host in [
            "rebind.example:8080", "127.0.0.1.nip.io:8080", "localhost.evil.example", "student.local", "", "[::1",
        ] {
            #expect(!guardian.isAllowed(host: host), "\(host)")
        }
    }

    /// Over a socket, where the Host header is the client's to choose (a rebinding page's name, say).
    @Test func foreignHostsAreRefusedOverASocket() async throws {
        let server = try await LiveServer.start { $0.allowedHosts = ["teacher.local"] }
        defer { server.stop() }
        let ask = { (host: String, origin: String) in
            try await onAThreadOfItsOwn {
                RawConnection.status(
                    of: try server.send(
                        "GET /api/limits HTTP/1.1\r\nHost: \(host)\r\n\(origin)Connection: close\r\n\r\n"))
            }
        }
        #expect(try await ask("rebind.example:\(server.port)", "") == 403)
        #expect(try await ask("teacher.local:\(server.port)", "") == 200)
        #expect(try await ask("127.0.0.1:\(server.port)", "") == 200)
        let id = try await onAThreadOfItsOwn { try server.createSession("{}") }
        let post = { (origin: String) in
            try await onAThreadOfItsOwn {
                RawConnection.status(
                    of: try server.send(
                        "POST /api/sessions/\(id)/pause HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n"
                            + "Content-Type: application/json\r\nOrigin: \(origin)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    ))
            }
        }
        #expect(try await post("http://127.0.0.1:\(server.port)") == 200)
        #expect(try await post("http://evil.example") == 403)
        #expect(try await post("http://127.0.0.1:1") == 403)
    }

    /// What a request sent is echoed in an error cut short (a value, a parameter's name, a Host, an
    /// Origin, an activation parameter's layer), never 5000 characters of it.
    @Test func aRefusalEchoesAtMostAHundredCharactersOfTheRequest() async throws {
        let server = try await LiveServer.start()
        defer { server.stop() }
        let long = String(repeating: "9", count: 5000), port = server.port
        let id = try await onAThreadOfItsOwn { try server.createSession("{}") }
        let requests = [
            "GET /api/formula?text=x&a=x\(long) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n",
            "GET /api/formula?text=x&a\(long)=x HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n",
            "GET /api/activations/elu?alpha=x\(long) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n",
            "GET /api/activations/elu?a\(long)=x HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n",
            "GET /api/limits HTTP/1.1\r\nHost: a\(long)\r\n",
            "POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://a\(long)\r\n",
            "POST /api/sessions/\(id)/reseed?seed=\(long) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n",
        ]
        let body = #"{"activationParameters": {"0000\#(long)": {"alpha": 1}}}"#
        for request in requests + ["POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"] {
            let text = request.hasPrefix("POST") ? (request.contains("Origin") || request.contains("seed") ? "{}" : body) : ""
            let answer = try await onAThreadOfItsOwn {
                try server.send(
                    request + "Content-Type: application/json\r\nContent-Length: \(text.utf8.count)\r\n"
                        + "Connection: close\r\n\r\n" + text)
            }
            let status = RawConnection.status(of: answer)
            #expect(status == 400 || status == 403, "\(request.prefix(60)): \(answer.prefix(300))")
            #expect(!answer.contains(String(repeating: "9", count: 101)), "\(request.prefix(60)): \(answer.prefix(400))")
        }
    }

    @Test(arguments: [
        ("reseed?seed=abc", "seed must be a whole number"),
        ("regenerate?seed=-1", "seed must be a whole number"),
        // A bad value is echoed, cut to 40 characters (a 5000-digit seed was sent back whole).
        ("reseed?seed=" + String(repeating: "9", count: 5000), "got '" + String(repeating: "9", count: 40) + "'"),
        ("step?epochs=abc", "epochs must be a whole number 1…1000"),
        ("step?epochs=0", "epochs must be a whole number 1…1000"),
        ("step?epochs=1000000", "got '1000000'"),
        ("csv?header=yes", "header must be true or false"),  // was read as false
        ("GET stream?frames=abc", "frames must be a whole number"),  // was ignored: the stream never ended
        ("GET stream?frames=0", "frames must be a whole number"),  // sent one frame
        // The first was taken and the other dropped.
        ("step?epochs=1&epochs=1000", "epochs is given 2 times"),
        ("reseed?seed=1&seed=2", "seed is given 2 times"),
        ("GET frame?after=0&after=5", "after is given 2 times"),
        ("GET frame?focus=0,1&focus=0,2", "focus is given 2 times"),
    ])
    func unreadableQueryValuesAre400(path: String, message: String) async throws {
        let (method, route): (HTTPRequest.Method, String) =
            path.hasPrefix("GET ") ? (.get, String(path.dropFirst(4))) : (.post, path)
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession("{}")
            try await client.execute(
                uri: "/api/sessions/\(id)/\(route)", method: method, headers: .json, body: ByteBuffer(string: "1,2,0\n")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.contains(message), "\(response.errorMessage)")
            }
        }
    }

    @Test(arguments: [
        (#"{"seed": 1, "seed": 2}"#, "'seed' appears twice"),
        (#"{"networkShape": [4], "learningRate": 0.1, "networkShape": [2]}"#, "'networkShape' appears twice"),
        (
            #"{"activationParameters": {"0": {"slope": 0.1, "slope": 0.2}}}"#,
            "'activationParameters.0.slope' appears twice"
        ),
        (#"{"a\u0062": 1, "ab": 2}"#, "'ab' appears twice"),
    ])
    func repeatedJSONKeysAre400(body: String, message: String) async throws {
        try await buildApplication().test(.router) { client in
            try await client.execute(
                uri: "/api/sessions", method: .post, headers: .json, body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.contains(message), "\(response.errorMessage)")
            }
        }
    }

    @Test func sameKeysInSeparateObjectsAreFine() {
        #expect(DuplicateKeys.first(in: Data(#"[{"x1": 1, "x2": 2}, {"x1": 3, "x2": 4}]"#.utf8)) == nil)
        #expect(DuplicateKeys.first(in: Data(#"{"a": {"b": 1}, "c": {"b": 2}, "s": "b\":"}"#.utf8)) == nil)
    }

    @Test func tooManyCSVLinesAreRefusedBeforeParsing() async throws {
        var configuration = PlaygroundServerConfiguration()
        configuration.limits.maxPoints = 100
        try await buildApplication(configuration).test(.router) { client in
            let id = try await client.createSession("{}")
            // Every line is malformed: were it parsed first, the answer would be a 422 about line 1.
            let lines = String(repeating: "x,y,z\n", count: 102)
            try await client.execute(
                uri: "/api/sessions/\(id)/csv", method: .post, headers: [.contentType: "text/csv"],
                body: ByteBuffer(string: lines)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorMessage.contains("102 lines"), "\(response.errorMessage)")
            }
        }
    }

    /// Points past the limit: the refusal said "clear some first", also to a model import, which has
    /// nothing to clear. It now says how many there are and how many did not fit.
    @Test func pointsPastTheLimitAreCounted() async throws {
        var configuration = PlaygroundServerConfiguration()
        configuration.limits.maxPoints = 502
        try await buildApplication(configuration).test(.router) { client in
            let id = try await client.createSession(#"{"dataset": "xor"}"#)  // 500 points
            try await client.execute(
                uri: "/api/sessions/\(id)/points", method: .post, headers: .json,
                body: ByteBuffer(string: #"[{"x1": 1, "x2": 1, "label": 1}, {"x1": 2, "x2": 1, "label": 0}]"#)
            ) { #expect($0.status == .ok, "\($0.text.prefix(300))") }
            try await client.expectRefusal(
                .post, "/api/sessions/\(id)/points", #"{"x1": 1, "x2": 2, "label": 1}"#, .contentTooLarge,
                saying: "at most 502 points in all; there are 502 (2 of them clicked), and 1 more do not fit")
        }
    }

    @Test func limitsPublishWhatThePageNeeds() async throws {
        try await buildApplication().test(.router) { client in
            try await client.execute(uri: "/api/limits", method: .get) { response in
                let limits = response.json()
                #expect(limits["maxPoints"] as? Int == PlaygroundLimits().maxPoints)
                #expect((limits["datasets"] as? [String])?.contains("spiral") == true)
                #expect((limits["errorCodes"] as? [String: Int])?["tooManySessions"] == 429)
                // The times a client must know to keep a session: the documented 600 s and 30 s, and a step's 5 s.
                #expect(limits["idleSeconds"] as? Double == 600)
                #expect(limits["unwatchedPauseSeconds"] as? Double == 30)
                #expect(limits["stepSeconds"] as? Double == 5)
                #expect(limits["stepWallSeconds"] as? Double == 30)
            }
            try await client.execute(uri: "/api/sessions/nope", method: .get) { response in
                #expect((response.json()["error"] as? [String: Any])?["code"] as? String == "notFound")
            }
        }
    }

    /// An error that is not an HTTP error (none is meant to reach the guard) becomes a 500 that says
    /// so and still carries the security headers.
    @Test func anUnexpectedErrorIsA500WithTheSecurityHeaders() async throws {
        struct Unexpected: Error {}
        let router = Router(context: BasicRequestContext.self)
        router.middlewares.add(RequestGuard(allowedHosts: []))
        router.get("/fails") { _, _ -> String in throw Unexpected() }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/fails", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect(response.text.contains("failed to answer"), "\(response.text)")
                #expect((response.json()["error"] as? [String: Any])?["code"] as? String == "internal")  // the usual shape
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }
}
