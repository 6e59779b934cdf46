import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Playground

/// Numbers a hostile or careless client sends that once crashed the server or came back as ∞ and NaN
/// (a hostile tester's findings, 6 Dec): each is refused with a message, and the session goes on.
@Suite struct OutOfRangeDataTests {
    /// A class label beyond Int's range was converted to Int before its range was checked: one
    /// request stopped the whole server, every session with it.
    @Test(arguments: ["1e300", "-1e300", "9.3e18", "-0.5", "2"])
    func aClassLabelOutOfRangeIs400(label: String) async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession("{}")
            try await client.expectRefusal(
                .post, "/api/sessions/\(id)/points", #"{"x1": 1, "x2": 2, "label": \#(label)}"#, .badRequest,
                saying: "the class must be 0…1")
            try await client.execute(uri: "/api/sessions/\(id)/step", method: .post, headers: .json) {
                #expect($0.json()["epoch"] as? Int == 1, "the session goes on")
            }
        }
    }

    /// The same label in a model file's clicked points.
    @Test func aModelFilesClassLabelOutOfRangeIs400() async throws {
        let response = try await Self.importExport { $0["addedPoints"] = [["x1": 0, "x2": 0, "label": -1e300]] }
        #expect(response.status == .badRequest)
        #expect(response.errorMessage.contains("the class must be 0…1"), "\(response.errorMessage)")
    }

    /// A model's weight of 1e308 trained to NaN at once (the pause then blamed the learning rate).
    @Test func aModelFilesHugeWeightIs422() async throws {
        let response = try await Self.importExport { model in
            var layers = try #require(model["layers"] as? [[String: Any]])
            var weights = try #require(layers.first?["weights"] as? [[Double]])
            weights[0][0] = 1e308
            layers[0]["weights"] = weights
            model["layers"] = layers
        }
        #expect(response.status == .unprocessableContent)
        #expect(response.errorMessage.contains("layer 1 has a weight or bias of 1e+308"), "\(response.errorMessage)")
    }

    /// A new session's exported model, changed by `edit`, imported back: the server's answer.
    static func importExport(_ edit: @escaping @Sendable (inout [String: Any]) throws -> Void) async throws
        -> TestResponse
    {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession("{}")
            var model = try await client.execute(uri: "/api/sessions/\(id)/model", method: .get) { $0.json() }
            try edit(&model)
            let body = try JSONSerialization.data(withJSONObject: model)
            return try await client.execute(
                uri: "/api/sessions/\(id)/model", method: .post, headers: .json, body: ByteBuffer(bytes: body)
            ) { $0 }
        }
    }

    /// Coordinates of 1e308 made the plotted square infinite (frames carried "Infinity"); a
    /// regression target of 1e300 made the loss overflow.
    @Test func hugeCoordinatesAndTargetsAre400() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession("{}")
            try await client.expectRefusal(
                .post, "/api/sessions/\(id)/points", #"{"x1": 1e308, "x2": 0, "label": 1}"#, .badRequest,
                saying: "x1 and x2 must be at most 1000000")
            try await client.expectRefusal(
                .post, "/api/sessions/\(id)/csv", "1,2,0\n3,4,1\n-2e7,1,0\n", .badRequest, saying: "data row 3")
            let regression = try await client.createSession(#"{"problem": "regression", "dataset": "reg-plane"}"#)
            try await client.expectRefusal(
                .post, "/api/sessions/\(regression)/points", #"{"x1": 1, "x2": 2, "label": 1e300}"#, .badRequest,
                saying: "a target value must be at most")
        }
    }

    /// Clicked regression points then a switch to classification: a target of 0.5 silently became
    /// class 0 (Int(0.5)), one of 1e300 crashed the server. Now the switch is refused until they are cleared.
    @Test func clickedPointsThatDoNotFitANewProblemTypeAre422() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession(#"{"problem": "regression", "dataset": "reg-plane"}"#)
            try await client.execute(
                uri: "/api/sessions/\(id)/points", method: .post, headers: .json,
                body: ByteBuffer(string: #"{"x1": 1, "x2": 2, "label": 0.5}"#)
            ) { #expect($0.status == .ok, "\($0.text.prefix(300))") }
            try await client.expectRefusal(
                .put, "/api/sessions/\(id)/config", #"{"problem": "classification", "dataset": "circle"}"#,
                .unprocessableContent,
                saying: "the clicked points do not fit")
            try await client.execute(uri: "/api/sessions/\(id)/points", method: .delete) { #expect($0.status == .ok) }
            try await client.put("/api/sessions/\(id)/config", #"{"problem": "classification", "dataset": "circle"}"#) {
                _ in
            }
            // The other way a class 1 passed as the target 1.0 (and back again as class 1), without a word.
            try await client.execute(
                uri: "/api/sessions/\(id)/points", method: .post, headers: .json,
                body: ByteBuffer(string: #"{"x1": 1, "x2": 1, "label": 1}"#)
            ) { #expect($0.status == .ok, "\($0.text.prefix(300))") }
            try await client.expectRefusal(
                .put, "/api/sessions/\(id)/config", #"{"problem": "regression", "dataset": "reg-plane"}"#,
                .unprocessableContent,
                saying: "the clicked points do not fit regression: their labels are classes")
            try await client.execute(uri: "/api/sessions/\(id)", method: .get) { response in
                #expect((response.json()["config"] as? [String: Any])?["problem"] as? String == "classification")
            }
        }
    }

    /// The same through a model import: a regression model whose file has no clicked points of its own
    /// kept the classification session's clicked class 1, which became the target 1.0 without a word.
    @Test func importingAModelOfTheOtherProblemTypeKeepsNoClickedPoints() async throws {
        try await buildApplication().test(.router) { client in
            let regression = try await client.createSession(#"{"problem": "regression", "dataset": "reg-plane"}"#)
            var model = try await client.execute(uri: "/api/sessions/\(regression)/model", method: .get) { $0.json() }
            model["addedPoints"] = nil
            let file = String(decoding: try JSONSerialization.data(withJSONObject: model), as: UTF8.self)
            let id = try await client.createSession("{}")
            try await client.execute(
                uri: "/api/sessions/\(id)/points", method: .post, headers: .json,
                body: ByteBuffer(string: #"{"x1": 1, "x2": 1, "label": 1}"#)
            ) { #expect($0.status == .ok, "\($0.text.prefix(300))") }
            try await client.expectRefusal(
                .post, "/api/sessions/\(id)/model", file, .unprocessableContent,
                saying: "the clicked points do not fit regression: their labels are classes")
            try await client.execute(uri: "/api/sessions/\(id)/points", method: .delete) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/api/sessions/\(id)/model", method: .post, headers: .json, body: ByteBuffer(string: file)
            ) { #expect($0.status == .ok, "\($0.text.prefix(300))") }
        }
    }

    /// x1² of a point at 10⁶ is 10¹², and the plotted square's corner beyond it: refused as if a
    /// normalisation had blown the points up, with no normalisation at all. Only a normalisation that
    /// makes the inputs larger than they were is refused.
    @Test func largeFeaturesOfTheirOwnAreNotBlamedOnANormalization() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession(#"{"features": ["x1", "x2", "x1^2"]}"#)
            let csv = "1000000,0,1\n-1000000,0,0\n0,1000000,1\n0,-1000000,0\n5,5,1\n-5,-5,0\n"
            try await client.execute(
                uri: "/api/sessions/\(id)/csv", method: .post, headers: .json, body: ByteBuffer(string: csv)
            ) { #expect($0.status == .ok, "\($0.text.prefix(300))") }
        }
    }

    /// A CSV read for classification, then regression on the same points: accepted before, and the
    /// session's own export would not import.
    @Test func uploadedClassesAreNotRegressionTargets() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession("{}")
            let csv = (0..<20).map { "\(Double($0) / 4 - 2),\(Double($0 % 5) - 2),\($0 % 2)" }.joined(separator: "\n")
            try await client.execute(
                uri: "/api/sessions/\(id)/csv", method: .post, headers: .json, body: ByteBuffer(string: csv)
            ) { #expect($0.status == .ok, "\($0.text.prefix(300))") }
            try await client.expectRefusal(
                .put, "/api/sessions/\(id)/config", #"{"problem": "regression", "dataset": "custom"}"#,
                .unprocessableContent,
                saying: "were read for classification")
        }
    }

    /// A model file's normalisation with a tiny standard deviation (1e−300, finite and positive) turned
    /// x = 1 into 1e300: imported, and the frames showed NaN losses with no word of why.
    @Test func aNormalizationThatBlowsUpThePointsIs422() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession("{}")
            var exported = ""
            try await client.execute(uri: "/api/sessions/\(id)/model", method: .get) { exported = $0.text }
            var model = try #require(try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
            model["normalization"] = ["mean": [0, 0], "standardDeviation": [1e-300, 1e-300]]
            var settings = try #require(model["playground"] as? [String: Any])
            settings["normalize"] = true
            model["playground"] = settings
            let text = String(decoding: try JSONSerialization.data(withJSONObject: model), as: UTF8.self)
            try await client.expectRefusal(
                .post, "/api/sessions/\(id)/model", text, .unprocessableContent,
                saying: "turns the points into values up to")
        }
    }

    /// Eight layers of `exponential` overflow at their initial weights: the first frame showed NaN
    /// losses and said why only after Play or Step. Now it carries the reason from the start.
    @Test func aNaNLossAtTheInitialWeightsIsExplainedAtOnce() async throws {
        try await buildApplication().test(.router) { client in
            let body = #"{"activations": ["exponential"], "networkShape": [16, 16, 16, 16, 16, 16, 16, 16], "problem": "regression", "dataset": "reg-plane"}"#
            try await client.execute(
                uri: "/api/sessions", method: .post, headers: .json, body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .created)
                let frame = response.json()["frame"] as? [String: Any]
                let loss = ((frame?["records"] as? [[String: Any]])?.first?["trainLoss"]).map { "\($0)" } ?? "none"
                let pause = frame?["pause"] as? [String: Any]
                #expect(
                    (pause?["message"] as? String)?.contains("already at its initial weights") == true && pause?["isError"] as? Bool == true,
                    "loss \(loss), pause \(String(describing: pause))")
            }
            // A network whose initial loss is finite has no such pause.
            try await client.execute(
                uri: "/api/sessions", method: .post, headers: .json, body: ByteBuffer(string: "{}")
            ) { response in
                #expect((response.json()["frame"] as? [String: Any])?["pause"] == nil)
            }
        }
    }

    /// A misspelt query key was ignored: `step?epoch=50` trained the default 1 epoch, `reseed?sed=5`
    /// took a random seed, `csv?headers=true` read the header line as data. Now each route names the
    /// keys it takes. Also: a 70 000-character session id came back whole in the 404, and the activation
    /// card's curve blamed "layer 1" for a misspelt parameter.
    @Test func anUnknownQueryKeyIsNamedNotIgnored() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession("{}")
            try await client.expectRefusal(
                .post, "/api/sessions/\(id)/step?epoch=50", "", .badRequest, saying: "step takes only epochs, not 'epoch'; did you mean epochs?")
            try await client.expectRefusal(
                .post, "/api/sessions/\(id)/reseed?sed=5", "", .badRequest, saying: "reseed takes only seed, not 'sed'")
            try await client.expectRefusal(
                .post, "/api/sessions/\(id)/csv?headers=true", "x1,x2,y\n1,2,0\n3,4,1\n", .badRequest,
                saying: "csv takes only header, not 'headers'")
            try await client.expectRefusal(
                .post, "/api/sessions/\(id)/play?now=1", "", .badRequest, saying: "play takes no query parameters, not 'now'")
            try await client.expectRefusal(
                .get, "/api/sessions/\(id)/frame?afterr=3&wait=0", "", .badRequest,
                saying: "a frame request takes only after, focus, collapse, wait, not 'afterr'; did you mean after?")
            try await client.expectRefusal(.get, "/api/limits?x=1", "", .badRequest, saying: "/api/limits takes no query")
            try await client.expectRefusal(
                .post, "/api/sessions", #"{"learningRate": 1e309}"#, .badRequest,
                saying: "at line 1, column 18: the number 1e309 is beyond a Double's range")
            try await client.execute(uri: "/api/sessions/\(id)/step?epochs=2", method: .post, headers: .json) { response in
                #expect(response.status == .ok && response.json()["trained"] as? Int == 2, "\(response.text.prefix(200))")
            }
            try await client.execute(uri: "/api/sessions/" + String(repeating: "a", count: 70_000), method: .get) { response in
                #expect(response.status == .notFound && response.text.count < 600, "\(response.text.count) bytes")
                #expect(response.errorMessage.contains("(70000 characters)"), "\(response.errorMessage.prefix(200))")
            }
            try await client.execute(uri: "/api/activations/leaky-relu?slop=0.1", method: .get) { response in
                #expect(response.status == .badRequest && !response.errorMessage.contains("layer 1"), "\(response.errorMessage)")
                #expect(response.errorMessage.contains("leaky-relu has no parameter 'slop'"), "\(response.errorMessage)")
            }
        }
    }

    /// An unknown route had an empty 404 body, and error responses lacked the headers every response
    /// is promised (no framing by other sites, no sniffing).
    @Test func errorsSayWhatAndCarryTheSecurityHeaders() async throws {
        try await buildApplication().test(.router) { client in
            try await client.execute(uri: "/api/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorMessage.contains("GET /api/nothing-here"), "\(response.text)")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            try await client.execute(
                uri: "/api/sessions", method: .post, headers: .json, body: ByteBuffer(string: "{not json")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    /// The playground's own dataset starts empty ("add at least 2 points"): a check for datasets
    /// whose parts do not fit refused it, so a page reloaded after an upload had no session.
    @Test func anEmptyCustomDatasetStillMakesASession() async throws {
        try await buildApplication().test(.router) { client in
            try await client.execute(
                uri: "/api/sessions", method: .post, headers: .json, body: ByteBuffer(string: #"{"dataset": "custom"}"#)
            ) { #expect($0.status == .created, "\($0.text.prefix(300))") }
        }
    }

    /// A known path asked with a method it does not take was a 404 ("no route answers DELETE
    /// /api/limits"), and HEAD, which every GET route answers by HTTP's rules, was a 404 too.
    @Test func aWrongMethodIs405NamingTheRightOnes() async throws {
        try await buildApplication().test(.router) { client in
            try await client.execute(uri: "/api/limits", method: .delete) { response in
                #expect(response.status == .methodNotAllowed, "\(response.text)")
                #expect(response.headers[.allow] == "GET, HEAD")
                #expect(response.errorMessage.contains("answers GET, HEAD"), "\(response.text)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            // A path with a parameter, and a path answering two methods.
            try await client.execute(uri: "/api/sessions/abc/step", method: .get) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "POST", "\(response.text)")
            }
            try await client.execute(uri: "/api/sessions/abc/points", method: .patch) { response in
                #expect(response.headers[.allow] == "POST, DELETE", "\(response.text)")
            }
            // TRACE was a 404 ("no page or API route answers TRACE"), where PATCH and OPTIONS were 405s.
            try await client.execute(uri: "/api/limits", method: .trace) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, HEAD", "\(response.text)")
            }
            try await client.execute(uri: "/api/limits", method: .head) { response in
                #expect(response.status == .ok && response.body.readableBytes == 0)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            try await client.execute(uri: "/api/no-such-thing", method: .delete) { response in
                #expect(response.status == .notFound, "an unknown path stays a 404")
            }
        }
    }
}

extension TestClientProtocol {
    /// Sends `body` to `uri` and expects a refusal: `status`, and an error message containing `message`.
    func expectRefusal(
        _ method: HTTPRequest.Method, _ uri: String, _ body: String, _ status: HTTPResponse.Status,
        saying message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        try await execute(uri: uri, method: method, headers: .json, body: ByteBuffer(string: body)) { response in
            #expect(response.status == status, "\(response.text.prefix(300))", sourceLocation: sourceLocation)
            #expect(
                response.errorMessage.contains(message), "\(response.errorMessage)", sourceLocation: sourceLocation)
        }
    }
}
