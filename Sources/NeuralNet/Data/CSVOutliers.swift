/// Warnings for values far from the rest of their column: more than `factor` median absolute
/// deviations from the median (robust, so the outlier itself does not widen the yardstick). Normally
/// distributed data has no value beyond about 10; such a value is usually a typo or a unit slip, and
/// after standardisation it squeezes every other point of the column together. Far values count
/// only while they are rare (`maxShare`): a column whose values are mostly (nearly) equal, such as
/// targets that are 0 away from a bump, has a tiny median absolute deviation, and then a third of it
/// can lie "far"; that is the column's shape, not a typo.
enum CSVOutliers {
    static let factor = 100.0
    /// The largest share of a column that far values may make up to be reported.
    static let maxShare = 0.05

    /// One warning per column with far values, naming the first one's line. `lines[i]` is row i's line.
    static func warnings(_ inputs: Matrix<Double>, names: [String], lines: [Int]) -> [String] {
        (0..<inputs.columns).compactMap { j in
            warning((0..<inputs.rows).map { inputs[$0, j] }, name: names[j], lines: lines)
        }
    }

    static func warning(_ column: [Double], name: String, lines: [Int]) -> String? {
        guard column.count >= 5 else { return nil }
        let center = median(column)
        let spread = median(column.map { abs($0 - center) })
        guard spread > 0, spread.isFinite, center.isFinite else { return nil }
        let far = column.indices.filter { abs(column[$0] - center) / spread > factor }
        guard let first = far.first, Double(far.count) <= maxShare * Double(column.count) || far.count == 1 else {
            return nil
        }
        return "column \(name): \(far.count) value\(far.count == 1 ? "" : "s") far from the rest "
            + "(more than \(Int(factor)) × the median absolute deviation \(spread) from the median \(center)), "
            + "e.g. \(column[first]) on line \(lines[first]); a typo or another unit?"
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : sorted[middle - 1] / 2 + sorted[middle] / 2
    }
}
