/// Everything that defines a training run; one seed fixes the data, the initial weights and the
/// batch order, so the same configuration gives the same results.
public struct TrainingConfiguration: Sendable, Codable, Equatable {
    public enum Precision: String, Sendable, Codable, CaseIterable { case float, double }

    public var hidden: [Int] = [8, 8]
    /// One id per hidden layer, or a single id for all of them.
    public var activations: [String] = ["relu"]
    public var activationParameters: [String: Double] = [:]
    public var output: OutputHead = .softmax
    public var initializer: Initializer = .glorotUniform
    /// Every hidden unit's starting bias, replacing the initialiser's (e.g. −1 to start ReLU units on
    /// their flat side); nil keeps the initialiser's.
    public var hiddenBias: Double?
    public var optimizer = OptimizerSettings()
    public var schedule: LearningRateSchedule = .constant
    public var batchSize = 32
    public var epochs = 100
    public var seed: UInt64 = 1
    /// Reshuffle the batches every epoch (seeded) or keep the data's order.
    public var shuffle = true
    /// Standardise each input feature with the training set's mean and standard deviation.
    public var normalize = true
    /// The share of the data used for training; the rest is the test set.
    public var trainFraction = 0.8
    /// Playground features computed from 2-D points, or nil for the raw columns.
    public var features: [Feature]?
    public var precision: Precision = .double

    public init() {}

    /// The activation of each hidden layer.
    public func hiddenActivations() throws(NeuralNetError) -> [HiddenActivation] {
        guard activations.count == 1 || activations.count == hidden.count else {
            throw .invalidConfiguration("\(activations.count) activations for \(hidden.count) hidden layers (give one, or one per layer)")
        }
        var result: [HiddenActivation] = []
        for index in hidden.indices {
            result.append(try HiddenActivation.named(activations.count == 1 ? activations[0] : activations[index],
                                                     parameters: activationParameters))
        }
        return result
    }

    public func validate() throws(NeuralNetError) {
        try optimizer.validate()
        guard epochs >= 1 else { throw .invalidConfiguration("epochs must be at least 1, got \(epochs)") }
        guard batchSize >= 1 else { throw .invalidConfiguration("the batch size must be at least 1, got \(batchSize)") }
        if let hiddenBias, !hiddenBias.isFinite { throw .invalidConfiguration("the hidden bias start must be finite, got \(hiddenBias)") }
        guard hidden.allSatisfy({ (1...4096).contains($0) }), hidden.count <= 64 else {
            throw .invalidConfiguration("hidden layer widths must be in 1…4096 (at most 64 layers), got \(hidden)")
        }
        guard trainFraction > 0, trainFraction <= 1 else {
            throw .invalidConfiguration("the train fraction must be in (0, 1], got \(trainFraction)")
        }
        _ = try hiddenActivations()
    }
}
