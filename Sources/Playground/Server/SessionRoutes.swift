import Foundation
import Hummingbird

/// The sessions API. Routes parse, call the session, and answer: JSON, or the frame stream.
struct SessionRoutes: Sendable {
    let store: SessionStore

    /// What a control answers: where the session stands (the stream carries the pictures).
    struct Status: Encodable {
        let id: String
        let version: Int
        let epoch: Int
        let playing: Bool
        var change: PlaygroundEngine.Change?
    }

    struct WeightEdit: Decodable {
        let layer: Int
        /// The input index; absent for the unit's bias.
        let from: Int?
        let to: Int
        let value: Double
    }

    func add(to router: Router<BasicRequestContext>) {
        let store = self.store
        let limit = store.limits.maxBodyBytes
        router.post("/api/sessions") { request, _ in
            let config = try await BodyReader.decode(PlaygroundConfig.self, request, limit: limit)
            let session = try await store.create(config)
            let frame = await session.frame(after: nil)!.0
            return Reply.json(Created(id: session.id, frame: frame), status: .created)
        }
        router.get("/api/sessions/:id") { _, context in
            let session = try await store.session(context.parameters.require("id"))
            return Reply.json(await session.frame(after: nil)!.0)
        }
        router.delete("/api/sessions/:id") { _, context in
            await store.remove(try context.parameters.require("id"))
            return Response(status: .noContent)
        }
        router.get("/api/sessions/:id/stream") { request, context in
            let session = try await store.session(context.parameters.require("id"))
            let frames = request.uri.queryParameters.get("frames", as: Int.self)
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: FrameStream.body(session, store: store, maxFrames: frames))
        }
        for action in Self.actions {
            router.post("/api/sessions/:id/\(action)") { request, context in
                let session = try await store.session(context.parameters.require("id"))
                try await Self.perform(action, on: session, request, limit: limit)
                return Reply.json(await Self.status(session))
            }
        }
        router.delete("/api/sessions/:id/points") { _, context in
            let session = try await store.session(context.parameters.require("id"))
            try await session.clearAdded()
            return Reply.json(await Self.status(session))
        }
        router.put("/api/sessions/:id/config") { request, context in
            let session = try await store.session(context.parameters.require("id"))
            let change = try await session.apply(BodyReader.decode(PlaygroundConfig.self, request, limit: limit))
            var status = await Self.status(session)
            status.change = change
            return Reply.json(status)
        }
        router.get("/api/sessions/:id/model") { _, context in
            let session = try await store.session(context.parameters.require("id"))
            return Reply.bytes(Array(await session.exportModel()), type: "application/json; charset=utf-8",
                               headers: [.contentDisposition: "attachment; filename=\"playground-model.json\""])
        }
    }

    static let actions = ["play", "pause", "step", "reset", "reseed", "regenerate", "weights", "points", "csv", "model"]

    /// One control: `POST /api/sessions/:id/<action>`.
    static func perform(_ action: String, on session: PlaygroundSession, _ request: Request, limit: Int) async throws {
        let query = request.uri.queryParameters
        switch action {
        case "play": await session.play()
        case "pause": await session.stop()
        case "step": await session.step(epochs: query.get("epochs", as: Int.self) ?? 1)
        case "reset": try await session.reset()
        case "reseed": try await session.reseed(query.get("seed", as: UInt64.self) ?? randomSeed())
        case "regenerate": try await session.regenerate(query.get("seed", as: UInt64.self) ?? randomSeed())
        case "weights":
            let edit = try await BodyReader.decode(WeightEdit.self, request, limit: limit)
            try await session.setWeight(layer: edit.layer, from: edit.from, to: edit.to, value: edit.value)
        case "points": try await session.add(BodyReader.decode(AddedPoints.self, request, limit: limit).points)
        case "csv": try await session.upload(csv: BodyReader.text(request, limit: limit), header: query.get("header") == "true")
        default: try await session.importModel(Data(BodyReader.text(request, limit: limit).utf8))
        }
    }

    /// One clicked point, or an array of them (a shared link restores its points in one request).
    struct AddedPoints: Decodable {
        let points: [AddedPoint]

        init(from decoder: any Decoder) throws {
            if (try? decoder.unkeyedContainer()) != nil {
                points = try [AddedPoint](from: decoder)
            } else {
                points = [try AddedPoint(from: decoder)]
            }
        }
    }

    struct Created: Encodable {
        let id: String
        let frame: Frame
    }

    static func status(_ session: PlaygroundSession) async -> Status {
        Status(id: session.id, version: await session.version, epoch: await session.engine.epoch, playing: await session.playing)
    }

    static func randomSeed() -> UInt64 { UInt64.random(in: 1...999_999) }
}

/// Reading request bodies within the size limit, with errors a person can act on.
enum BodyReader {
    static func text(_ request: Request, limit: Int) async throws -> String {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch {
            throw PlaygroundError(.tooLarge, "the request body is larger than the limit of \(limit / 1024) KiB")
        }
        return String(decoding: buffer.readableBytesView, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, limit: Int) async throws -> T {
        let text = try await text(request, limit: limit)
        do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch let error as DecodingError {
            throw PlaygroundError.bad("bad JSON: " + describe(error))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : "at \(keys.dropFirst(keys.hasPrefix(".") ? 1 : 0)): "
        }
        switch error {
        case .typeMismatch(let type, let c): return path(c) + "expected \(type)"
        case .valueNotFound(let type, let c): return path(c) + "expected \(type), found null"
        case .keyNotFound(let key, let c): return path(c) + "missing \(key.stringValue)"
        case .dataCorrupted(let c): return path(c) + ((c.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String ?? c.debugDescription)
        @unknown default: return "\(error)"
        }
    }
}
