import RealModule

/// TensorFlow Playground's input features, computed from a point (x1, x2).
public enum Feature: String, Sendable, Codable, CaseIterable {
    /// The point's coordinates themselves.
    case x1, x2
    /// x1².
    case x1Squared = "x1^2"
    /// x2².
    case x2Squared = "x2^2"
    /// x1·x2.
    case x1TimesX2 = "x1*x2"
    /// sin x1.
    case sinX1 = "sin(x1)"
    /// sin x2.
    case sinX2 = "sin(x2)"

    /// This feature at the point (`x1`, `x2`).
    public func value(_ x1: Double, _ x2: Double) -> Double {
        switch self {
        case .x1: x1
        case .x2: x2
        case .x1Squared: x1 * x1
        case .x2Squared: x2 * x2
        case .x1TimesX2: x1 * x2
        case .sinX1: Double.sin(x1)
        case .sinX2: Double.sin(x2)
        }
    }

    /// The dataset's two columns mapped to `features`; a dataset without exactly two columns is refused.
    public static func map(_ dataset: Dataset, _ features: [Feature]) throws(NeuralNetError) -> Dataset {
        guard dataset.inputs.columns == 2 else {
            throw .invalidConfiguration(
                "input features need 2-D points; this data has \(dataset.inputs.columns) columns")
        }
        guard !features.isEmpty else { throw .invalidConfiguration("choose at least one input feature") }
        let rows = (0..<dataset.count).map { i in features.map { $0.value(dataset.inputs[i, 0], dataset.inputs[i, 1]) }
        }
        if let i = rows.firstIndex(where: { !$0.allSatisfy(\.isFinite) }),
            let j = rows[i].firstIndex(where: { !$0.isFinite })
        {
            throw .invalidData(
                "the feature \(features[j].rawValue) of the point (\(dataset.inputs[i, 0]), \(dataset.inputs[i, 1])) "
                    + "overflows to \(rows[i][j]); features must be finite (leave out \(features[j].rawValue), or rescale the data)"
            )
        }
        return Dataset(
            inputs: Matrix(rows: dataset.count, columns: features.count, storage: rows.flatMap { $0 }),
            labels: dataset.labels, featureNames: features.map(\.rawValue))
    }
}
