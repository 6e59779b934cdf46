/// Points with labels: class indices (with names) or real values.
public struct Dataset: Sendable {
    public enum Labels: Sendable, Equatable {
        case classes([Int], names: [String])
        case values(Matrix<Double>)
    }

    public var inputs: Matrix<Double>
    public var labels: Labels
    public var featureNames: [String]

    public init(inputs: Matrix<Double>, labels: Labels, featureNames: [String]) {
        (self.inputs, self.labels, self.featureNames) = (inputs, labels, featureNames)
    }

    public var count: Int { inputs.rows }
    public var isClassification: Bool { if case .classes = labels { true } else { false } }
    public var classNames: [String] { if case .classes(_, let names) = labels { names } else { [] } }

    /// The samples at `indices`.
    public func subset(_ indices: some Collection<Int>) -> Dataset {
        let labels: Labels = switch self.labels {
        case .classes(let classes, let names): .classes(indices.map { classes[$0] }, names: names)
        case .values(let values): .values(values.rows(indices))
        }
        return Dataset(inputs: inputs.rows(indices), labels: labels, featureNames: featureNames)
    }

    /// Shuffles once with `seed`, then puts the first `trainFraction` in train and the rest in test.
    public func split(trainFraction: Double, seed: UInt64) throws(NeuralNetError) -> (train: Dataset, test: Dataset) {
        guard trainFraction > 0, trainFraction <= 1 else {
            throw .invalidConfiguration("the train fraction must be in (0, 1], got \(trainFraction)")
        }
        var rng = SeededGenerator(seed: seed)
        let order = Array(0..<count).shuffled(using: &rng)
        let trainCount = max(1, Int((Double(count) * trainFraction).rounded()))
        return (subset(order.prefix(trainCount)), subset(order.dropFirst(trainCount)))
    }

    /// The data as a network sees it, in `T`.
    public func labeled<T: TrainingScalar>(_ type: T.Type = T.self) throws(NeuralNetError) -> LabeledData<T> {
        let targets: Targets<T> = switch labels {
        case .classes(let classes, let names): .classes(classes, count: names.count)
        case .values(let values): .values(values.converted())
        }
        return try LabeledData(inputs: inputs.converted(), targets: targets)
    }
}

/// Per-feature standardisation: (x − mean)/sd, with sd = 1 for constant features.
public struct Normalization: Sendable, Codable, Equatable {
    public var mean: [Double]
    public var standardDeviation: [Double]

    /// Measured on `inputs` (usually the training set).
    public init(fitting inputs: Matrix<Double>) {
        let n = Double(max(inputs.rows, 1))
        mean = inputs.columnSums().map { $0 / n }
        standardDeviation = (0..<inputs.columns).map { [mean] j in
            let variance = (0..<inputs.rows).reduce(0.0) { $0 + (inputs[$1, j] - mean[j]) * (inputs[$1, j] - mean[j]) } / n
            return variance > 0 ? variance.squareRoot() : 1
        }
    }

    public init(mean: [Double], standardDeviation: [Double]) {
        (self.mean, self.standardDeviation) = (mean, standardDeviation)
    }

    /// The identity (no normalisation) for `features` columns.
    public static func identity(_ features: Int) -> Normalization {
        Normalization(mean: [Double](repeating: 0, count: features), standardDeviation: [Double](repeating: 1, count: features))
    }

    public func apply(_ inputs: Matrix<Double>) -> Matrix<Double> {
        var result = inputs
        for i in 0..<inputs.rows {
            for j in 0..<inputs.columns { result[i, j] = (inputs[i, j] - mean[j]) / standardDeviation[j] }
        }
        return result
    }
}
