import Foundation

/// Maps data values along one axis to pixel positions, and proposes tick values.
public protocol ChartScale: Sendable {
    /// The data interval shown.
    var domain: ClosedRange<Double> { get }
    /// The pixel positions of `domain.lowerBound` and `domain.upperBound` (may be decreasing, as for y).
    var pixels: (start: Double, end: Double) { get }
    /// The pixel position of `value`, or `nil` when the scale cannot show it (e.g. ≤ 0 on a log scale).
    func position(of value: Double) -> Double?
    /// The data value at pixel position `pixel`.
    func value(at pixel: Double) -> Double
    /// Tick values inside the domain, at most `maxCount` of them.
    func ticks(maxCount: Int) -> [Double]
    /// The label of a tick value.
    func label(_ value: Double) -> String
}

/// y = a + b·x: a linear map from `domain` to `pixels`, with "nice" ticks from ``AxisTicks``.
public struct LinearScale: ChartScale {
    /// The data interval shown (widened by 1 on each side when it is a single value).
    public let domain: ClosedRange<Double>
    /// The pixel positions of the lower and upper end of the domain.
    public let pixels: (start: Double, end: Double)

    /// A scale from `domain` onto `pixels`; a one-value domain is widened to show it in the middle.
    public init(domain: ClosedRange<Double>, pixels: (start: Double, end: Double)) {
        let widened =
            domain.lowerBound == domain.upperBound
            ? (domain.lowerBound - 1)...(domain.upperBound + 1) : domain
        self.domain = widened
        self.pixels = pixels
    }

    /// The pixel position of `value` on a straight line through the two ends; nil for NaN and ±∞. Halves both sides
    /// first, so that domains near ±`Double.greatestFiniteMagnitude` do not overflow.
    public func position(of value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let fraction = (value / 2 - domain.lowerBound / 2) / (domain.upperBound / 2 - domain.lowerBound / 2)
        return pixels.start + fraction * (pixels.end - pixels.start)
    }

    /// The data value at pixel position `pixel`, by the same straight line.
    public func value(at pixel: Double) -> Double {
        let fraction = (pixel - pixels.start) / (pixels.end - pixels.start)
        return domain.lowerBound + fraction * (domain.upperBound - domain.lowerBound)
    }

    /// Multiples of the smallest nice step (1, 2, 2.5 or 5 × 10^k) inside the domain, at most `maxCount` of them.
    public func ticks(maxCount: Int) -> [Double] {
        AxisTicks.ticks(from: domain.lowerBound, to: domain.upperBound, maxCount: maxCount)
    }

    /// `2.5`, `-1`, `1e+04`; `0` for rounding noise next to zero.
    public func label(_ value: Double) -> String {
        AxisTicks.format(value, relativeTo: domain.upperBound - domain.lowerBound)
    }
}

/// A base-10 logarithmic map; the domain must be positive. Ticks are powers of ten
/// (every n-th decade when there are many; 1, 2, 5 × 10^k when the domain spans less than two decades).
public struct LogScale: ChartScale {
    /// The positive data interval shown.
    public let domain: ClosedRange<Double>
    /// The pixel positions of the lower and upper end of the domain.
    public let pixels: (start: Double, end: Double)
    private let linear: LinearScale

    /// `domain` is clamped to positive values (its lower bound to at least upper × 1e-300).
    public init(domain: ClosedRange<Double>, pixels: (start: Double, end: Double)) {
        let upper = domain.upperBound > 0 ? domain.upperBound : 1
        let lower = domain.lowerBound > 0 ? min(domain.lowerBound, upper) : upper / 10
        self.domain = lower...upper
        self.pixels = pixels
        linear = LinearScale(domain: log10(lower)...log10(upper), pixels: pixels)
    }

    /// The smallest decade-aligned domain around positive `lo...hi`: 10^⌊log lo⌋ ... 10^⌈log hi⌉.
    public static func decades(around lo: Double, _ hi: Double) -> ClosedRange<Double> {
        let low = pow(10, log10(lo).rounded(.down))
        let high = pow(10, log10(hi).rounded(.up))
        return low...(high > low ? high : low * 10)
    }

    /// The pixel position of log₁₀ `value`; nil for values ≤ 0, NaN and +∞.
    public func position(of value: Double) -> Double? {
        guard value > 0, value.isFinite else { return nil }
        return linear.position(of: log10(value))
    }

    /// 10 to the power of the linear position of `pixel`.
    public func value(at pixel: Double) -> Double {
        pow(10, linear.value(at: pixel))
    }

    /// Powers of ten inside the domain (every n-th decade when more than `maxCount` would fit; 1, 2, 5 × 10^k within
    /// less than two decades).
    public func ticks(maxCount: Int) -> [Double] {
        let lo = log10(domain.lowerBound)
        let hi = log10(domain.upperBound)
        let first = Int((lo - 1e-9).rounded(.up))
        let last = Int((hi + 1e-9).rounded(.down))
        guard first <= last else { return [] }
        if last - first < 2 { return subDecadeTicks(first: first - 1, last: last, maxCount: maxCount) }
        let every = Int((Double(last - first + 1) / Double(max(maxCount, 1))).rounded(.up))
        return stride(from: first, through: last, by: max(every, 1)).map { pow(10, Double($0)) }
    }

    /// Plain numbers when the domain lies within 0.01...1000; otherwise powers of ten as `10⁻⁴`
    /// (and `2×10⁻⁴` between them), so that all labels on one axis read alike.
    public func label(_ value: Double) -> String {
        guard domain.lowerBound < 0.01 || domain.upperBound > 1000 else { return AxisTicks.format(value) }
        let exponent = log10(value).rounded(.down)
        let mantissa = (value / pow(10, exponent)).rounded()
        let power = "10" + Self.superscript(Int(exponent))
        return mantissa == 1 ? power : AxisTicks.format(mantissa) + "×" + power
    }

    static func superscript(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(abs(number)).compactMap { $0.wholeNumberValue.map { digits[$0] } }
        return (number < 0 ? "⁻" : "") + String(body)
    }

    private func subDecadeTicks(first: Int, last: Int, maxCount: Int) -> [Double] {
        let candidates = (first...last).flatMap { k in [1.0, 2, 5].map { $0 * pow(10, Double(k)) } }
        let inside = candidates.filter { $0 >= domain.lowerBound * (1 - 1e-9) && $0 <= domain.upperBound * (1 + 1e-9) }
        return inside.count <= maxCount ? inside : inside.filter { log10($0).rounded() == log10($0) }
    }
}
