/// A grid of values as coloured cells, with a colour bar.
public struct Heatmap: SVGChart {
    public var id: String
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var grid: Grid2D
    /// `nil`: sequential over the finite values of the grid.
    public var colorScale: ColorScale?
    /// The colour bar's caption.
    public var valueLabel: String
    public var width = ChartLayout.defaultWidth
    public var height = 320.0

    public init(id: String = "heatmap", title: String, xLabel: String, yLabel: String, grid: Grid2D, valueLabel: String = "value") {
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

    public func svg(standalone: Bool) -> String {
        let frame = GridFrame(id: id, title: title, xLabel: xLabel, yLabel: yLabel, grid: grid, scale: resolvedScale,
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
        return ChartLayout(width: width, height: height, legend: legend, yTickWidth: ChartFrame.tickLabelWidth(probe),
                           rightMargin: Self.colorBarMargin)
    }

    var scales: (x: LinearScale, y: LinearScale) {
        let plot = layout.plot
        return (LinearScale(domain: grid.xRange, pixels: (plot.left, plot.right)),
                LinearScale(domain: grid.yRange, pixels: (plot.bottom, plot.top)))
    }

    /// Everything up to the data marks: title, legend, cells, axes and colour bar.
    func begin(standalone: Bool) -> SVGWriter {
        var svg = ChartFrame.begin(width: width, height: height, title: title, standalone: standalone)
        Legend.draw(layout, into: &svg)
        drawCells(into: &svg)
        ChartFrame.axes(layout, x: scales.x, y: scales.y, xLabel: xLabel, yLabel: yLabel, zeroLines: false,
                        gridLines: false, into: &svg)
        ColorBar(scale: scale, label: valueLabel, id: id).draw(beside: layout.plot, into: &svg)
        return svg
    }

    private func drawCells(into svg: inout SVGWriter) {
        let plot = layout.plot
        let cellWidth = plot.width / Double(max(grid.columns, 1))
        let cellHeight = plot.height / Double(max(grid.rows, 1))
        svg.open("g", [("class", "cells"), ("shape-rendering", "crispEdges")])
        for (row, values) in grid.values.enumerated() {
            let y = plot.bottom - Double(row + 1) * cellHeight
            for (column, value) in values.enumerated() {
                let fill = scale.fill(for: value)
                guard fill.opacity > 0 else { continue }
                // Edge to edge, without overlap: overlapping translucent cells would show as darker seams.
                svg.empty("rect", [("x", px(plot.left + Double(column) * cellWidth)), ("y", px(y)),
                                   ("width", px(cellWidth)), ("height", px(cellHeight)),
                                   ("fill", fill.color), ("fill-opacity", px(fill.opacity))])
            }
        }
        svg.close("g")
    }
}
