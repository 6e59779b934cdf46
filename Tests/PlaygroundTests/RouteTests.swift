import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Playground

/// The routes, driven through the router without a socket.
@Suite struct RouteTests {
    @Test func servesThePageItsFilesAndTheCatalog() async throws {
        try await buildApplication().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.text.contains("<script type=\"module\" src=\"/static/app.js\">"))
            }
            for file in [
                "app.js", "draw.js", "charts.js", "links.js", "network.js", "panels.js", "sharing.js", "state.js",
                "theme.js", "style.css",
            ] {
                try await client.execute(uri: "/static/\(file)", method: .get) { #expect($0.status == .ok, "\(file)") }
            }
            try await client.execute(uri: "/static/nothing.js", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/catalog", method: .get) { response in
                let catalog = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]]
                #expect(catalog?.contains { $0["id"] as? String == "relu" } == true)
                #expect((catalog?.count ?? 0) > 50)
            }
            try await client.execute(uri: "/api/activations/leaky-relu?slope=0.2", method: .get) { response in
                let curve = response.json()
                let f = curve["f"] as? [Double] ?? []
                #expect(f.first.map { abs($0 - 0.2 * -6) < 1e-12 } == true)
            }
            try await client.execute(uri: "/api/activations/softmax", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.contains("whole row"))
            }
            // A formula here was parsed on the request thread, around /api/formula's gate (about 50 ms
            // in release at the formula limits, every request).
            try await client.execute(uri: "/api/activations/f(x)=x*x", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.contains("/api/formula"))
            }
            // An id of 20 000 characters: a short answer (the message quotes its start), and no edit
            // distance against the catalog (a 75 000-character id took 1.2 s of a request thread).
            try await client.execute(uri: "/api/activations/" + String(repeating: "a", count: 20_000), method: .get) {
                #expect((400..<500).contains($0.status.code))
                #expect($0.errorMessage.contains("(20000 characters)") && $0.text.count < 400, "\($0.text.prefix(400))")
            }
            try await client.execute(uri: "/api/presets", method: .get) { response in
                #expect(response.text.contains("dying-relu") && response.text.contains("vanishing-gradient"))
            }
            try await client.execute(uri: "/api/datasets/spiral/points", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/gallery", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("ActivationLab gallery"))
            }
            try await client.execute(uri: "/experiments/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("activations report"))
            }
        }
    }

    /// TensorFlow Playground's classroom flags: `<control>_hide=true` hides the elements the page marks
    /// with `data-control="<control>"`. Every name the page's list accepts must mark something, and
    /// TensorFlow Playground's fifteen names must all be accepted.
    @Test func everyHidableControlMarksAnElementOfThePage() async throws {
        try await buildApplication().test(.router) { client in
            let state = try await client.execute(uri: "/static/state.js", method: .get) { $0.text }
            let page = try await client.execute(uri: "/", method: .get) { $0.text }
            let network = try await client.execute(uri: "/static/network.js", method: .get) { $0.text }
            let list = try #require(
                state.range(of: "HIDABLE_CONTROLS = [").map { state[$0.upperBound...] }?.prefix { $0 != ";" })
            let names = list.matches(of: /\['[^']*', '(\w+)'\]/).map { String($0.output.1) }
            let tensorFlowPlaygrounds = [
                "showTestData", "discretize", "playButton", "stepButton", "resetButton", "learningRate", "activation",
                "regularization", "regularizationRate", "problem", "dataset", "percTrainData", "noise", "batchSize",
                "numHiddenLayers",
            ]
            #expect(Array(names.prefix(15)) == tensorFlowPlaygrounds)
            for name in names {
                #expect(
                    page.contains("data-control=\"\(name)\""),
                    "nothing in index.html is marked data-control=\"\(name)\"")
            }
            #expect(
                network.contains("dataset.control = 'activation'"),
                "each layer's activation menu hides with activation_hide")
        }
    }

    @Test func sessionStartStepStopResetAndStream() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession("{}")
            #expect(try await client.step(id, toEpoch: 3) == 3)
            try await client.execute(uri: "/api/sessions/\(id)/play", method: .post, headers: .json) {
                #expect($0.json()["playing"] as? Bool == true)
            }
            try await client.execute(uri: "/api/sessions/\(id)/stream?frames=4", method: .get) { response in
                #expect(response.headers[.contentType] == "text/event-stream")
                let frames = response.events("frame")
                #expect(frames.count == 4)
                let epochs = frames.compactMap { $0["epoch"] as? Int }
                #expect(epochs == epochs.sorted() && epochs.last! > 3, "playing trains while it streams: \(epochs)")
                let grids = frames.first?["grids"] as? [String: Any]
                let output = (grids?["output"] as? [[String: Any]])?.first
                #expect(output?["size"] as? Int == 100)
                #expect(Data(base64Encoded: output?["data"] as? String ?? "")?.count == 100 * 100)
                #expect((grids?["hidden"] as? [[Any]])?.map(\.count) == [4, 2])
            }
            try await client.execute(uri: "/api/sessions/\(id)/pause", method: .post, headers: .json) {
                #expect($0.json()["playing"] as? Bool == false)
            }
            try await client.execute(uri: "/api/sessions/\(id)/reset", method: .post, headers: .json) {
                #expect($0.json()["epoch"] as? Int == 0)
            }
            try await client.execute(uri: "/api/sessions/\(id)", method: .delete) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/sessions/\(id)/step", method: .post, headers: .json) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func configChangesKeepOrResetTheNetwork() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession("{}")
            _ = try await client.execute(uri: "/api/sessions/\(id)/step?epochs=2", method: .post, headers: .json)
            try await client.put("/api/sessions/\(id)/config", #"{"learningRate": 0.1}"#) { response in
                let status = response.json()
                #expect(status["change"] as? String == "kept")
                #expect(
                    status["epoch"] as? Int == 2,
                    "changing the learning rate does not reset (TensorFlow Playground's rule)")
            }
            try await client.put("/api/sessions/\(id)/config", #"{"networkShape": [3], "activations": ["relu"]}"#) {
                response in
                #expect(response.json()["change"] as? String == "reset")
                #expect(response.json()["epoch"] as? Int == 0)
            }
            try await client.put(
                "/api/sessions/\(id)/config", #"{"dataset": "xor", "networkShape": [3], "activations": ["relu"]}"#
            ) { response in
                #expect(response.json()["change"] as? String == "regenerated")
            }
        }
    }

    @Test(arguments: [
        (#"{"networkShape": [2,2,2,2,2,2,2,2,2]}"#, "at most 8 hidden layers"),
        (#"{"networkShape": [17]}"#, "1…16 neurons"),
        (#"{"activations": ["rleu"]}"#, "unknown activation 'rleu'; did you mean"),
        (#"{"activations": ["softmax"]}"#, "whole row"),
        (#"{"dataset": "fit-sin"}"#, "not a 2-D dataset"),
        (#"{"dataset": "nope"}"#, "unknown dataset 'nope'; the playground's are circle, xor, gauss, spiral, moons, blobs, spiral-arms, reg-plane, reg-gauss, and custom"),
        (#"{"dataset": "spirall"}"#, "Did you mean spiral?"),
        (#"{"learningRate": -1}"#, "learning rate"),
        (#"{"noise": 80}"#, "noise"),
        (#"{"optimizer": "sgdd"}"#, "optimizer"),
        (#"{"networkShape": "4,2"}"#, "networkShape"),
        ("{not json", "not valid JSON at line 1, column 2"),
        // This toolchain's JSONDecoder names neither the field nor the number for these.
        (#"{"learningRate": 0.03, "seed": -1}"#, "seed: -1 does not fit"),
        (#"{"batchSize": 10.5, "activationParameters": {}}"#, "batchSize: 10.5 does not fit"),
        // Dropped, a typo left the default without a word.
        (#"{"learningrate": 0.3}"#, "the configuration has no key 'learningrate'; did you mean learningRate?"),
        (#"{"datset": "spiral"}"#, "the configuration has no key 'datset'; did you mean dataset?"),
        (#"{"dataset": "xor", "hiddenLayers": [3]}"#, "no key 'hiddenLayers'; its keys are problem, dataset,"),
        (#"{"activations": ["prelu"], "activationParameters": {"prelu": {"slope": 0.5}}}"#, "'prelu' is not a hidden layer's index"),
        (#"{"activations": ["prelu"], "activationParameters": {"00": {"slope": 0.5}}}"#, "'00' is not"),
        (#"{"activations": ["prelu"], "activationParameters": {"-1": {"slope": 0.5}}}"#, "'-1' is not"),
        // Unbounded, they went into every frame (150 000 unused keys: 1.7 MB a frame).
        (#"{"activationParameters": {"8": {"slope": 0.5}}}"#, "'8' is beyond the 8 hidden layers"),
        (#"{"activationParameters": {"3": {"p0": 1, "p1": 1, "p2": 1, "p3": 1, "p4": 1, "p5": 1, "p6": 1, "p7": 1, "p8": 1, "p9": 1, "p10": 1, "p11": 1, "p12": 1, "p13": 1, "p14": 1, "p15": 1, "p16": 1}}}"#, "at most 16 parameters, got 17"),
        (#"{"activationParameters": {"3": {"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn": 1}}}"#, "is longer than 32 characters"),
        (#"{"dataset": "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"}"#, "… (5000 characters)"),
    ])
    func badConfigurationsAre400WithAMessage(body: String, message: String) async throws {
        try await buildApplication().test(.router) { client in
            try await client.execute(
                uri: "/api/sessions", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.contains(message), "\(response.errorMessage)")
            }
        }
    }

    @Test func limitsAndBadInputLeaveOtherSessionsRunning() async throws {
        var limits = PlaygroundLimits()
        (limits.maxSessions, limits.maxBodyBytes) = (2, 4096)
        var configuration = PlaygroundServerConfiguration()
        configuration.limits = limits
        try await buildApplication(configuration).test(.router) { client in
            let created = ContinuousClock.now
            let first = try await client.createSession("{}")
            let second = try await client.createSession("{}")
            try await client.execute(
                uri: "/api/sessions", method: .post, headers: .json, body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.errorMessage.contains("sessions are open"))
                // Both were just used: the first closes after the whole idle time (600 s), not "wait 600 s" always.
                // (Less the time since then: a loaded machine once took more than 10 s for these requests.)
                let since = Int((ContinuousClock.now - created).components.seconds)
                let closesIn = response.errorMessage.firstMatch(of: /closes in (\d+) s/).flatMap { Int($0.output.1) }
                #expect(closesIn.map { (599 - since...600).contains($0) } == true, "\(response.errorMessage)")
            }
            try await client.execute(
                uri: "/api/sessions/\(first)/csv", method: .post, headers: .json,
                body: ByteBuffer(string: "1,2,0\n3,x,1\n")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.errorMessage.contains("line 2, column 2"), "\(response.errorMessage)")
            }
            try await client.execute(
                uri: "/api/sessions/\(first)/csv", method: .post, headers: .json, body: ByteBuffer(string: "1,0\n2,1\n")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.errorMessage.contains("2 feature columns"))
            }
            let big = String(repeating: "1,2,0\n", count: 1000)
            try await client.execute(
                uri: "/api/sessions/\(first)/csv", method: .post, headers: .json, body: ByteBuffer(string: big)
            ) { #expect($0.status == .contentTooLarge) }
            try await client.execute(
                uri: "/api/sessions/\(first)/weights", method: .post, headers: .json,
                body: ByteBuffer(string: #"{"layer": 9, "to": 0, "value": 1}"#)
            ) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/sessions/\(first)/fly", method: .post, headers: .json) {
                #expect($0.status == .notFound)
            }
            // A required field whose number does not fit is named too (it got the general message).
            try await client.execute(
                uri: "/api/sessions/\(first)/weights", method: .post, headers: .json,
                body: ByteBuffer(string: #"{"layer": 0.5, "to": 0, "value": 1}"#)
            ) { response in
                #expect(response.status == .badRequest && response.errorMessage.contains("layer: 0.5 does not fit"), "\(response.errorMessage)")
            }
            try await client.execute(
                uri: "/api/sessions/\(first)/points", method: .post, headers: .json,
                body: ByteBuffer(string: #"{"x1": 1}"#)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.contains("x2 is missing"), "\(response.errorMessage)")
            }
            // A key nobody reads was dropped without a word.
            for (route, body, message) in [
                ("points", #"{"x1": 0, "x2": 0, "label": 1, "z": 3}"#, "a point has no key 'z'; its keys are x1, x2, label"),
                ("points", #"[{"x1": 0, "x2": 0, "Label": 1}]"#, "a point has no key 'Label'; did you mean label?"),
                ("weights", #"{"layer": 0, "to": 0, "value": 1, "extra": 5}"#, "a weight edit has no key 'extra'"),
            ] {
                try await client.execute(
                    uri: "/api/sessions/\(first)/\(route)", method: .post, headers: .json, body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .badRequest && response.errorMessage.contains(message), "\(response.errorMessage)")
                }
            }
            try await client.execute(uri: "/api/sessions/nope/step", method: .post, headers: .json) {
                #expect($0.status == .notFound)
            }
            for id in [first, second] {
                try await client.execute(uri: "/api/sessions/\(id)/step", method: .post, headers: .json) {
                    #expect($0.json()["epoch"] as? Int == 1)
                }
            }
        }
    }

    @Test func uploadsAddsPointsEditsWeightsAndExportsTheModel() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession("{}")
            let csv = (0..<40).map { i in "\(Double(i % 7) - 3),\(Double(i % 5) - 2),\(i % 3)" }.joined(separator: "\n")
            // The answer carries the setup the upload made, at the version of its frame: the page takes
            // it up at once (a change made before that frame came sent the old dataset back).
            var uploadVersion = -1
            try await client.execute(
                uri: "/api/sessions/\(id)/csv", method: .post, headers: .json, body: ByteBuffer(string: csv)
            ) { response in
                #expect(response.status == .ok)
                #expect((response.json()["config"] as? [String: Any])?["dataset"] as? String == "custom")
                uploadVersion = response.json()["version"] as? Int ?? -1
            }
            try await client.execute(uri: "/api/sessions/\(id)", method: .get) { response in
                let frame = response.json()
                #expect(frame["version"] as? Int == uploadVersion)
                #expect(frame["classCount"] as? Int == 3)
                #expect(frame["head"] as? String == "softmax")
                #expect((frame["config"] as? [String: Any])?["dataset"] as? String == "custom")
            }
            try await client.execute(
                uri: "/api/sessions/\(id)/points", method: .post, headers: .json,
                body: ByteBuffer(string: #"{"x1": 1, "x2": 2, "label": 2}"#)
            ) {
                #expect($0.status == .ok)
            }
            try await client.execute(
                uri: "/api/sessions/\(id)/points", method: .post, headers: .json,
                body: ByteBuffer(string: #"{"x1": 1, "x2": 2, "label": 7}"#)
            ) {
                #expect($0.status == .badRequest)
            }
            let many = #"[{"x1": 1, "x2": 1, "label": 0}, {"x1": -1, "x2": 0.5, "label": 1}]"#
            try await client.execute(
                uri: "/api/sessions/\(id)/points", method: .post, headers: .json, body: ByteBuffer(string: many)
            ) { #expect($0.status == .ok) }
            let oneBad = #"[{"x1": 1, "x2": 1, "label": 0}, {"x1": -1, "x2": 0.5, "label": 9}]"#
            try await client.execute(
                uri: "/api/sessions/\(id)/points", method: .post, headers: .json, body: ByteBuffer(string: oneBad)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.contains("point 2: the class must be 0…2"), "\(response.errorMessage)")
            }
            try await client.execute(uri: "/api/sessions/\(id)", method: .get) { response in
                let added = (response.json()["points"] as? [String: Any])?["added"] as? [[Double]]
                #expect(added == [[1, 2, 2], [1, 1, 0], [-1, 0.5, 1]], "the batch with a bad point added none")
            }
            try await client.execute(
                uri: "/api/sessions/\(id)/weights", method: .post, headers: .json,
                body: ByteBuffer(string: #"{"layer": 0, "from": 1, "to": 2, "value": 1.5}"#)
            ) {
                #expect($0.status == .ok)
            }
            var exported = ""
            try await client.execute(uri: "/api/sessions/\(id)/model", method: .get) { response in
                exported = response.text
                let model = response.json()
                #expect(model["format"] as? String == "activationlab-model")
                #expect(((model["layers"] as? [[String: Any]])?.first?["weights"] as? [[Double]])?[1][2] == 1.5)
                #expect((model["playground"] as? [String: Any])?["networkShape"] as? [Int] == [4, 2])
            }
            let other = try await client.createSession(#"{"networkShape": [1]}"#)
            var withoutUpload = try #require(
                try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
            #expect(
                (withoutUpload["uploadedPoints"] as? [String: Any])?["rows"] as? [[Double]] != nil,
                "the export carries the uploaded points")
            withoutUpload["uploadedPoints"] = nil
            let stripped = String(decoding: try JSONSerialization.data(withJSONObject: withoutUpload), as: UTF8.self)
            try await client.execute(
                uri: "/api/sessions/\(other)/model", method: .post, headers: .json, body: ByteBuffer(string: stripped)
            ) { response in
                #expect(
                    response.status == .unprocessableContent,
                    "without its points the 3-class model does not fit the circle it falls back to")
                #expect(response.errorMessage.contains("does not fit"), "\(response.errorMessage)")
            }
            let fourth = try await client.createSession(#"{"networkShape": [1]}"#)
            try await client.execute(
                uri: "/api/sessions/\(fourth)/model", method: .post, headers: .json, body: ByteBuffer(string: exported)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/sessions/\(fourth)", method: .get) { response in
                #expect(response.json()["classCount"] as? Int == 3, "the uploaded points came with the file")
            }
            _ = try await client.execute(uri: "/api/sessions/\(other)/step", method: .post, headers: .json)
            var plain = ""
            try await client.execute(uri: "/api/sessions/\(other)/model", method: .get) { plain = $0.text }
            let third = try await client.createSession(#"{"networkShape": [3, 3]}"#)
            try await client.execute(
                uri: "/api/sessions/\(third)/model", method: .post, headers: .json, body: ByteBuffer(string: plain)
            ) { response in
                #expect(response.status == .ok)
                #expect((response.json()["config"] as? [String: Any])?["networkShape"] as? [Int] == [1])
            }
            try await client.execute(uri: "/api/sessions/\(third)", method: .get) { response in
                #expect((response.json()["config"] as? [String: Any])?["networkShape"] as? [Int] == [1])
            }
            try await client.execute(
                uri: "/api/sessions/\(third)/model", method: .post, headers: .json, body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .unprocessableContent)
            }
            // A hand edit of a number in the playground settings is named by its path (it got "a value
            // does not fit its field", with no field: the decoder calls it "not valid JSON").
            var edited = try #require(try JSONSerialization.jsonObject(with: Data(plain.utf8)) as? [String: Any])
            var settings = try #require(edited["playground"] as? [String: Any])
            settings["batchSize"] = 10.5
            edited["playground"] = settings
            try await client.execute(
                uri: "/api/sessions/\(third)/model", method: .post, headers: .json,
                body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: edited))
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.contains("playground.batchSize: 10.5 does not fit the field"), "\(response.errorMessage)")
            }
            // The same in a large export (points make it so): a search over the whole file gave up at about
            // 80 KB; the settings are searched on their own.
            edited["addedPoints"] = (0..<4000).map { ["x1": Double($0) / 1000, "x2": -1.25, "label": Double($0 % 2)] }
            let large = try JSONSerialization.data(withJSONObject: edited)
            #expect(large.count > 100_000, "\(large.count) bytes")
            try await client.execute(
                uri: "/api/sessions/\(third)/model", method: .post, headers: .json, body: ByteBuffer(data: large)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.contains("playground.batchSize: 10.5 does not fit the field"), "\(response.errorMessage)")
            }
        }
    }
}

extension TestResponse {
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }
    func json() -> [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:] }
    var errorMessage: String { (json()["error"] as? [String: Any])?["message"] as? String ?? "" }

    /// The JSON payloads of the server-sent events named `name`.
    func events(_ name: String) -> [[String: Any]] {
        text.components(separatedBy: "\n\n").compactMap { block in
            let lines = block.split(separator: "\n")
            guard lines.contains("event: \(name)"), let data = lines.first(where: { $0.hasPrefix("data: ") }) else {
                return nil
            }
            return try? JSONSerialization.jsonObject(with: Data(data.dropFirst(6).utf8)) as? [String: Any]
        }
    }
}

extension HTTPFields {
    /// What the page sends with every POST and PUT (the server refuses other content types there).
    static let json: HTTPFields = [.contentType: "application/json"]
}

extension TestClientProtocol {
    func createSession(_ body: String) async throws -> String {
        try await execute(
            uri: "/api/sessions", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: body)
        ) { response in
            #expect(response.status == .created, "\(response.text.prefix(300))")
            return response.json()["id"] as? String ?? ""
        }
    }

    /// Steps session `id` until it has trained `target` epochs; the epoch reached (`target`, unless a step
    /// went beyond it). A step stops at the first batch past 5 s, counting its wait for a training
    /// thread, so on a loaded machine `step?epochs=3` can end at epoch 2 (CI, 6 Dec): steps asking for what
    /// is left reach the target exactly. Each trains at least one batch, so a few hundred always suffice.
    func step(_ id: String, toEpoch target: Int) async throws -> Int {
        var epoch = 0
        for _ in 0..<500 where epoch < target {
            try await execute(uri: "/api/sessions/\(id)/step?epochs=\(target - epoch)", method: .post, headers: .json) {
                response in
                #expect(response.status == .ok, "\(response.text.prefix(300))")
                epoch = response.json()["epoch"] as? Int ?? Int.max
            }
        }
        return epoch
    }

    func put(_ uri: String, _ body: String, _ check: @escaping @Sendable (TestResponse) async throws -> Void)
        async throws
    {
        try await execute(
            uri: uri, method: .put, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
        ) { response in
            #expect(response.status == .ok, "\(response.text.prefix(300))")
            try await check(response)
        }
    }
}
