import Foundation

/// Maps a value to a fill colour and opacity.
public enum ColorScale: Sendable, Equatable {
    /// Dark purple at `lowerBound` through teal to yellow at `upperBound` (viridis): readable in both themes.
    case sequential(ClosedRange<Double>)
    /// Orange below `center`, blue above, as TensorFlow Playground draws outputs; the colour grows
    /// more opaque towards `lower` and `upper`, so `center` shows the page background in either theme.
    case diverging(lower: Double, center: Double, upper: Double)

    static let viridis: [(Double, Double, Double)] = [
        (0x44, 0x01, 0x54), (0x3b, 0x52, 0x8b), (0x21, 0x91, 0x8c), (0x5e, 0xc9, 0x62), (0xfd, 0xe7, 0x25),
    ]
    static let maximumOpacity = 0.85

    /// The colour (`#rrggbb`) and opacity for `value`; non-finite values are transparent.
    public func fill(for value: Double) -> (color: String, opacity: Double) {
        guard value.isFinite else { return ("#000000", 0) }
        switch self {
        case .sequential(let range):
            let t = Self.fraction(value, range.lowerBound, range.upperBound)
            return (Self.interpolate(Self.viridis, at: t), 1)
        case .diverging(let lower, let center, let upper):
            if value >= center {
                return (ChartTheme.positive, Self.maximumOpacity * Self.fraction(value, center, upper))
            }
            return (ChartTheme.negative, Self.maximumOpacity * (1 - Self.fraction(value, lower, center)))
        }
    }

    /// The fill of a data point of class `value`: the full colour on a diverging scale.
    func pointColor(for value: Double) -> String {
        if case .diverging(_, let center, _) = self {
            return value >= center ? ChartTheme.positive : ChartTheme.negative
        }
        return fill(for: value).color
    }

    var domain: ClosedRange<Double> {
        switch self {
        case .sequential(let range): range
        case .diverging(let lower, _, let upper): lower...upper
        }
    }

    /// Where `value` lies between `lo` (0) and `hi` (1), clamped.
    static func fraction(_ value: Double, _ lo: Double, _ hi: Double) -> Double {
        guard hi > lo else { return 1 }
        return min(max((value - lo) / (hi - lo), 0), 1)
    }

    static func interpolate(_ stops: [(Double, Double, Double)], at t: Double) -> String {
        let position = t * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        let f = position - Double(index)
        let a = stops[index]
        let b = stops[index + 1]
        return hex(a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        String(format: "#%02x%02x%02x", Int(r.rounded()), Int(g.rounded()), Int(b.rounded()))
    }
}

/// Values on a regular grid: `values[row][column]` is the value at the centre of that cell, row 0 at
/// the bottom (`yRange.lowerBound`) and column 0 at the left (`xRange.lowerBound`).
public struct Grid2D: Sendable {
    /// The x interval the columns span, left edge to right edge.
    public var xRange: ClosedRange<Double>
    /// The y interval the rows span, bottom edge to top edge.
    public var yRange: ClosedRange<Double>
    /// The cell values, `values[row][column]`; every row has the same length.
    public var values: [[Double]]

    /// A grid whose cells divide `xRange` × `yRange` evenly.
    public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, values: [[Double]]) {
        self.xRange = xRange
        self.yRange = yRange
        self.values = values
    }

    /// Samples `f(x, y)` at the centres of `columns` × `rows` cells.
    public init(
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int, rows: Int,
        _ f: (Double, Double) -> Double
    ) {
        let dx = (xRange.upperBound - xRange.lowerBound) / Double(columns)
        let dy = (yRange.upperBound - yRange.lowerBound) / Double(rows)
        let values = (0..<rows).map { row in
            (0..<columns).map { column in
                f(xRange.lowerBound + (Double(column) + 0.5) * dx, yRange.lowerBound + (Double(row) + 0.5) * dy)
            }
        }
        self.init(xRange: xRange, yRange: yRange, values: values)
    }

    var rows: Int { values.count }
    var columns: Int { values.map(\.count).max() ?? 0 }
}
