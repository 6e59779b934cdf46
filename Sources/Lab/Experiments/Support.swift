import Foundation
import NeuralNet

/// Number formatting for tables and verdicts.
enum Format {
    /// `value` with `digits` significant digits (scientific below 1e-3 or at 1e6 and above).
    static func number(_ value: Double, _ digits: Int = 3) -> String {
        guard value.isFinite else { return "\(value)" }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6) {
            return String(format: "%.\(max(digits - 1, 0))e", value)
        }
        return String(format: "%.\(digits)g", value)
    }

    /// A fraction as a percentage with one decimal, e.g. 0.4987 → "49.9%".
    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", 100 * fraction) }

    /// "lo–hi" of the values as percentages.
    static func percentRange(_ values: [Double]) -> String {
        guard let lo = values.min(), let hi = values.max() else { return "–" }
        return lo == hi ? percent(lo) : percent(lo) + "–" + percent(hi)
    }

    /// A duration for people: "0.41 s", "3.2 s", "42 s", "8 min 20 s", "1 h 5 min".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "–" }
        if seconds < 9.95 { return String(format: "%.2g s", seconds) }
        let whole = Int(seconds.rounded())
        let (hours, minutes, rest) = (whole / 3600, whole % 3600 / 60, whole % 60)
        if hours > 0 { return "\(hours) h" + (minutes > 0 ? " \(minutes) min" : "") }
        if minutes > 0 { return "\(minutes) min" + (rest > 0 ? " \(rest) s" : "") }
        return "\(rest) s"
    }

    /// mean ± sd.
    static func meanSD(_ values: [Double], percent asPercent: Bool = false) -> String {
        let (m, s) = (Stats.mean(values), Stats.standardDeviation(values))
        return asPercent ? String(format: "%.1f ± %.1f%%", 100 * m, 100 * s) : number(m) + " ± " + number(s)
    }
}

/// Small statistics over measured values.
enum Stats {
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// The sample standard deviation (0 for fewer than two values).
    static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let m = mean(values)
        return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot()
    }

    /// The least-squares slope of ys against xs.
    static func slope(_ xs: [Double], _ ys: [Double]) -> Double {
        let (mx, my) = (mean(xs), mean(ys))
        let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        return sxx == 0 ? .nan : sxy / sxx
    }

    /// The factor per step of a roughly geometric sequence: exp of the fitted slope of ln(value).
    static func geometricFactor(_ values: [Double]) -> Double {
        Foundation.exp(slope(values.indices.map(Double.init), values.map { Foundation.log($0) }))
    }

    /// The Frobenius norm of a matrix's entries.
    static func norm(_ values: [Double]) -> Double { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }
}
