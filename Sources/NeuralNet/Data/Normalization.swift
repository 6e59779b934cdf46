/// Per-feature standardisation: (x − mean)/sd, with sd = 1 for constant features.
///
/// Finite data always give a finite mean and standard deviation, and finite standardised values:
/// when the plain sums overflow (values near the top of the Double range), the column is measured
/// scaled by its largest magnitude; when x − mean overflows, it is computed as x/sd − mean/sd.
public struct Normalization: Sendable, Codable, Equatable {
    /// The mean of each feature column.
    public var mean: [Double]
    /// The standard deviation (1/n) of each feature column; 1 for a constant column.
    public var standardDeviation: [Double]

    /// Measured on `inputs` (usually the training set).
    public init(fitting inputs: Matrix<Double>) {
        let n = Double(max(inputs.rows, 1))
        var mean = inputs.columnSums().map { $0 / n }
        var standardDeviation = [Double]()
        for j in 0..<inputs.columns {
            let column = (0..<inputs.rows).map { inputs[$0, j] }
            var sd = Self.deviation(column, mean: mean[j])
            if !mean[j].isFinite || !sd.isFinite, let scale = column.map(abs).max(), scale > 0 {
                let scaled = column.map { $0 / scale }
                let scaledMean = scaled.reduce(0, +) / n
                (mean[j], sd) = (scaledMean * scale, Self.deviation(scaled, mean: scaledMean) * scale)
            }
            standardDeviation.append(sd > 0 ? sd : 1)
        }
        (self.mean, self.standardDeviation) = (mean, standardDeviation)
    }

    /// The standard deviation (1/n) about `mean`.
    static func deviation(_ column: [Double], mean: Double) -> Double {
        let variance = column.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(column.count, 1))
        return variance > 0 ? variance.squareRoot() : 0
    }

    /// A normalisation with the given statistics, unchecked (see `problem(features:)`).
    public init(mean: [Double], standardDeviation: [Double]) {
        (self.mean, self.standardDeviation) = (mean, standardDeviation)
    }

    /// The identity (no normalisation) for `features` columns.
    public static func identity(_ features: Int) -> Normalization {
        Normalization(
            mean: [Double](repeating: 0, count: features), standardDeviation: [Double](repeating: 1, count: features))
    }

    /// Why this normalisation cannot be applied to `features` columns (nil when it can): the arrays'
    /// lengths, and every mean finite and every standard deviation finite and positive.
    public func problem(features: Int) -> String? {
        guard mean.count == features else {
            return "normalization.mean has \(mean.count) values for \(features) features"
        }
        guard standardDeviation.count == features else {
            return "normalization.standardDeviation has \(standardDeviation.count) values for \(features) features"
        }
        if let j = mean.firstIndex(where: { !$0.isFinite }) {
            return "normalization.mean[\(j)] is \(mean[j]); it must be finite"
        }
        if let j = standardDeviation.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
            return "normalization.standardDeviation[\(j)] is \(standardDeviation[j]); it must be finite and positive"
        }
        return nil
    }

    /// (x − mean)/sd for every entry, column j with `mean[j]` and `standardDeviation[j]`. `inputs` must
    /// not have more columns than there are statistics; check with `problem(features:)` first.
    public func apply(_ inputs: Matrix<Double>) -> Matrix<Double> {
        var result = inputs
        for i in 0..<inputs.rows {
            for j in 0..<inputs.columns {
                let difference = inputs[i, j] - mean[j]
                result[i, j] =
                    difference.isFinite
                    ? difference / standardDeviation[j]
                    : inputs[i, j] / standardDeviation[j] - mean[j] / standardDeviation[j]
            }
        }
        return result
    }
}
