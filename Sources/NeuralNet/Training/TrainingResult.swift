import Foundation

/// The end of a training run as one JSON object (`activations train --json`).
public struct TrainingResult: Codable, Sendable {
    /// The final network's loss and accuracy on one part of the split.
    public struct Scores: Codable, Sendable {
        /// The mean loss; nil before the first epoch or without a test set.
        public var loss: Double?
        /// nil for regression.
        public var accuracy: Double?
    }

    /// The configuration the run trained with.
    public var config: TrainingConfiguration
    /// The epochs run.
    public var epochs: Int
    /// The number of training points.
    public var trainCount: Int
    /// The number of test points (0 with a train fraction of 1).
    public var testCount: Int
    /// The scores on the training set after the last epoch.
    public var train: Scores
    /// The scores on the test set after the last epoch.
    public var test: Scores
    /// The mean wall-clock time of an epoch, in seconds; 0 before the first.
    public var secondsPerEpoch: Double

    enum CodingKeys: String, CodingKey {
        case config, epochs, train, test
        case trainCount = "train_count"
        case testCount = "test_count"
        case secondsPerEpoch = "seconds_per_epoch"
    }

    /// The result of `session` as it stands, from its last epoch's metrics.
    public init(_ session: TrainingSession) {
        let last = session.history.last
        config = session.configuration
        epochs = session.history.count
        (trainCount, testCount) = (session.train.count, session.test.count)
        train = Scores(loss: last?.trainLoss, accuracy: last?.trainAccuracy)
        test = Scores(loss: last?.testLoss, accuracy: last?.testAccuracy)
        secondsPerEpoch =
            session.history.isEmpty ? 0 : session.history.map(\.seconds).reduce(0, +) / Double(session.history.count)
    }

    /// One line of JSON with sorted keys; a missing loss or accuracy is written as null, not left out.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Accuracy is encoded as null for regression rather than omitted.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// Every field; `Scores.accuracy` is written as null for regression rather than left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(config, forKey: .config)
        try container.encode(epochs, forKey: .epochs)
        try container.encode(trainCount, forKey: .trainCount)
        try container.encode(testCount, forKey: .testCount)
        try container.encode(train, forKey: .train)
        try container.encode(test, forKey: .test)
        try container.encode(secondsPerEpoch, forKey: .secondsPerEpoch)
    }
}

extension TrainingResult.Scores {
    /// `loss` and `accuracy`, writing a nil accuracy (regression) as null rather than leaving the key out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(loss, forKey: .loss)
        try container.encode(accuracy, forKey: .accuracy)
    }
}

/// Per-epoch metrics as CSV: one row per epoch, per-layer columns after the totals.
public enum MetricsCSV {
    /// A header, then one line per epoch: the totals (an empty cell for a missing accuracy or test
    /// value), then five columns per layer (`grad_w_i`, `grad_a_i`, `dead_i`, `zero_i`, `saturated_i`,
    /// layers from 1). Empty text for no epochs.
    public static func render(_ history: [EpochMetrics]) -> String {
        guard let first = history.first else { return "" }
        let layerColumns = first.layers.indices.flatMap { i in
            ["grad_w_\(i + 1)", "grad_a_\(i + 1)", "dead_\(i + 1)", "zero_\(i + 1)", "saturated_\(i + 1)"]
        }
        let header =
            ["epoch", "learning_rate", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "seconds"]
            + layerColumns
        let rows = history.map { m in
            let totals = [
                String(m.epoch), "\(m.learningRate)", "\(m.trainLoss)", text(m.trainAccuracy), text(m.testLoss),
                text(m.testAccuracy), "\(m.seconds)",
            ]
            let layers = m.layers.flatMap { l in
                [
                    "\(l.meanAbsWeightGradient)", "\(l.meanAbsOutputGradient)", "\(l.deadFraction)",
                    "\(l.zeroFraction)", "\(l.saturatedFraction)",
                ]
            }
            return (totals + layers).joined(separator: ",")
        }
        return ([header.joined(separator: ",")] + rows).joined(separator: "\n") + "\n"
    }

    static func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
}
