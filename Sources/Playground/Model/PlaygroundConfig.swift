import NeuralNet

/// Everything the page sets, with TensorFlow Playground's names and defaults where it has them
/// (`networkShape` 4,2, tanh, learning rate 0.03, batch size 10, circle, noise 0, 50 % training data,
/// its initialiser and its tanh output with ½(o − t)²). The page keeps it in the URL; the server
/// checks it against ``PlaygroundLimits`` and builds the data and the network from it.
public struct PlaygroundConfig: Codable, Sendable, Equatable {
    /// Whether the points carry classes or real-valued targets.
    public enum Problem: String, Codable, Sendable { case classification, regression }

    /// Classification or regression; a generated dataset must be of that kind.
    public var problem: Problem = .classification
    /// A 2-D dataset id from `Datasets.all`, or `custom` for uploaded or clicked points.
    public var dataset = "circle"
    /// Classes for the k-class sets (blobs, spiral-arms).
    public var classes = 3
    /// 0–50, TensorFlow Playground's slider (divided by 100 for the generators).
    public var noise = 0
    /// 10–90: the percentage of points used for training.
    public var percTrainData = 50
    /// Points per optimiser step: 1…`PlaygroundLimits.maxBatchSize`.
    public var batchSize = 10
    /// The optimiser's learning rate, in (0, 100].
    public var learningRate = 0.03
    /// Hidden layer widths; empty means no hidden layer.
    public var networkShape = [4, 2]
    /// One activation id per hidden layer (the page's "all layers" menu sets every entry).
    public var activations = ["tanh"]
    /// Parameters per hidden layer (index as a string, as JSON objects need), e.g. `{"0": {"slope": 0.1}}`.
    public var activationParameters: [String: [String: Double]] = [:]
    /// The inputs computed from each point (x1, x2): at least one, each at most once.
    public var features: [Feature] = [.x1, .x2]
    /// A penalty on the weights: none, L1 or L2.
    public var regularization: Regularization = .none
    /// The penalty's rate, 0…100.
    public var regularizationRate = 0.0
    /// The update rule: plain SGD, as TensorFlow Playground, unless chosen otherwise.
    public var optimizer: OptimizerKind = .sgd
    /// How the initial weights are drawn; `.playground` draws them as TensorFlow Playground does.
    public var initializer: Initializer = .playground
    /// The output for two classes: tanh (TensorFlow Playground), sigmoid or softmax. Three or more
    /// classes always use softmax; regression a linear output.
    public var output: OutputHead = .tanh
    /// Standardise the input features with the training set's mean and standard deviation.
    public var normalize = false
    /// Seeds the initial weights and the batch order: Reset goes back to the same weights.
    public var seed: UInt64 = 1
    /// Seeds the data: Regenerate changes it.
    public var dataSeed: UInt64 = 1
    /// Pause after this many epochs (0: never).
    public var maxEpochs = 0
    /// Pause once the training loss is at most this (0: never).
    public var stopLoss = 0.0
    /// Epochs trained between two frames sent to the page.
    public var epochsPerFrame = 1

    /// TensorFlow Playground's defaults, as listed above.
    public init() {}

    /// Decodes a configuration in which every key is optional: a missing one takes its default, so a
    /// link may give only what differs. The values are checked later (`PlaygroundLimits.validate(_:)`).
    /// A key it does not know is refused, naming the key (and the known key it differs from only in
    /// case): dropped, a typo such as `learningrate` would leave the default without a word.
    public init(from decoder: any Decoder) throws {
        try CodingKeys.refuseOthers(in: decoder, what: "the configuration")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PlaygroundConfig()
        problem = try c.decodeIfPresent(Problem.self, forKey: .problem) ?? d.problem
        dataset = try c.decodeIfPresent(String.self, forKey: .dataset) ?? d.dataset
        classes = try c.decodeIfPresent(Int.self, forKey: .classes) ?? d.classes
        noise = try c.decodeIfPresent(Int.self, forKey: .noise) ?? d.noise
        percTrainData = try c.decodeIfPresent(Int.self, forKey: .percTrainData) ?? d.percTrainData
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? d.batchSize
        learningRate = try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? d.learningRate
        networkShape = try c.decodeIfPresent([Int].self, forKey: .networkShape) ?? d.networkShape
        activations = try c.decodeIfPresent([String].self, forKey: .activations) ?? d.activations
        activationParameters =
            try c.decodeIfPresent([String: [String: Double]].self, forKey: .activationParameters) ?? [:]
        features = try c.decodeIfPresent([Feature].self, forKey: .features) ?? d.features
        regularization = try c.decodeIfPresent(Regularization.self, forKey: .regularization) ?? d.regularization
        regularizationRate = try c.decodeIfPresent(Double.self, forKey: .regularizationRate) ?? d.regularizationRate
        optimizer = try c.decodeIfPresent(OptimizerKind.self, forKey: .optimizer) ?? d.optimizer
        initializer = try c.decodeIfPresent(Initializer.self, forKey: .initializer) ?? d.initializer
        output = try c.decodeIfPresent(OutputHead.self, forKey: .output) ?? d.output
        normalize = try c.decodeIfPresent(Bool.self, forKey: .normalize) ?? d.normalize
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        dataSeed = try c.decodeIfPresent(UInt64.self, forKey: .dataSeed) ?? d.dataSeed
        maxEpochs = try c.decodeIfPresent(Int.self, forKey: .maxEpochs) ?? d.maxEpochs
        stopLoss = try c.decodeIfPresent(Double.self, forKey: .stopLoss) ?? d.stopLoss
        epochsPerFrame = try c.decodeIfPresent(Int.self, forKey: .epochsPerFrame) ?? d.epochsPerFrame
    }

    /// Every key a configuration has; `init(from:)` refuses any other.
    enum CodingKeys: String, ClosedKeys {
        case problem, dataset, classes, noise, percTrainData, batchSize, learningRate, networkShape, activations
        case activationParameters, features, regularization, regularizationRate, optimizer, initializer, output
        case normalize, seed, dataSeed, maxEpochs, stopLoss, epochsPerFrame
    }

    /// The activation id of hidden layer `index` (a single id applies to every layer).
    public func activation(ofLayer index: Int) -> String {
        activations.count == 1 ? activations[0] : activations[index]
    }

    /// The parameters of hidden layer `index`.
    public func parameters(ofLayer index: Int) -> [String: Double] {
        activationParameters[String(index)] ?? [:]
    }

    /// The output head this configuration trains with, for data with `classCount` classes (0: regression).
    public func head(classCount: Int) -> OutputHead {
        if problem == .regression || classCount == 0 { return .linear }
        if classCount > 2 { return .softmax }
        return output == .linear || output == .huber ? .tanh : output
    }

    /// Optimiser settings for the trainer.
    public var optimizerSettings: OptimizerSettings {
        var settings = OptimizerSettings(kind: optimizer, learningRate: learningRate)
        settings.regularization = regularization
        settings.regularizationRate = regularizationRate
        return settings
    }

    /// What decides the data: a change here regenerates the points (and resets the network).
    var dataKey: DataKey {
        DataKey(
            problem: problem, dataset: dataset, classes: classes, noise: noise,
            percTrainData: percTrainData, dataSeed: dataSeed)
    }

    /// What decides the initial network: a change here resets it.
    var networkKey: NetworkKey {
        NetworkKey(
            shape: networkShape, activations: networkShape.indices.map(activation(ofLayer:)),
            parameters: networkShape.indices.map(parameters(ofLayer:)), features: features,
            initializer: initializer, output: output, normalize: normalize, seed: seed)
    }

    struct DataKey: Equatable {
        var problem: Problem, dataset: String, classes: Int, noise: Int, percTrainData: Int, dataSeed: UInt64
    }

    struct NetworkKey: Equatable {
        var shape: [Int], activations: [String], parameters: [[String: Double]], features: [Feature]
        var initializer: Initializer, output: OutputHead, normalize: Bool, seed: UInt64
    }
}
