import NeuralNet
import Testing

@testable import Playground

/// The playground's training pipeline as it was before issue #19's "one pipeline" (the Playground's
/// own `PreparedData`, network and trainer), written out from NeuralNet's public parts so that
/// `PipelineParityTests` can hold the engine to its numbers whatever the engine is built on.
struct TodaysPipeline {
    /// One configuration of the parity test, named for its report.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var problem = PlaygroundConfig.Problem.classification
        var dataset = "circle"
        var activation = "tanh"
        var parameters: [String: Double] = [:]
        var optimizer = OptimizerKind.sgd
        var normalize = false
        var features: [Feature] = [.x1, .x2]
        var batch = 10
        var testDescription: String { name }

        var config: PlaygroundConfig {
            var config = PlaygroundConfig()
            (config.problem, config.dataset, config.activations, config.optimizer) = (
                problem, dataset, [activation], optimizer
            )
            (config.normalize, config.features, config.batchSize, config.noise) = (normalize, features, batch, 15)
            config.activationParameters = parameters.isEmpty ? [:] : ["0": parameters, "1": parameters]
            if optimizer != .sgd { config.learningRate = 0.01 }
            return config
        }
    }

    var config: PlaygroundConfig
    var added: [AddedPoint] = []
    var normalization: Normalization
    var train: LabeledData<Double>
    var test: LabeledData<Double>?
    var trainer: Trainer<Double>
    var records: [EpochRecord] = []

    init(_ config: PlaygroundConfig) throws {
        self.config = config
        let classCount: Int
        (train, test, normalization, classCount) = try Self.prepare(config, added: [], kept: nil)
        var rng = SeededGenerator(seed: config.seed)
        let activations = try config.networkShape.indices.map {
            try HiddenActivation.named(config.activation(ofLayer: $0), parameters: config.parameters(ofLayer: $0))
        }
        let head = config.head(classCount: classCount)
        let network = try Network<Double>(
            inputs: config.features.count, hidden: config.networkShape, activations: activations,
            outputs: head == .softmax ? classCount : 1, head: head, initializer: config.initializer, rng: &rng)
        trainer = try Trainer(
            network: network, settings: config.optimizerSettings, batchSize: config.batchSize, shuffle: true,
            seed: config.seed &+ 0x5eed)
    }

    /// Generates the points, splits them with the data seed, appends `added` to the training part, maps
    /// the features and normalises with `kept` or a normalisation fitted on the training part.
    static func prepare(_ config: PlaygroundConfig, added: [AddedPoint], kept: Normalization?) throws
        -> (LabeledData<Double>, LabeledData<Double>?, Normalization, Int)
    {
        let raw = try Datasets.named(config.dataset).generate(
            noise: Double(config.noise) / 100, classes: config.classes, seed: config.dataSeed)
        var (train, test) = try raw.split(trainFraction: Double(config.percTrainData) / 100, seed: config.dataSeed)
        if !added.isEmpty {
            var inputs = train.inputs
            inputs.storage += added.flatMap { [$0.x1, $0.x2] }
            inputs.rows += added.count
            let labels: Dataset.Labels =
                switch train.labels {
                case .classes(let labels, let names): .classes(labels + added.map { Int($0.label) }, names: names)
                case .values(let values):
                    .values(
                        Matrix(
                            rows: values.rows + added.count, columns: 1, storage: values.storage + added.map(\.label)))
                }
            train = Dataset(inputs: inputs, labels: labels, featureNames: train.featureNames)
        }
        let (featTrain, featTest) = (try Feature.map(train, config.features), try Feature.map(test, config.features))
        let fitted = config.normalize ? Normalization(fitting: featTrain.inputs) : .identity(config.features.count)
        let n = kept ?? fitted
        let labeledTrain = try Dataset(inputs: n.apply(featTrain.inputs), labels: featTrain.labels, featureNames: [])
            .labeled(Double.self)
        let labeledTest =
            test.count == 0
            ? nil
            : try Dataset(inputs: n.apply(featTest.inputs), labels: featTest.labels, featureNames: []).labeled(
                Double.self)
        return (labeledTrain, labeledTest, n, raw.isClassification ? raw.classNames.count : 0)
    }

    mutating func train(epochs: Int) throws {
        for _ in 0..<epochs { _ = try trainEpoch { true } }
    }

    /// Whether the epoch finished.
    mutating func trainEpoch(while shouldContinue: () -> Bool) throws -> Bool {
        guard let metrics = try trainer.trainEpoch(train, test: test, while: shouldContinue) else { return false }
        records.append(EpochRecord(epoch: records.count + 1, metrics))
        return true
    }

    /// New training points: the epoch in progress is dropped, the normalisation kept.
    mutating func add(_ points: [AddedPoint]) throws {
        added += points
        try rebuild()
    }

    mutating func regenerate(_ dataSeed: UInt64) throws {
        config.dataSeed = dataSeed
        try rebuild()
    }

    mutating func retune(_ new: PlaygroundConfig) throws {
        try trainer.retune(new.optimizerSettings, batchSize: new.batchSize)
        config = new
    }

    private mutating func rebuild() throws {
        (train, test, normalization, _) = try Self.prepare(config, added: added, kept: normalization)
        trainer.discardEpochInProgress()
    }
}
