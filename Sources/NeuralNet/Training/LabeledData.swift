/// Inputs and their targets, checked against each other.
public struct LabeledData<T: TrainingScalar>: Sendable {
    /// The features: one row per sample, every entry finite.
    public let inputs: Matrix<T>
    /// One target per row of `inputs`.
    public let targets: Targets<T>

    /// Checks that there is one target per input row, every feature and real target is finite, and
    /// class labels (at least 2 classes) are in range; an error names the first bad row.
    public init(inputs: Matrix<T>, targets: Targets<T>) throws(NeuralNetError) {
        guard inputs.rows == targets.count else {
            throw .shapeMismatch(
                "found inconsistent numbers of samples: \(inputs.rows) inputs, \(targets.count) targets")
        }
        if let bad = inputs.firstNonFinite { throw .invalidData("input \(bad); features must be finite") }
        switch targets {
        case .classes(let labels, let count):
            guard count >= 2 else { throw .invalidData("classification needs at least 2 classes, got \(count)") }
            if let bad = labels.firstIndex(where: { $0 < 0 || $0 >= count }) {
                throw .invalidData("target \(labels[bad]) (row \(bad + 1)) is out of bounds for \(count) classes")
            }
        case .values(let values):
            if let bad = values.firstNonFinite { throw .invalidData("target \(bad); targets must be finite") }
        }
        (self.inputs, self.targets) = (inputs, targets)
    }

    /// The number of samples.
    public var count: Int { inputs.rows }

    /// The samples at `indices`.
    public func subset(_ indices: some Collection<Int>) -> LabeledData {
        // A subset of valid data is valid.
        try! LabeledData(inputs: inputs.rows(indices), targets: targets.subset(indices))
    }
}
