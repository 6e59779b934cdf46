import Foundation

/// "Nice" axis tick values (1, 2, 2.5, 5 × 10^k steps) and compact number formatting.
public enum AxisTicks {
    private static let multipliers: [Double] = [1, 2, 2.5, 5]

    /// Multiples of the smallest nice step that lie in `lo...hi`, with at most `maxCount` ticks.
    /// Returns `[]` for non-finite or inverted ranges.
    public static func ticks(from lo: Double, to hi: Double, maxCount: Int = 5) -> [Double] {
        guard lo.isFinite, hi.isFinite, lo <= hi else { return [] }
        let limit = max(1, maxCount)
        let span = hi / 2 - lo / 2  // halved so that huge ranges cannot overflow
        guard span > 0 else { return [lo] }
        let start = Int((log10(span) + log10(2 / Double(limit))).rounded(.down)) - 1
        for exponent in start...(start + 3) {
            for m in multipliers {
                let step = m * pow(10, Double(exponent))
                guard step > 0, step.isFinite else { continue }
                let first = (lo / step - 1e-9).rounded(.up)
                let last = (hi / step + 1e-9).rounded(.down)
                if last - first + 1 <= Double(limit) {
                    return stride(from: first, through: last, by: 1).map { normalized($0 * step) }
                }
            }
        }
        return [lo, hi]
    }

    /// Compact label: `-1`, `0.5`, `2.5`, `1e+04`, `1.5e-05`; never `-0`.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e4 || magnitude < 1e-3 {
            return trimExponential(String(format: "%.2e", value))
        }
        return String(format: "%.4g", value)
    }

    /// Formats `value`, snapping it to 0 when it is negligible relative to `span`
    /// (so floating-point noise such as 4e-16 at the middle of -6...6 prints as `0`).
    static func format(_ value: Double, relativeTo span: Double) -> String {
        if span.isFinite, span > 0, abs(value) < span * 1e-9 { return "0" }
        return format(value)
    }

    private static func normalized(_ value: Double) -> Double {
        value == 0 ? 0 : value  // turns -0.0 into 0.0
    }

    /// "1.50e+03" → "1.5e+03", "1.00e+03" → "1e+03".
    private static func trimExponential(_ text: String) -> String {
        guard let e = text.firstIndex(of: "e") else { return text }
        var mantissa = String(text[..<e])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return mantissa + text[e...]
    }
}
