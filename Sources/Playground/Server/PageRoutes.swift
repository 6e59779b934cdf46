import ActivationFunctions
import Foundation
import Hummingbird
import Lab
import NeuralNet

/// The page and what it reads before a session exists: its files, the catalog, an activation's
/// curve, the datasets, presets and limits; the gallery and the experiments report.
struct PageRoutes: Sendable {
    let experiments: URL?
    /// The quick experiments run here when `experiments` holds no report.
    var quickReport = QuickReport()
    let limits: PlaygroundLimits

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            Reply.html(SiteHeader.inject(into: try WebFiles.text("index.html"), current: .playground))
        }
        router.get("/favicon.ico") { _, _ in try WebFiles.response("favicon.ico") }
        router.get("/static/:file") { _, context in try WebFiles.response(context.parameters.require("file")) }
        router.get("/api/catalog") { request, _ in
            try Query.only([], request, for: "/api/catalog")
            return Reply.bytes(Array(CatalogDocument.json().utf8), type: "application/json; charset=utf-8")
        }
        router.get("/api/activations/:id") { request, context in
            var parameters: [String: Double] = [:]
            for item in request.uri.queryParameters {
                guard let value = NumberText.parse(item.value, as: Double.self), value.isFinite else {
                    throw PlaygroundError.bad("parameter \(item.key.prefix(40)) must be a finite number, got '\(item.value.prefix(40))'")
                }
                guard parameters.updateValue(value, forKey: String(item.key)) == nil else {
                    throw PlaygroundError.bad("parameter \(item.key.prefix(40)) is given twice")
                }
            }
            let id = try context.parameters.require("id")
            guard !Formula.isFormula(id) else {  // parsed on the request thread, a formula would bypass the gate
                throw PlaygroundError.bad(
                    "/api/activations/ takes a catalog id; a formula's curve is GET /api/formula?text=…")
            }
            return Reply.json(try ActivationCurve(id: id, parameters: parameters))
        }
        FormulaRoute.add(to: router)
        router.get("/api/datasets") { request, _ in
            try Query.only([], request, for: "/api/datasets")
            return Reply.json(DatasetEntry.all)
        }
        router.get("/api/datasets/:id/points") { request, context in
            try Query.only(["classes"], request, for: "/api/datasets/{id}/points")
            let id = try context.parameters.require("id")
            guard PlaygroundLimits.planeDatasets.contains(id) else {
                throw PlaygroundError(.notFound, "no 2-D dataset '\(NumberText.excerpt(id))'")
            }
            let classes = try Query.integer("classes", request, in: 2...10) ?? 3
            let data = try lift { () throws(NeuralNetError) in
                try Datasets.named(id).generate(count: 200, classes: classes, seed: 1)
            }
            let labels: [Double] =
                switch data.labels {
                case .classes(let c, _): c.map(Double.init)
                case .values(let v): v.storage
                }
            return Reply.json((0..<data.count).map { [data.inputs[$0, 0], data.inputs[$0, 1], labels[$0]] })
        }
        router.get("/api/presets") { request, _ in
            try Query.only([], request, for: "/api/presets")
            return Reply.json(Presets.all)
        }
        let limitsView = LimitsView(limits)
        router.get("/api/limits") { request, _ in
            try Query.only([], request, for: "/api/limits")
            return Reply.json(limitsView)
        }
        router.get("/gallery") { _, _ in Reply.html(Self.gallery) }
        let files = ReportFiles(directory: experiments, quick: quickReport)
        router.get("/experiments") { _, _ in try files.response("") }
        router.get("/experiments/**") { _, context in
            try files.response(context.parameters.getCatchAll().joined(separator: "/"))
        }
        let quick = quickReport
        router.get("/api/experiments/status") { request, _ in
            try Query.only([], request, for: "/api/experiments/status")
            return Reply.json(quick.current)
        }
        router.post("/api/experiments/run") { request, _ in
            try Query.only([], request, for: "/api/experiments/run")
            return Reply.json(quick.start())
        }
    }

    /// The gallery page with the site's header, built once.
    static let gallery = SiteHeader.inject(into: Gallery().html, current: .gallery)
}

/// f and f′ of one catalog function over its plot domain, for the activation card.
struct ActivationCurve: Encodable {
    let id: String
    let name: String
    let formula: String
    let derivativeFormula: String
    let outputRange: String
    let parameters: [String: Double]
    let x: [Double]
    let f: [Double]
    let derivative: [Double]

    /// The curve of the catalog function `id` with `parameters`, checked as a layer's activation.
    init(id: String, parameters: [String: Double]) throws(PlaygroundError) {
        try PlaygroundLimits.checkActivation(id, parameters, layer: nil)
        let function: any ElementwiseActivation
        do { function = try Activations.elementwise(id, parameters: parameters) } catch { throw .bad("\(error)") }
        self.init(function, parameters: parameters)
    }

    /// The curve of a function already built (a formula parsed once, by `FormulaRoute`).
    init(_ function: any ElementwiseActivation, parameters: [String: Double]) {
        let info = function.info
        let samples = 241
        x = (0..<samples).map {
            info.plotDomain.lower + (info.plotDomain.upper - info.plotDomain.lower) * Double($0) / Double(samples - 1)
        }
        f = x.map { function($0) }
        derivative = x.map { function.derivative(at: $0) }
        (self.id, name, formula, derivativeFormula, outputRange) = (
            info.id, info.name, info.formula, info.derivativeFormula, info.outputRange
        )
        self.parameters = (try? info.validate(parameters).values) ?? parameters
    }
}

/// A dataset as the data menu lists it.
struct DatasetEntry: Encodable {
    let id: String
    let summary: String
    let classification: Bool
    let multiclass: Bool

    static let all: [DatasetEntry] = PlaygroundLimits.planeDatasets.compactMap { id in
        (try? Datasets.named(id)).map {
            DatasetEntry(
                id: $0.id, summary: $0.summary, classification: $0.isClassification,
                multiclass: ["blobs", "spiral-arms"].contains($0.id))
        }
    }
}

/// What the server accepts, for the page to read instead of repeating: sizes, activations,
/// datasets and the error codes its responses carry.
struct LimitsView: Encodable {
    let maxLayers, maxNeurons, maxPoints, maxEpochsPerFrame, maxBatchSize, maxSessions, maxBodyBytes, maxStepEpochs: Int
    let maxFramesPerSecond: Double
    /// Seconds: a session with no request is removed after `idleSeconds`; a playing one pauses after
    /// `unwatchedPauseSeconds`; a step stops after `stepSeconds` of training (`stepWallSeconds` whatever it waited).
    let idleSeconds, unwatchedPauseSeconds, stepSeconds, stepWallSeconds: Double
    let activations: [String]
    let datasets: [String]
    let customDataset: String
    let errorCodes: [String: Int]

    init(_ limits: PlaygroundLimits) {
        (maxLayers, maxNeurons, maxPoints, maxEpochsPerFrame) = (
            limits.maxLayers, limits.maxNeurons, limits.maxPoints, limits.maxEpochsPerFrame
        )
        (maxBatchSize, maxSessions, maxBodyBytes) = (limits.maxBatchSize, limits.maxSessions, limits.maxBodyBytes)
        (maxStepEpochs, maxFramesPerSecond) = (PlaygroundSession.maxStepEpochs, limits.maxFramesPerSecond)
        (idleSeconds, unwatchedPauseSeconds) = (limits.idleSeconds, limits.unwatchedPauseSeconds)
        (stepSeconds, stepWallSeconds) = (PlaygroundSession.stepTimeLimit.inSeconds, PlaygroundSession.stepWallLimit.inSeconds)
        activations = PlaygroundLimits.activationIDs
        (datasets, customDataset) = (PlaygroundLimits.planeDatasets, PlaygroundLimits.customDataset)
        errorCodes = Dictionary(uniqueKeysWithValues: PlaygroundError.Kind.allCases.map { ($0.code, $0.rawValue) })
    }
}
