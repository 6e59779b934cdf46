import Foundation
import Hummingbird

/// The sessions API. Each route parses its request, calls the session, and answers: JSON, or the
/// frame stream.
struct SessionRoutes: Sendable {
    let store: SessionStore

    /// What a control answers: where the session stands (the stream carries the pictures).
    struct Status: Encodable {
        let id: String
        let version: Int
        let epoch: Int
        let playing: Bool
        var change: PlaygroundEngine.Change?
        /// Epochs a step trained (fewer than asked when it reached its time limit or paused).
        var trained: Int?
        /// Seconds the step trained, the time its limit counts (`stepSeconds` in `/api/limits`); its
        /// waits for a training thread are not in it.
        var trainingSeconds: Double?
        /// The setup a configuration change, an upload or a model import made, at `version`: the page
        /// takes it up with this answer (a change made before the frame that shows it came would have
        /// sent the old setup back), and goes back to it when a later change is refused.
        var config: PlaygroundConfig?
    }

    struct Created: Encodable {
        let id: String
        let frame: Frame
    }

    typealias Control = @Sendable (PlaygroundSession, Request) async throws -> Void

    func add(to router: Router<BasicRequestContext>) {
        let store = self.store
        let limit = store.limits.maxBodyBytes
        let sessions = router.group("/api/sessions")
        sessions.post { request, _ in
            try Query.only([], request, for: "POST /api/sessions")
            let config = try await BodyReader.decode(PlaygroundConfig.self, request, limit: limit)
            let session = try await store.create(config)
            return Reply.json(Created(id: session.id, frame: await session.currentFrame()), status: .created)
        }
        sessions.get(":id") { request, context in
            try Query.only([], request, for: "GET /api/sessions/{id}")
            let session = try await store.session(context.parameters.require("id"))
            return Reply.json(await session.currentFrame(.background))
        }
        sessions.delete(":id") { request, context in
            try Query.only([], request, for: "DELETE /api/sessions/{id}")
            await store.remove(try context.parameters.require("id"))
            return Response(status: .noContent)
        }
        sessions.get(":id/stream") { request, context in
            try Query.only(["frames"], request, for: "the stream")
            let session = try await store.session(context.parameters.require("id"))
            let frames = try Query.integer("frames", request, in: 1...Int(Int32.max))  // `frames=abc` was ignored
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: FrameStream.body(session, store: store, maxFrames: frames))
        }
        // The page's frames: BinaryFrame, pulled one at a time (the page pulls over FrameSocket, and
        // by this route when the socket fails). The socket's handshake never reaches the router.
        sessions.get(":id/frame") { request, context in
            let session = try await store.session(context.parameters.require("id"))
            let asked = try PullRequest(request.uri)
            let interval = Duration.seconds(1 / store.limits.maxFramesPerSecond)
            guard
                let bytes = await session.pull(
                    after: asked.after, shown: asked.shown, wait: asked.wait, interval: interval)
            else {
                return Response(status: .noContent)
            }
            return Reply.bytes(bytes, type: "application/octet-stream")
        }
        sessions.get(":id/model") { request, context in
            try Query.only([], request, for: "GET /api/sessions/{id}/model")
            let session = try await store.session(context.parameters.require("id"))
            return Reply.bytes(
                Array(await session.exportModel()), type: "application/json; charset=utf-8",
                headers: [.contentDisposition: "attachment; filename=\"playground-model.json\""])
        }
        sessions.put(":id/config") { request, context in
            try Query.only([], request, for: "PUT /api/sessions/{id}/config")
            let session = try await store.session(context.parameters.require("id"))
            let (change, setup) = try await session.apply(BodyReader.decode(PlaygroundConfig.self, request, limit: limit))
            let flags = session.withFlags { $0 }
            var status = Status(id: session.id, version: setup.version, epoch: flags.epoch, playing: flags.playing, config: setup.config)
            status.change = change
            return Reply.json(status)
        }
        sessions.post(":id/step") { request, context in
            try Query.only(["epochs"], request, for: "step")
            let session = try await store.session(context.parameters.require("id"))
            let epochs = try Query.integer("epochs", request, in: 1...PlaygroundSession.maxStepEpochs) ?? 1
            let (trained, training) = try await session.timedStep(epochs: epochs)
            var status = Self.status(session, trained: trained)
            status.trainingSeconds = training.inSeconds
            return Reply.json(status)
        }
        addControls(to: sessions, limit: limit)
    }

    private func addControls(to sessions: RouterGroup<BasicRequestContext>, limit: Int) {
        control("play", sessions) { session, _ in try await session.play() }
        control("pause", sessions) { session, _ in session.stop() }
        control("reset", sessions) { session, _ in try await session.reset() }
        control("reseed", sessions, keys: ["seed"]) { session, request in try await session.reseed(Query.seed(request)) }
        control("regenerate", sessions, keys: ["seed"]) { session, request in try await session.regenerate(Query.seed(request)) }
        control("weights", sessions) { session, request in
            let edit = try await BodyReader.decode(WeightEdit.self, request, limit: limit)
            try await session.setWeight(layer: edit.layer, from: edit.from, to: edit.to, value: edit.value)
        }
        control("points", sessions) { session, request in
            try await session.add(BodyReader.decode(AddedPoints.self, request, limit: limit).points)
        }
        sessions.delete(":id/points") { request, context in
            try Query.only([], request, for: "DELETE /api/sessions/{id}/points")
            let session = try await store.session(context.parameters.require("id"))
            try await session.clearAdded()
            return Reply.json(Self.status(session))
        }
        let maxPoints = store.limits.maxPoints
        setup("csv", sessions, keys: ["header"]) { session, request in
            let text = try await BodyReader.text(request, limit: limit)
            try UploadLimit.check(csv: text, maxPoints: maxPoints)
            return try await session.upload(csv: text, header: try Query.flag("header", request))
        }
        setup("model", sessions) { session, request in
            try await session.importModel(Data(BodyReader.bytes(request, limit: limit).readableBytesView))
        }
    }

    /// `POST /api/sessions/:id/<name>` for a control that makes a new setup: answers the status at the
    /// change's version, with the setup.
    private func setup(
        _ name: String, _ sessions: RouterGroup<BasicRequestContext>, keys: [String] = [],
        _ body: @escaping @Sendable (PlaygroundSession, Request) async throws -> PlaygroundSession.Setup
    ) {
        post(name, sessions, keys: keys) { session, request in
            let setup = try await body(session, request)
            let flags = session.withFlags { $0 }
            return Status(id: session.id, version: setup.version, epoch: flags.epoch, playing: flags.playing, config: setup.config)
        }
    }

    /// `POST /api/sessions/:id/<name>`: runs `body`, then answers the session's status.
    private func control(
        _ name: String, _ sessions: RouterGroup<BasicRequestContext>, keys: [String] = [], _ body: @escaping Control
    ) {
        post(name, sessions, keys: keys) { session, request in
            try await body(session, request)
            return Self.status(session)
        }
    }

    /// `POST /api/sessions/:id/<name>`, taking only the query `keys`, answered with what `answer` says.
    private func post(
        _ name: String, _ sessions: RouterGroup<BasicRequestContext>, keys: [String],
        _ answer: @escaping @Sendable (PlaygroundSession, Request) async throws -> Status
    ) {
        let store = self.store
        sessions.post(RouterPath(":id/\(name)")) { request, context in
            try Query.only(keys, request, for: name)
            let session = try await store.session(context.parameters.require("id"))
            return Reply.json(try await answer(session, request))
        }
    }

    static func status(_ session: PlaygroundSession, trained: Int? = nil) -> Status {
        let flags = session.withFlags { $0 }
        return Status(
            id: session.id, version: flags.version, epoch: flags.epoch, playing: flags.playing, trained: trained)
    }
}
