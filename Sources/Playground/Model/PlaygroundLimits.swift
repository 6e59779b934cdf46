import ActivationFunctions
import NeuralNet

/// The sizes the server accepts. TensorFlow Playground allows 6 layers of 8; the page allows 8 of 16.
public struct PlaygroundLimits: Sendable {
    /// The most hidden layers a configuration may have.
    public var maxLayers = 8
    /// The most units in one hidden layer.
    public var maxNeurons = 16
    /// The most points a session holds, clicked ones included; an upload with more is refused (413).
    public var maxPoints = 5000
    /// The most sessions open at once; one more is refused (429) until one closes or idles out.
    public var maxSessions = 64
    /// The largest request body read (a configuration, points, a CSV or a model), in bytes: 2 MiB;
    /// a larger one is refused (413).
    public var maxBodyBytes = 2 << 20
    /// The largest batch size a configuration may ask for.
    public var maxBatchSize = 1000
    /// The most epochs a configuration may train between two frames.
    public var maxEpochsPerFrame = 100
    /// Seconds without a request or an open stream after which a session is removed.
    public var idleSeconds = 600.0
    /// Seconds a playing session trains with no request for it (a page pulls frames all the time it
    /// shows one) before it pauses by itself: a tab closed without its `DELETE`, or hidden, stops
    /// using the CPU long before it idles out.
    public var unwatchedPauseSeconds = 30.0
    /// Frames per second a playing session sends at most.
    public var maxFramesPerSecond = 60.0
    /// Open connections beyond which a new one is answered 503 (at twice as many the server stops
    /// accepting until some close, so it never runs out of file descriptors).
    public var maxConnections = 256
    /// Seconds a connection may stay open without a request (or a request's headers take to arrive).
    public var idleConnectionSeconds = 30.0
    /// Seconds a request's body may take to arrive after its headers; a slower one gets 408 and its
    /// connection is closed (a client sending a byte now and then never lets the idle time run out).
    public var requestBodySeconds = 30.0

    /// The largest size of a point's coordinate (clicked, uploaded or imported): the plotted square
    /// reaches a little beyond the farthest point, and a grid over ±1e308 would be ∞ (frames carried
    /// "Infinity"); a million is far beyond any 2-D picture.
    static let maxCoordinate = 1e6
    /// The largest size of a regression target, or of an imported weight or bias: far inside what the
    /// losses and sums can hold (a target of 1e300 overflowed the loss at once), and far beyond what a
    /// playground network learns or its weight editor takes (`maxTypedWeight`).
    static let maxValue = 1e12
    /// The largest weight the weight editor takes (the page's editor says the same).
    static let maxTypedWeight = 1e6

    /// Throws, naming the first point as `name(index)` does, when a point of `data` has a coordinate
    /// beyond `maxCoordinate` or, for regression, a target beyond `maxValue`.
    static func checkMagnitudes(of data: Dataset, naming name: (Int) -> String) throws(PlaygroundError) {
        let targets: [Double]? = if case .values(let v) = data.labels { v.storage } else { nil }
        for row in 0..<data.count {
            let (x1, x2) = (data.inputs[row, 0], data.inputs[row, 1])
            guard abs(x1) <= maxCoordinate, abs(x2) <= maxCoordinate else {
                throw .bad("\(name(row)): x1 and x2 must be at most \(Int(maxCoordinate)) in size, got (\(x1), \(x2))")
            }
            if let targets, abs(targets[row]) > maxValue {
                throw .bad("\(name(row)): a target value must be at most \(Int(maxValue)) in size, got \(targets[row])")
            }
        }
    }

    /// The defaults above.
    public init() {}

    /// Checks every field, naming the first that is out of range.
    public func validate(_ c: PlaygroundConfig) throws(PlaygroundError) {
        try check(c.networkShape.count <= maxLayers, "at most \(maxLayers) hidden layers, got \(c.networkShape.count)")
        try check(
            c.networkShape.allSatisfy { (1...maxNeurons).contains($0) },
            "each hidden layer needs 1…\(maxNeurons) neurons, got \(c.networkShape)")
        try check(
            c.activations.count == 1 || c.activations.count == c.networkShape.count,
            "give one activation, or one per hidden layer (\(c.networkShape.count)); got \(c.activations.count)")
        try check((0...50).contains(c.noise), "noise must be 0…50, got \(c.noise)")
        try check((10...90).contains(c.percTrainData), "the training percentage must be 10…90, got \(c.percTrainData)")
        try check(
            (1...maxBatchSize).contains(c.batchSize), "the batch size must be 1…\(maxBatchSize), got \(c.batchSize)")
        try check(
            c.learningRate.isFinite && c.learningRate > 0 && c.learningRate <= 100,
            "the learning rate must be in (0, 100], got \(c.learningRate)")
        try check(
            c.regularizationRate.isFinite && (0...100).contains(c.regularizationRate),
            "the regularisation rate must be 0…100, got \(c.regularizationRate)")
        try check((2...10).contains(c.classes), "classes must be 2…10, got \(c.classes)")
        try check(!c.features.isEmpty, "choose at least one input feature")
        try check(Set(c.features).count == c.features.count, "each input feature may appear once")
        try check(
            c.maxEpochs >= 0 && c.maxEpochs <= 10_000_000,
            "the maximum epoch count must be 0…10000000, got \(c.maxEpochs)")
        try check(c.stopLoss.isFinite && c.stopLoss >= 0, "stop-at-loss must be a number ≥ 0, got \(c.stopLoss)")
        try check(
            (1...maxEpochsPerFrame).contains(c.epochsPerFrame),
            "epochs per frame must be 1…\(maxEpochsPerFrame), got \(c.epochsPerFrame)")
        // Parameters are keyed by a layer's index ("0" for the first); any other key was read by no layer.
        // (An index beyond the network is kept unused: the page keeps a removed layer's parameters.)
        for key in c.activationParameters.keys.sorted() where Int(key).map({ $0 < 0 || String($0) != key }) ?? true {
            throw .bad(
                "activationParameters: '\(key.prefix(40))' is not a hidden layer's index; the parameters of the first "
                    + "layer are under \"0\"")
        }
        // Bounded, as they go into every frame and export (150 000 unused keys made each frame 1.7 MB).
        for (key, parameters) in c.activationParameters {
            try check(
                Int(key)! < maxLayers,
                "activationParameters: '\(key.prefix(40))' is beyond the \(maxLayers) hidden layers a network can have")
            try check(
                parameters.count <= Self.maxParametersPerLayer,
                "activationParameters[\(key)]: at most \(Self.maxParametersPerLayer) parameters, got \(parameters.count)")
            if let long = parameters.keys.first(where: { $0.count > Self.maxParameterNameLength }) {
                throw .bad(
                    "activationParameters[\(key)]: the parameter name '\(NumberText.excerpt(long, limit: 40))' is longer "
                        + "than \(Self.maxParameterNameLength) characters")
            }
        }
        for index in c.networkShape.indices {
            try Self.checkActivation(c.activation(ofLayer: index), c.parameters(ofLayer: index), layer: index)
        }
        if c.dataset != Self.customDataset {
            // Named among the playground's own: the library's list includes datasets of other shapes.
            let ours = Self.planeDatasets.joined(separator: ", ")
            guard let generator = try? Datasets.named(c.dataset) else {
                let near = Activations.closest(to: c.dataset, among: Self.planeDatasets).first.map { " Did you mean \($0)?" } ?? ""
                throw .bad(
                    "unknown dataset '\(NumberText.excerpt(c.dataset))'; the playground's are \(ours), and custom for "
                        + "uploaded points.\(near)")
            }
            try check(
                Self.planeDatasets.contains(generator.id),
                "'\(NumberText.excerpt(c.dataset))' is not a 2-D dataset; the playground's are \(ours)")
            try check(
                generator.isClassification == (c.problem == .classification),
                "'\(NumberText.excerpt(c.dataset))' is a \(generator.isClassification ? "classification" : "regression") dataset, but the problem is \(c.problem.rawValue)"
            )
        }
    }

    /// The most parameters one layer's activation may be given, and the longest name of one.
    static let maxParametersPerLayer = 16
    static let maxParameterNameLength = 32

    /// The activations a hidden layer can use: every elementwise catalog function.
    public static var activationIDs: [String] { Activations.elementwiseIDs }

    /// The dataset id of uploaded or clicked points, as opposed to a generator's id.
    public static let customDataset = "custom"
    /// The 2-D datasets, in menu order: TensorFlow Playground's six, then the ones it lacks.
    public static let planeDatasets = [
        "circle", "xor", "gauss", "spiral", "moons", "blobs", "spiral-arms", "reg-plane", "reg-gauss",
    ]

    /// `layer` (counted from 0) names the hidden layer in a message; nil for a request about the
    /// function alone (the activation card's curve), whose messages name no layer.
    static func checkActivation(_ id: String, _ parameters: [String: Double], layer: Int?) throws(PlaygroundError) {
        let at = layer.map { "layer \($0 + 1): " } ?? ""
        if Formula.isFormula(id) {  // your own: parsed, differentiated and checked, its length and depth bounded
            do { _ = try Activations.formula(id, parameters: parameters) } catch {
                throw .bad("\(at)\(error)")
            }
            return
        }
        guard let definition = Activations.named(id) else {
            let close = Activations.suggestions(for: id).filter(activationIDs.contains)
            throw .bad(
                "\(at)unknown activation '\(NumberText.excerpt(id))'"
                    + (close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?"))
        }
        guard activationIDs.contains(definition.info.id) else {
            throw .bad(
                "\(at)\(definition.info.id) is a function of a whole row, not of one neuron; it can only be the output (softmax is used for 3 or more classes)"
            )
        }
        do { _ = try definition.info.validate(parameters) } catch { throw .bad("\(at)\(error)") }
    }

    private func check(_ condition: Bool, _ message: @autoclosure () -> String) throws(PlaygroundError) {
        if !condition { throw .bad(message()) }
    }
}
