import NeuralNet

/// One epoch as the page charts it: losses, accuracies, time, and per layer the gradient flow and
/// unit health (the output layer last).
public struct EpochRecord: Codable, Sendable, Equatable {
    /// Epochs trained when it was measured; 0 for the initial weights.
    public var epoch: Int
    /// The mean loss over the training set.
    public var trainLoss: Double
    /// The mean loss over the test set; nil when it has no points.
    public var testLoss: Double?
    /// The share of training points classified correctly, in [0, 1]; nil for regression.
    public var trainAccuracy: Double?
    /// The share of test points classified correctly, in [0, 1]; nil for regression or no test points.
    public var testAccuracy: Double?
    /// Mean |∂L/∂W| per layer.
    public var gradients: [Double]
    /// Share of units that are dead (zero slope on every training point) per layer.
    public var dead: [Double]
    /// Share of outputs that are exactly 0 per layer (sparsity).
    public var zeros: [Double]
    /// The wall-clock time of the epoch, its metrics included, in milliseconds (0 for epoch 0).
    public var milliseconds: Double
}

extension EpochRecord {
    init(epoch: Int, _ m: EpochMetrics) {
        self.epoch = epoch
        (trainLoss, testLoss, trainAccuracy, testAccuracy) = (m.trainLoss, m.testLoss, m.trainAccuracy, m.testAccuracy)
        gradients = m.layers.map(\.meanAbsWeightGradient)
        dead = m.layers.map(\.deadFraction)
        zeros = m.layers.map(\.zeroFraction)
        milliseconds = m.seconds * 1000
    }
}

/// The records of a run, thinned to at most `capacity` (every other one is dropped when full, the
/// latest always kept), so a run of a million epochs keeps a bounded chart.
struct History: Sendable {
    private(set) var records: [EpochRecord] = []
    let capacity: Int
    private var stride = 1

    init(capacity: Int = 2000) { self.capacity = capacity }

    mutating func append(_ record: EpochRecord) {
        if let last = records.last, record.epoch - last.epoch < stride, records.count > 1 {
            records[records.count - 1] = record
            return
        }
        records.append(record)
        if records.count > capacity {
            records = records.enumerated().filter { $0.offset % 2 == 0 || $0.offset == records.count - 1 }.map(
                \.element)
            stride *= 2
        }
    }

    mutating func removeAll() { (records, stride) = ([], 1) }
}

extension PlaygroundEngine {
    /// The records the page charts: before the first epoch, the initial weights' losses, accuracies and
    /// unit health as epoch 0 (TensorFlow Playground shows the loss at epoch 0 too); then the history.
    var chartRecords: [EpochRecord] {
        guard epoch == 0 else { return records }
        guard data.train.count > 0 else { return [] }
        return [EpochRecord(epoch: 0, run.measure())]
    }
}

extension Array where Element == EpochRecord {
    /// At most `limit` (≥ 2) of the records, evenly spaced by position, the first and the last always
    /// kept: what a frame carries, so that its size does not grow with the epochs the page missed.
    func thinned(to limit: Int) -> [EpochRecord] {
        guard count > limit, limit >= 2 else { return self }
        return (0..<limit).map { self[($0 * (count - 1) + (limit - 1) / 2) / (limit - 1)] }
    }
}
