/// Everything that defines a training run; one seed fixes the data, the initial weights and the
/// batch order, so the same configuration gives the same results.
public struct TrainingConfiguration: Sendable, Codable, Equatable {
    /// The number type the network is stored and trained in.
    public enum Precision: String, Sendable, Codable, CaseIterable { case float, double }

    /// The width of each hidden layer, input side first: each in 1…4096, at most 64 layers.
    public var hidden: [Int] = [8, 8]
    /// One id per hidden layer, or a single id for all of them.
    public var activations: [String] = ["relu"]
    /// Catalog parameters (such as `alpha`) for every hidden layer's activation; for a learned one, its
    /// initial values, and `shared` = 1 for one set per layer instead of one per unit.
    public var activationParameters: [String: Double] = [:]
    /// The output function and loss; it must suit the targets (see `OutputHead.outputCount(for:)`).
    public var output: OutputHead = .softmax
    /// How the initial weights and biases are drawn.
    public var initializer: Initializer = .glorotUniform
    /// Every hidden unit's starting bias, replacing the initialiser's (e.g. −1 to start ReLU units on
    /// their flat side); nil keeps the initialiser's.
    public var hiddenBias: Double?
    /// The update rule and its hyper-parameters.
    public var optimizer = OptimizerSettings()
    /// How the learning rate changes from epoch to epoch.
    public var schedule: LearningRateSchedule = .constant
    /// The samples per optimiser step, at least 1.
    public var batchSize = 32
    /// The epochs to train, at least 1.
    public var epochs = 100
    /// Fixes the train/test split, the initial weights, the batch order and any random slopes.
    public var seed: UInt64 = 1
    /// Reshuffle the batches every epoch (seeded) or keep the data's order.
    public var shuffle = true
    /// Standardise each input feature with the training set's mean and standard deviation.
    public var normalize = true
    /// The share of the data used for training; the rest is the test set.
    public var trainFraction = 0.8
    /// Playground features computed from 2-D points, or nil for the raw columns.
    public var features: [Feature]?
    /// `Float` or `Double`; the data and the saved model stay in `Double` either way.
    public var precision: Precision = .double

    /// The defaults: two hidden layers of 8 ReLU units, softmax, Glorot-uniform weights, Adam at 0.01,
    /// batches of 32, 100 epochs, seed 1, shuffled, normalised, 80 % for training, in `Double`.
    public init() {}

    /// The activation of each hidden layer.
    public func hiddenActivations() throws(NeuralNetError) -> [HiddenActivation] {
        guard activations.count == 1 || activations.count == hidden.count else {
            throw .invalidConfiguration(
                "\(activations.count) activations for \(hidden.count) hidden layers (give one, or one per layer)")
        }
        var result: [HiddenActivation] = []
        for index in hidden.indices {
            result.append(
                try HiddenActivation.named(
                    activations.count == 1 ? activations[0] : activations[index],
                    parameters: activationParameters))
        }
        return result
    }

    /// Throws for the first setting out of range: the optimiser's (in `Float`, also one that `Float`
    /// cannot hold), the schedule's, epochs or batch size below 1, a
    /// non-finite hidden bias, a width outside 1…4096 or more than 64 layers, a train fraction outside
    /// (0, 1], or activations that are unknown or do not match the layers.
    public func validate() throws(NeuralNetError) {
        try optimizer.validate()
        guard epochs >= 1 else { throw .invalidConfiguration("epochs must be at least 1, got \(epochs)") }
        guard batchSize >= 1 else { throw .invalidConfiguration("the batch size must be at least 1, got \(batchSize)") }
        if let hiddenBias, !hiddenBias.isFinite {
            throw .invalidConfiguration("the hidden bias start must be finite, got \(hiddenBias)")
        }
        guard hidden.allSatisfy({ (1...4096).contains($0) }), hidden.count <= 64 else {
            throw .invalidConfiguration("hidden layer widths must be in 1…4096 (at most 64 layers), got \(hidden)")
        }
        // Between hidden layers alone (the inputs and outputs come with the data): `Network` refuses more.
        let between = zip(hidden, hidden.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
        guard between <= Network<Double>.maximumWeights else {
            throw .invalidConfiguration(
                "the hidden layers \(hidden) need \(between) weights between them; at most \(Network<Double>.maximumWeights)")
        }
        guard trainFraction > 0, trainFraction <= 1 else {
            throw .invalidConfiguration("the train fraction must be in (0, 1], got \(trainFraction)")
        }
        try schedule.validate(base: optimizer.learningRate, epochs: epochs)
        if precision == .float { try optimizer.validateForFloat() }
        _ = try hiddenActivations()
    }
}
