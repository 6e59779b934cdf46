import Foundation

/// Everything another framework needs to replay a run step by step: the configuration, the initial
/// weights, the prepared training data in order, and the loss of every step.
/// `Scripts/bench/compare-pytorch-training` replays it in PyTorch and compares the trajectories.
public struct TrainingTrace: Encodable {
    /// The configuration of the run.
    public var config: TrainingConfiguration
    /// The network before the first step, with an identity normalisation: `trainInputs` are already
    /// prepared.
    public var initial: ModelFile
    /// The training inputs as the first layer reads them (feature map and normalisation applied), one
    /// array per point, in the data's order.
    public var trainInputs: [[Double]]
    /// The class index of each training point; nil for regression.
    public var trainClasses: [Int]?
    /// The real-valued targets of each training point; nil for classification.
    public var trainValues: [[Double]]?
    /// Every step's batch loss, in order; empty unless the session's `recordsStepLosses` was set
    /// before training.
    public var stepLosses: [Double]

    /// The trace of `session` as it stands (train it first, with `recordsStepLosses` set).
    public init(_ session: TrainingSession) {
        config = session.configuration
        initial = ModelFile(
            network: session.initialNetwork, inputNames: session.train.featureNames, features: nil,
            normalization: .identity(session.train.inputs.columns), classNames: session.train.classNames)
        let inputs = session.preparedTrainInputs
        trainInputs = (0..<inputs.rows).map { Array(inputs.row($0)) }
        switch session.train.labels {
        case .classes(let classes, _): trainClasses = classes
        case .values(let values): trainValues = (0..<values.rows).map { Array(values.row($0)) }
        }
        stepLosses = session.stepLosses
    }

    /// The trace as JSON with sorted keys.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try! encoder.encode(self)  // finite by construction: training stops on a non-finite loss
    }
}
