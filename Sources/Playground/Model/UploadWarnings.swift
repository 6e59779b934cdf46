import NeuralNet

/// What looks wrong in an uploaded CSV although it loads: classes with almost no points (a typo label
/// such as a `7` in a 0/1 file makes classes 2…7, each with an output unit) and points far outside
/// the rest (they set the plot's range and squash the others into a dot). Each warning says what and
/// where, so that a person can fix the file.
enum UploadWarnings {
    /// A class with fewer points than this share of the data (and at most `fewPoints`) looks like a typo.
    static let smallShare = 0.02
    static let fewPoints = 5
    /// Tukey's "far out" fence: beyond 3 interquartile ranges outside the quartiles.
    static let fence = 3.0

    static func of(_ data: Dataset) -> [String] {
        classWarnings(data) + outlierWarnings(data)
    }

    static func classWarnings(_ data: Dataset) -> [String] {
        guard case .classes(let labels, let names) = data.labels, data.count > 0 else { return [] }
        var counts = [Int](repeating: 0, count: names.count)
        for label in labels { counts[label] += 1 }
        let limit = min(fewPoints, Int((smallShare * Double(data.count)).rounded(.down)))
        let empty = names.indices.filter { counts[$0] == 0 }.map { names[$0] }
        let small = names.indices.filter { counts[$0] > 0 && counts[$0] <= max(limit, 1) }
        var warnings: [String] = []
        if !empty.isEmpty {
            warnings.append("Class\(empty.count == 1 ? "" : "es") \(list(empty)) \(empty.count == 1 ? "has" : "have") no points: integer labels "
                + "count up from 0 to the largest (\(names.last!)), so the network gets \(names.count) outputs. A typo in a label?")
        }
        for index in small {
            let rows = labels.indices.filter { labels[$0] == index }.prefix(3).map { "(\(short(data.inputs[$0, 0])), \(short(data.inputs[$0, 1])))" }
            warnings.append("Class \(names[index]) has only \(counts[index]) of \(data.count) points, at \(rows.joined(separator: ", ")). A typo in a label?")
        }
        return warnings
    }

    static func outlierWarnings(_ data: Dataset) -> [String] {
        guard data.count >= 8 else { return [] }
        var far = Set<Int>()
        for column in 0..<2 {
            let values = (0..<data.count).map { data.inputs[$0, column] }
            let sorted = values.sorted()
            let (q1, q3) = (quantile(sorted, 0.25), quantile(sorted, 0.75))
            let spread = max(q3 - q1, 1e-9 * max(abs(q1), abs(q3), 1))
            let (low, high) = (q1 - fence * spread, q3 + fence * spread)
            for (i, v) in values.enumerated() where v < low || v > high { far.insert(i) }
        }
        guard !far.isEmpty else { return [] }
        let shown = far.sorted().prefix(3).map { "(\(short(data.inputs[$0, 0])), \(short(data.inputs[$0, 1])))" }
        return ["\(far.count) point\(far.count == 1 ? " lies" : "s lie") far outside the rest (more than \(Int(fence)) interquartile ranges "
            + "beyond the quartiles): \(shown.joined(separator: ", "))\(far.count > 3 ? ", …" : ""). The plot spans every point, "
            + "so the others are squeezed together. A typo in a coordinate?"]
    }

    /// Linear interpolation between order statistics.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1), below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1), t = position - Double(below)
        return sorted[below] + t * (sorted[above] - sorted[below])
    }

    static func list(_ names: [String]) -> String {
        names.count <= 6 ? names.joined(separator: ", ") : names.prefix(5).joined(separator: ", ") + " … " + names.last!
    }

    static func short(_ v: Double) -> String { String(format: "%.4g", v) }
}
