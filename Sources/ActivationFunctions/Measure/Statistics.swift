/// Summaries of measured values, shared by the benchmarks, the training timings and the experiments.
public enum Statistics {
    /// The median: the middle value, or the mean of the two middle values for an even count; NaN for
    /// no values. NaN values sort last (they are not removed).
    public static func median(_ values: some Collection<Double>) -> Double {
        let sorted = values.sorted { $0 < $1 || ($0.isNaN == false && $1.isNaN) }
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
