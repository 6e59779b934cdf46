/// Points with labels: class indices (with names) or real values.
public struct Dataset: Sendable {
    /// The targets of a dataset's samples.
    public enum Labels: Sendable, Equatable {
        /// One class index per sample, each an index into `names` (the class names in index order).
        case classes([Int], names: [String])
        /// Real-valued targets: one row per sample, one column per output.
        case values(Matrix<Double>)
    }

    /// The features: one row per sample, one column per feature.
    public var inputs: Matrix<Double>
    /// The targets, one per row of `inputs`.
    public var labels: Labels
    /// The name of each column of `inputs`: from a CSV header, `x1`, `x2`, … by position, or a feature's (`x1^2`).
    public var featureNames: [String]

    /// A dataset of the given parts, unchecked; `labeled(_:)` checks them.
    public init(inputs: Matrix<Double>, labels: Labels, featureNames: [String]) {
        (self.inputs, self.labels, self.featureNames) = (inputs, labels, featureNames)
    }

    /// The number of samples.
    public var count: Int { inputs.rows }
    /// Whether the targets are classes rather than real values.
    public var isClassification: Bool { if case .classes = labels { true } else { false } }
    /// The class names in index order; empty for real-valued targets.
    public var classNames: [String] { if case .classes(_, let names) = labels { names } else { [] } }

    /// The samples at `indices`.
    public func subset(_ indices: some Collection<Int>) -> Dataset {
        let labels: Labels =
            switch self.labels {
            case .classes(let classes, let names): .classes(indices.map { classes[$0] }, names: names)
            case .values(let values): .values(values.rows(indices))
            }
        return Dataset(inputs: inputs.rows(indices), labels: labels, featureNames: featureNames)
    }

    /// Throws unless the parts fit together: one label (or target row) per row of `inputs`, and one
    /// feature name per column, and every input and target a finite number. (`init` does not check
    /// them; `split` and training do, which trapped on 3 rows with 2 labels.) No rows is fine here: the Playground's own data starts empty, and
    /// training refuses it.
    public func check() throws(NeuralNetError) {
        let labelCount =
            switch labels {
            case .classes(let classes, _): classes.count
            case .values(let values): values.rows
            }
        guard labelCount == count else {
            throw .shapeMismatch("the data has \(count) rows of inputs but \(labelCount) labels")
        }
        guard featureNames.count == inputs.columns else {
            throw .shapeMismatch("the data has \(inputs.columns) columns but \(featureNames.count) feature names")
        }
        // Named here, at the data's own row and value: found after the split's shuffle and the
        // normalisation, a NaN in row 8 was reported in row 1, and an ∞ as −nan.
        if let bad = inputs.firstNonFinite { throw .invalidData("input \(bad); the data must be finite numbers") }
        if case .values(let values) = labels, let bad = values.firstNonFinite {
            throw .invalidData("target \(bad); the data must be finite numbers")
        }
    }

    /// Shuffles once with `seed`, then puts the first `trainFraction` in train and the rest in test.
    public func split(trainFraction: Double, seed: UInt64) throws(NeuralNetError) -> (train: Dataset, test: Dataset) {
        try check()
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
        let targets: Targets<T> =
            switch labels {
            case .classes(let classes, let names): .classes(classes, count: names.count)
            case .values(let values): .values(values.converted())
            }
        return try LabeledData(inputs: inputs.converted(), targets: targets)
    }
}
