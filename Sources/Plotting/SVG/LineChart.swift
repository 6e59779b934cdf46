/// Several series as lines over a shared x axis, with legend, nice ticks and zero lines; y linear or log.
///
/// ```swift
/// var chart = LineChart(title: "sigmoid", xLabel: "x", yLabel: "y")
/// chart.series = [.init(label: "σ(x)", xs: xs, ys: f), .init(label: "σ′(x)", xs: xs, ys: d, style: .dashed)]
/// try chart.svg.write(toFile: "sigmoid.svg", atomically: true, encoding: .utf8)
/// ```
public struct LineChart: SVGChart {
    /// One line: samples `(xs[i], ys[i])` in order; non-finite samples (and ≤ 0 on a log scale) break it.
    public struct Series: Sendable {
        /// The series' name in the legend.
        public var label: String
        /// The x values of the samples.
        public var xs: [Double]
        /// The y values of the samples, one per x.
        public var ys: [Double]
        /// Solid, dashed or dotted.
        public var style: LineStyle
        /// Colour slot (0–7); `nil` takes the series' position.
        public var colorIndex: Int?

        /// A series of the samples `(xs[i], ys[i])`.
        public init(label: String, xs: [Double], ys: [Double], style: LineStyle = .solid, colorIndex: Int? = nil) {
            self.label = label
            self.xs = xs
            self.ys = ys
            self.style = style
            self.colorIndex = colorIndex
        }
    }

    /// How y values map to height: linearly, or by their base-10 logarithm.
    public enum YScale: Sendable, Equatable { case linear, log }

    /// A prefix for the ids inside the SVG (clip paths), unique per page.
    public var id: String
    /// The heading above the chart.
    public var title: String
    /// The caption of the horizontal axis.
    public var xLabel: String
    /// The caption of the vertical axis.
    public var yLabel: String
    /// The lines, drawn in order; the legend lists them in the same order.
    public var series: [Series] = []
    /// Linear by default; `.log` for quantities that span decades, such as gradients.
    public var yScale: YScale = .linear
    /// A fixed x range; `nil` fits the data exactly.
    public var xDomain: ClosedRange<Double>?
    /// A fixed y range; `nil` fits the data with 5 % room (on a log scale, to whole decades).
    public var yDomain: ClosedRange<Double>?
    /// Draw x = 0 and y = 0 when they are inside the axes.
    public var zeroLines = true
    /// The width of the whole chart in pixels.
    public var width = ChartLayout.defaultWidth
    /// The height of the whole chart in pixels.
    public var height = 280.0

    /// An empty chart with its captions; add lines to `series`.
    public init(id: String = "chart", title: String, xLabel: String, yLabel: String, series: [Series] = []) {
        self.id = id
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    /// The chart as SVG: axes with nice ticks, zero lines, one path per series and a legend.
    /// `standalone: true` embeds the style sheet and a background, for a `.svg` file.
    public func svg(standalone: Bool) -> String {
        let legend = series.enumerated().map { index, item in
            LegendEntry(label: item.label, seriesIndex: item.colorIndex ?? index, glyph: .line(item.style))
        }
        let probeY = scales(plot: PlotArea(left: 0, top: 0, right: 1, bottom: 1)).y
        let layout = ChartLayout(
            width: width, height: height, legend: legend, yTickWidth: ChartFrame.tickLabelWidth(probeY))
        let (x, y) = scales(plot: layout.plot)
        var svg = ChartFrame.begin(width: width, height: height, title: title, standalone: standalone)
        Legend.draw(layout, into: &svg)
        ChartFrame.axes(
            layout, x: x, y: y, xLabel: xLabel, yLabel: yLabel, zeroLines: zeroLines && yScale == .linear, into: &svg)
        let clip = ChartFrame.clip(id, layout.plot, into: &svg)
        svg.open("g", [("class", "data"), ("clip-path", clip)])
        for (index, item) in series.enumerated() {
            let points = zip(item.xs, item.ys).map { p -> (x: Double, y: Double)? in
                guard let px = x.position(of: p.0), let py = y.position(of: p.1) else { return nil }
                return (px, py)
            }
            let attributes = item.style.attributes(seriesIndex: item.colorIndex ?? index)
            svg.empty(
                "path",
                attributes + [
                    ("stroke-linejoin", "round"), ("data-label", item.label), ("d", SVGPath.polyline(points)),
                ])
        }
        svg.close("g")
        return ChartFrame.end(&svg)
    }

    /// The x and y scales for a plot area (pixel y grows downwards, so y maps to bottom...top).
    func scales(plot: PlotArea) -> (x: any ChartScale, y: any ChartScale) {
        let x = LinearScale(
            domain: xDomain ?? DataRange.fit(series.flatMap(\.xs)) ?? 0...1, pixels: (plot.left, plot.right))
        let ys = series.flatMap(\.ys)
        switch yScale {
        case .linear:
            let domain = yDomain ?? DataRange.fit(ys).map { DataRange.padded($0, by: 0.05) } ?? 0...1
            return (x, LinearScale(domain: domain, pixels: (plot.bottom, plot.top)))
        case .log:
            let positive = DataRange.fit(ys.filter { $0 > 0 })
            let domain = yDomain ?? positive.map { LogScale.decades(around: $0.lowerBound, $0.upperBound) } ?? 0.1...1
            return (x, LogScale(domain: domain, pixels: (plot.bottom, plot.top)))
        }
    }
}

/// Ranges of data values.
enum DataRange {
    /// min...max of the finite values, or `nil` when there are none.
    static func fit(_ values: [Double]) -> ClosedRange<Double>? {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return nil }
        return lo...hi
    }

    /// `range` widened by `fraction` of its span on each side (never across the limits of Double).
    static func padded(_ range: ClosedRange<Double>, by fraction: Double) -> ClosedRange<Double> {
        let pad = (range.upperBound / 2 - range.lowerBound / 2) * 2 * fraction
        let limit = Double.greatestFiniteMagnitude
        return max(range.lowerBound - pad, -limit)...min(range.upperBound + pad, limit)
    }
}
