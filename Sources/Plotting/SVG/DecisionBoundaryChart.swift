/// A model's output over a 2-D input plane on a diverging scale, with the data points on top:
/// class colours as the scale's ends, training points outlined in the background colour and
/// test points in the text colour (TensorFlow Playground's convention).
public struct DecisionBoundaryChart: SVGChart {
    public struct Point: Sendable {
        public var x: Double
        public var y: Double
        /// The target: on the scale's positive side of `center` (blue) or not (orange).
        public var label: Double
        public var isTest: Bool

        public init(x: Double, y: Double, label: Double, isTest: Bool) {
            self.x = x
            self.y = y
            self.label = label
            self.isTest = isTest
        }
    }

    public var id: String
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// Model outputs at cell centres.
    public var grid: Grid2D
    public var points: [Point]
    /// Outputs in `lower...upper`, the boundary at `center`; e.g. (0, 0.5, 1) for a sigmoid output.
    public var colorScale: ColorScale
    public var valueLabel = "output"
    public var width = ChartLayout.defaultWidth
    public var height = 380.0

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

    public func svg(standalone: Bool) -> String {
        let legend = [
            LegendEntry(label: "train", seriesIndex: 7, glyph: .ring(test: false)),
            LegendEntry(label: "test", seriesIndex: 7, glyph: .ring(test: true)),
        ].filter { entry in points.contains { $0.isTest == (entry.label == "test") } }
        let frame = GridFrame(id: id, title: title, xLabel: xLabel, yLabel: yLabel, grid: grid, scale: colorScale,
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
