/// A line chart drawn with Unicode braille characters (2×4 dots per character cell).
///
/// ```swift
/// var plot = TerminalPlot(width: 60, height: 14)
/// plot.title = "sigmoid"
/// plot.add(.init(label: "f", xs: xs, ys: xs.map(sigmoid), color: .blue))
/// print(plot.render(colored: true))
/// ```
public struct TerminalPlot: Sendable {
    /// One curve: samples `(xs[i], ys[i])`, connected in order. Non-finite samples leave a gap.
    public struct Series: Sendable {
        /// The curve's name in the legend.
        public var label: String
        /// The x values of the samples.
        public var xs: [Double]
        /// The y values of the samples, one per x.
        public var ys: [Double]
        /// The colour of the curve and its legend entry when rendered in colour.
        public var color: TerminalColor

        /// A curve through `(xs[i], ys[i])`.
        public init(label: String, xs: [Double], ys: [Double], color: TerminalColor) {
            self.label = label
            self.xs = xs
            self.ys = ys
            self.color = color
        }

        /// A curve through `points`.
        public init(label: String, points: [(x: Double, y: Double)], color: TerminalColor) {
            self.init(label: label, xs: points.map(\.x), ys: points.map(\.y), color: color)
        }

        /// The samples as pairs (extra elements of the longer array are ignored).
        public var points: [(x: Double, y: Double)] {
            zip(xs, ys).map { (x: $0, y: $1) }
        }
    }

    /// The widths in character cells a plot is drawn at; a width outside is clamped to it.
    public static let widthRange = 16...400
    /// The heights in character cells a plot is drawn at; a height outside is clamped to it.
    public static let heightRange = 4...200
    static let noDataMessage = "(no finite values to plot)"

    /// The plot area's width in character cells (clamped to 16...400 when rendering).
    public var width: Int
    /// The plot area's height in character cells (clamped to 4...200 when rendering).
    public var height: Int
    /// The heading above the plot.
    public var title: String?
    /// The caption under the x axis.
    public var xLabel: String?
    /// The caption of the y axis.
    public var yLabel: String?
    /// The curves, in the order they were added.
    public private(set) var series: [Series] = []

    /// An empty plot of `width` × `height` character cells; add curves with ``add(_:)``.
    public init(
        width: Int = 60, height: Int = 16,
        title: String? = nil, xLabel: String? = nil, yLabel: String? = nil
    ) {
        self.width = width
        self.height = height
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Adds a curve; curves drawn later cover earlier ones where they cross.
    public mutating func add(_ series: Series) {
        self.series.append(series)
    }

    /// Renders the chart as newline-separated lines (no trailing newline).
    ///
    /// Layout: optional title, optional y label, `height` plot rows, the x axis row,
    /// the x tick label row, optional x label, and a legend line.
    /// With `colored: false` the output contains no escape sequences.
    public func render(colored: Bool) -> String {
        let columns = min(max(width, Self.widthRange.lowerBound), Self.widthRange.upperBound)
        let rows = min(max(height, Self.heightRange.lowerBound), Self.heightRange.upperBound)
        guard let frame = PlotFrame(series: series, columns: columns, rows: rows, patterned: !colored) else {
            return ((title.map { [$0] } ?? []) + [Self.noDataMessage]).joined(separator: "\n")
        }
        let indent = String(repeating: " ", count: frame.margin + 2)
        var lines: [String] = []
        if let title { lines.append(indent + Self.centered(title, in: columns)) }
        if let yLabel { lines.append(yLabel) }
        lines += frame.plotRows(colored: colored)
        lines += frame.xAxisRows()
        if let xLabel { lines.append(indent + Self.centered(xLabel, in: columns)) }
        let legend = legendLine(colored: colored)
        if !legend.isEmpty { lines.append(indent + legend) }
        return lines.joined(separator: "\n")
    }

    private func legendLine(colored: Bool) -> String {
        let entries = series.enumerated().filter { !$0.element.label.isEmpty }.map { index, item in
            let text = (colored ? Self.solidKey : Self.keys[index % Self.keys.count]) + " " + item.label
            return colored ? item.color.ansi + text + TerminalColor.resetANSI : text
        }
        return entries.joined(separator: "   ")
    }

    /// Without colour, the n-th line is drawn with the n-th dot pattern and keyed by the n-th glyph.
    static let patterns: [[Bool]] = [
        [true], [true, false], [true, true, true, false, false], [true, false, false, false],
    ]
    static let solidKey = "━━"
    static let keys = [solidKey, "┈┈", "╍╍", "· ·"]

    static func pattern(_ index: Int) -> [Bool] { patterns[index % patterns.count] }

    static func centered(_ text: String, in width: Int) -> String {
        let pad = max(0, (width - text.count) / 2)
        return String(repeating: " ", count: pad) + text
    }
}
