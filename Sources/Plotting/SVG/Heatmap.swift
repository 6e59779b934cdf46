/// A grid of values as coloured cells, with a colour bar.
public struct Heatmap: SVGChart {
    /// A prefix for the ids inside the SVG (clip paths), unique per page.
    public var id: String
    /// The heading above the chart.
    public var title: String
    /// The caption of the horizontal axis.
    public var xLabel: String
    /// The caption of the vertical axis.
    public var yLabel: String
    /// The values drawn, one cell each.
    public var grid: Grid2D
    /// `nil`: sequential over the finite values of the grid.
    public var colorScale: ColorScale?
    /// The colour bar's caption.
    public var valueLabel: String
    /// The width of the whole chart in pixels.
    public var width = ChartLayout.defaultWidth
    /// The height of the whole chart in pixels.
    public var height = 320.0

    /// A heatmap of `grid` on a sequential scale over its finite values.
    public init(
        id: String = "heatmap", title: String, xLabel: String, yLabel: String, grid: Grid2D,
        valueLabel: String = "value"
    ) {
        self.id = id
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.grid = grid
        self.valueLabel = valueLabel
    }

    var resolvedScale: ColorScale {
        colorScale ?? .sequential(DataRange.fit(grid.values.flatMap { $0 }) ?? 0...1)
    }

    /// The chart as SVG: one coloured cell per grid value, axes and a colour bar. `standalone: true` embeds the style
    /// sheet and a background, for a `.svg` file.
    public func svg(standalone: Bool) -> String {
        let frame = GridFrame(
            id: id, title: title, xLabel: xLabel, yLabel: yLabel, grid: grid, scale: resolvedScale,
            valueLabel: valueLabel, width: width, height: height, legend: [])
        var svg = frame.begin(standalone: standalone)
        return ChartFrame.end(&svg)
    }
}

/// Layout and drawing shared by ``Heatmap`` and ``DecisionBoundaryChart``: cells, axes, colour bar.
struct GridFrame {
    static let colorBarWidth = 12.0
    static let colorBarMargin = 64.0

    let id: String
    let title: String
    let xLabel: String
    let yLabel: String
    let grid: Grid2D
    let scale: ColorScale
    let valueLabel: String
    let width: Double
    let height: Double
    let legend: [LegendEntry]

    var layout: ChartLayout {
        let probe = LinearScale(domain: grid.yRange, pixels: (1, 0))
        return ChartLayout(
            width: width, height: height, legend: legend, yTickWidth: ChartFrame.tickLabelWidth(probe),
            rightMargin: Self.colorBarMargin)
    }

    var scales: (x: LinearScale, y: LinearScale) {
        let plot = layout.plot
        return (
            LinearScale(domain: grid.xRange, pixels: (plot.left, plot.right)),
            LinearScale(domain: grid.yRange, pixels: (plot.bottom, plot.top))
        )
    }

    /// Everything up to the data marks: title, legend, cells, axes and colour bar.
    func begin(standalone: Bool) -> SVGWriter {
        var svg = ChartFrame.begin(width: width, height: height, title: title, standalone: standalone)
        Legend.draw(layout, into: &svg)
        drawCells(into: &svg)
        ChartFrame.axes(
            layout, x: scales.x, y: scales.y, xLabel: xLabel, yLabel: yLabel, zeroLines: false,
            gridLines: false, into: &svg)
        ColorBar(scale: scale, label: valueLabel, id: id).draw(beside: layout.plot, into: &svg)
        return svg
    }

    private func drawCells(into svg: inout SVGWriter) {
        let plot = layout.plot
        let cellWidth = plot.width / Double(max(grid.columns, 1))
        let cellHeight = plot.height / Double(max(grid.rows, 1))
        svg.open("g", [("class", "cells"), ("shape-rendering", "crispEdges")])
        // Edges rounded as they are written (hundredths), each shared by the two cells beside it: rounding
        // a cell's position and size apart left gaps of 0.01 that crisp edges widen to white seams.
        let edge = { (value: Double) in (value * 100).rounded() / 100 }
        for (row, values) in grid.values.enumerated() {
            let (y0, y1) = (
                edge(plot.bottom - Double(row + 1) * cellHeight), edge(plot.bottom - Double(row) * cellHeight)
            )
            for (column, value) in values.enumerated() {
                let fill = scale.fill(for: value)
                guard fill.opacity > 0 else { continue }
                let (x0, x1) = (
                    edge(plot.left + Double(column) * cellWidth), edge(plot.left + Double(column + 1) * cellWidth)
                )
                // Edge to edge, without overlap: overlapping translucent cells would show as darker seams.
                svg.empty(
                    "rect",
                    [
                        ("x", px(x0)), ("y", px(y0)), ("width", px(x1 - x0)), ("height", px(y1 - y0)),
                        ("fill", fill.color), ("fill-opacity", px(fill.opacity)),
                    ])
            }
        }
        svg.close("g")
    }
}
