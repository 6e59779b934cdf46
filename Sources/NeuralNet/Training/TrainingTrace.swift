import Foundation

/// Everything another framework needs to replay a run step by step: the configuration, the initial
/// weights, the prepared training data in order, and the loss of every step.
/// `Scripts/compare-pytorch-training` replays it in PyTorch and compares the trajectories.
public struct TrainingTrace: Encodable {
    public var config: TrainingConfiguration
    public var initial: ModelFile
    public var trainInputs: [[Double]]
    public var trainClasses: [Int]?
    public var trainValues: [[Double]]?
    public var stepLosses: [Double]

    public init(_ session: TrainingSession) {
        config = session.configuration
        initial = ModelFile(network: session.initialNetwork, inputNames: session.train.featureNames, features: nil,
                            normalization: .identity(session.train.inputs.columns), classNames: session.train.classNames)
        let inputs = session.preparedTrainInputs
        trainInputs = (0..<inputs.rows).map { Array(inputs.row($0)) }
        switch session.train.labels {
        case .classes(let classes, _): trainClasses = classes
        case .values(let values): trainValues = (0..<values.rows).map { Array(values.row($0)) }
        }
        stepLosses = session.stepLosses
    }

    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try! encoder.encode(self)  // finite by construction: training stops on a non-finite loss
    }
}
