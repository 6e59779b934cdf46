/// Points in groups, each group with its own colour and marker shape.
public struct ScatterChart: SVGChart {
    /// Points drawn with one colour and one marker shape, with one legend entry.
    public struct Group: Sendable {
        /// The group's name in the legend.
        public var label: String
        /// The x values of the points.
        public var xs: [Double]
        /// The y values of the points, one per x.
        public var ys: [Double]
        /// `nil` takes the shape at the group's position in `MarkerShape.allCases`.
        public var marker: MarkerShape?

        /// A group of the points `(xs[i], ys[i])`.
        public init(label: String, xs: [Double], ys: [Double], marker: MarkerShape? = nil) {
            self.label = label
            self.xs = xs
            self.ys = ys
            self.marker = marker
        }
    }

    /// A prefix for the ids inside the SVG (clip paths), unique per page.
    public var id: String
    /// The heading above the chart.
    public var title: String
    /// The caption of the horizontal axis.
    public var xLabel: String
    /// The caption of the vertical axis.
    public var yLabel: String
    /// The groups, drawn in order; the legend lists them in the same order.
    public var groups: [Group]
    /// A fixed x range; `nil` fits the data with 5 % room on each side.
    public var xDomain: ClosedRange<Double>?
    /// A fixed y range; `nil` fits the data with 5 % room on each side.
    public var yDomain: ClosedRange<Double>?
    /// Draw x = 0 and y = 0 when they are inside the axes.
    public var zeroLines = true
    /// The width of the whole chart in pixels.
    public var width = ChartLayout.defaultWidth
    /// The height of the whole chart in pixels.
    public var height = 280.0

    /// A chart of `groups` with its captions.
    public init(id: String = "scatter", title: String, xLabel: String, yLabel: String, groups: [Group] = []) {
        self.id = id
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.groups = groups
    }

    /// The chart as SVG: axes, one glyph per point and a legend. `standalone: true` embeds the style sheet and a
    /// background, for a `.svg` file.
    public func svg(standalone: Bool) -> String {
        let legend = groups.enumerated().map {
            LegendEntry(label: $1.label, seriesIndex: $0, glyph: .marker(shape(of: $0)))
        }
        let probe = scales(plot: PlotArea(left: 0, top: 0, right: 1, bottom: 1)).y
        let layout = ChartLayout(
            width: width, height: height, legend: legend, yTickWidth: ChartFrame.tickLabelWidth(probe))
        let (x, y) = scales(plot: layout.plot)
        var svg = ChartFrame.begin(width: width, height: height, title: title, standalone: standalone)
        Legend.draw(layout, into: &svg)
        ChartFrame.axes(layout, x: x, y: y, xLabel: xLabel, yLabel: yLabel, zeroLines: zeroLines, into: &svg)
        let clip = ChartFrame.clip(id, layout.plot, into: &svg)
        for (index, group) in groups.enumerated() {
            svg.open("g", [("class", "group"), ("clip-path", clip), ("data-label", group.label)])
            for (xValue, yValue) in zip(group.xs, group.ys) {
                guard let px = x.position(of: xValue), let py = y.position(of: yValue) else { continue }
                shape(of: index).draw(at: (px, py), size: 4, seriesIndex: index, into: &svg)
            }
            svg.close("g")
        }
        return ChartFrame.end(&svg)
    }

    private func shape(of index: Int) -> MarkerShape {
        groups[index].marker ?? MarkerShape.allCases[index % MarkerShape.allCases.count]
    }

    func scales(plot: PlotArea) -> (x: LinearScale, y: LinearScale) {
        let xs = groups.flatMap(\.xs)
        let ys = groups.flatMap(\.ys)
        let xDomain = xDomain ?? DataRange.fit(xs).map { DataRange.padded($0, by: 0.05) } ?? 0...1
        let yDomain = yDomain ?? DataRange.fit(ys).map { DataRange.padded($0, by: 0.05) } ?? 0...1
        return (
            LinearScale(domain: xDomain, pixels: (plot.left, plot.right)),
            LinearScale(domain: yDomain, pixels: (plot.bottom, plot.top))
        )
    }
}
