/// A model's output over a 2-D input plane on a diverging scale, with the data points on top:
/// class colours as the scale's ends, training points outlined in the background colour and
/// test points in the text colour (TensorFlow Playground's convention).
public struct DecisionBoundaryChart: SVGChart {
    /// One data point drawn over the output plane.
    public struct Point: Sendable {
        /// The first input, on the horizontal axis.
        public var x: Double
        /// The second input, on the vertical axis.
        public var y: Double
        /// The target: on the scale's positive side of `center` (blue) or not (orange).
        public var label: Double
        /// Test points are outlined in the text colour, training points in the background colour.
        public var isTest: Bool

        /// A point at (`x`, `y`) with its target `label`.
        public init(x: Double, y: Double, label: Double, isTest: Bool) {
            self.x = x
            self.y = y
            self.label = label
            self.isTest = isTest
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
    /// Model outputs at cell centres.
    public var grid: Grid2D
    /// The data points, drawn over the grid in order.
    public var points: [Point]
    /// Outputs in `lower...upper`, the boundary at `center`; e.g. (0, 0.5, 1) for a sigmoid output.
    public var colorScale: ColorScale
    /// The colour bar's caption.
    public var valueLabel = "output"
    /// The width of the whole chart in pixels.
    public var width = ChartLayout.defaultWidth
    /// The height of the whole chart in pixels.
    public var height = 380.0

    /// A chart of `grid` with `points` on top, coloured by `colorScale`.
    public init(
        id: String = "boundary", title: String, xLabel: String = "x₁", yLabel: String = "x₂", grid: Grid2D,
        points: [Point], colorScale: ColorScale = .diverging(lower: -1, center: 0, upper: 1)
    ) {
        self.id = id
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.grid = grid
        self.points = points
        self.colorScale = colorScale
    }

    /// The chart as SVG: the output grid as coloured cells, the train and test points over it, and a legend.
    /// `standalone: true` embeds the style sheet and a background, for a `.svg` file.
    public func svg(standalone: Bool) -> String {
        let legend = [
            LegendEntry(label: "train", seriesIndex: 7, glyph: .ring(test: false)),
            LegendEntry(label: "test", seriesIndex: 7, glyph: .ring(test: true)),
        ].filter { entry in points.contains { $0.isTest == (entry.label == "test") } }
        let frame = GridFrame(
            id: id, title: title, xLabel: xLabel, yLabel: yLabel, grid: grid, scale: colorScale,
            valueLabel: valueLabel, width: width, height: height, legend: legend)
        var svg = frame.begin(standalone: standalone)
        let (x, y) = frame.scales
        let clip = ChartFrame.clip(id, frame.layout.plot, into: &svg)
        svg.open("g", [("class", "points"), ("clip-path", clip)])
        // Training points first, so the fewer test points stay visible on top.
        for point in points.sorted(by: { !$0.isTest && $1.isTest }) {
            guard let px = x.position(of: point.x), let py = y.position(of: point.y) else { continue }
            Marks.point(at: (px, py), fill: colorScale.pointColor(for: point.label), test: point.isTest, into: &svg)
        }
        svg.close("g")
        return ChartFrame.end(&svg)
    }
}
