/// A chart that renders itself as an SVG document.
public protocol SVGChart: Sendable {
    /// Prefix of the ids inside the SVG (clip paths); unique per page when several charts share one.
    var id: String { get }
    /// The markup. `standalone: true` embeds the style sheet and a background, for a `.svg` file;
    /// `false` leaves both to the page, which includes ``ChartTheme/stylesheet`` once.
    func svg(standalone: Bool) -> String
}

extension SVGChart {
    /// A standalone SVG document.
    public var svg: String { svg(standalone: true) }
}

/// The parts every chart shares: the root element, title, grid, axes, ticks, labels.
enum ChartFrame {
    /// Opens the root `<svg>`, with style sheet and background when standalone, and the title.
    static func begin(width: Double, height: Double, title: String, standalone: Bool) -> SVGWriter {
        var svg = SVGWriter()
        if standalone { svg.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#) }
        svg.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("class", "lab-chart"),
                ("viewBox", "0 0 \(px(width)) \(px(height))"), ("width", px(width)), ("height", px(height)),
                ("role", "img"), ("aria-label", title),
                ("font-family", ChartTheme.fontFamily), ("font-size", px(Typography.label)),
            ])
        svg.text("title", [], title)
        if standalone {
            svg.raw("<style><![CDATA[\n" + ChartTheme.stylesheet + "\n]]></style>")
            svg.empty(
                "rect",
                [("class", "chart-bg"), ("width", "100%"), ("height", "100%"), ("fill", ChartTheme.light.background)])
        }
        let fitted = Typography.fit(title, size: Typography.title, available: width - 2 * ChartLayout.padding)
        svg.text(
            "text",
            [
                ("class", "title"), ("x", px(width / 2)), ("y", px(ChartLayout.padding + Typography.title)),
                ("text-anchor", "middle"), ("font-size", px(fitted.size)), ("font-weight", "600"),
                ("fill", ChartTheme.light.foreground),
            ], fitted.text)
        return svg
    }

    static func end(_ svg: inout SVGWriter) -> String {
        svg.close("svg")
        return svg.markup
    }

    /// Grid lines and tick labels on both axes, zero lines, the frame, and the axis labels.
    static func axes(
        _ layout: ChartLayout, x: any ChartScale, y: any ChartScale, xLabel: String, yLabel: String,
        zeroLines: Bool, gridLines: Bool = true, into svg: inout SVGWriter
    ) {
        let plot = layout.plot
        let xTicks = x.ticks(maxCount: ChartLayout.tickCount(length: plot.width, spacing: 70))
        let yTicks = y.ticks(maxCount: ChartLayout.tickCount(length: plot.height, spacing: 40))
        svg.open("g", [("class", "axes"), ("font-size", px(Typography.tick))])
        for tick in xTicks {
            if let p = x.position(of: tick) { xTick(x.label(tick), at: p, plot, grid: gridLines, &svg) }
        }
        for tick in yTicks {
            if let p = y.position(of: tick) { yTick(y.label(tick), at: p, plot, grid: gridLines, &svg) }
        }
        if zeroLines { drawZeroLines(plot, x: x, y: y, into: &svg) }
        svg.empty(
            "rect",
            [
                ("class", "frame"), ("x", px(plot.left)), ("y", px(plot.top)), ("width", px(plot.width)),
                ("height", px(plot.height)), ("fill", "none"), ("stroke", ChartTheme.light.muted),
            ])
        svg.close("g")
        axisLabels(layout, xLabel: xLabel, yLabel: yLabel, into: &svg)
    }

    /// The widest y tick label a scale will print, in pixels (for the left margin).
    static func tickLabelWidth(_ scale: any ChartScale, maxCount: Int = 8) -> Double {
        scale.ticks(maxCount: maxCount).map { scale.label($0) }
            .map { Typography.width($0, size: Typography.tick) }.max() ?? 0
    }

    static func label(_ value: Double, span: ClosedRange<Double>) -> String {
        AxisTicks.format(value, relativeTo: span.upperBound - span.lowerBound)
    }

    /// A tick label as `scale` writes it.
    static func label(_ value: Double, on scale: any ChartScale) -> String {
        scale.label(value)
    }

    /// A tick label under the plot, with a grid line across it or a short tick mark below it.
    private static func xTick(_ text: String, at p: Double, _ plot: PlotArea, grid: Bool, _ svg: inout SVGWriter) {
        svg.empty(
            "line",
            grid
                ? gridLine(x1: p, y1: plot.top, x2: p, y2: plot.bottom)
                : tickMark(x1: p, y1: plot.bottom, x2: p, y2: plot.bottom + 4))
        svg.text(
            "text",
            [
                ("class", "muted"), ("x", px(p)), ("y", px(plot.bottom + 6 + Typography.tick)),
                ("text-anchor", "middle"), ("fill", ChartTheme.light.muted),
            ], text)
    }

    private static func yTick(_ text: String, at p: Double, _ plot: PlotArea, grid: Bool, _ svg: inout SVGWriter) {
        svg.empty(
            "line",
            grid
                ? gridLine(x1: plot.left, y1: p, x2: plot.right, y2: p)
                : tickMark(x1: plot.left - 4, y1: p, x2: plot.left, y2: p))
        svg.text(
            "text",
            [
                ("class", "muted"), ("x", px(plot.left - 6)), ("y", px(p)), ("text-anchor", "end"),
                ("dominant-baseline", "central"), ("fill", ChartTheme.light.muted),
            ], text)
    }

    private static func gridLine(x1: Double, y1: Double, x2: Double, y2: Double) -> [(String, String)] {
        [
            ("class", "grid"), ("x1", px(x1)), ("y1", px(y1)), ("x2", px(x2)), ("y2", px(y2)),
            ("stroke", ChartTheme.light.grid), ("stroke-width", "1"),
        ]
    }

    private static func tickMark(x1: Double, y1: Double, x2: Double, y2: Double) -> [(String, String)] {
        [
            ("class", "frame"), ("x1", px(x1)), ("y1", px(y1)), ("x2", px(x2)), ("y2", px(y2)),
            ("stroke", ChartTheme.light.muted), ("stroke-width", "1"),
        ]
    }

    private static func drawZeroLines(_ plot: PlotArea, x: any ChartScale, y: any ChartScale, into svg: inout SVGWriter)
    {
        let style = [("class", "zero"), ("stroke", ChartTheme.light.muted), ("stroke-width", "1.2")]
        if y.domain.contains(0), let p = y.position(of: 0) {
            svg.empty("line", [("x1", px(plot.left)), ("y1", px(p)), ("x2", px(plot.right)), ("y2", px(p))] + style)
        }
        if x.domain.contains(0), x.domain.lowerBound < 0, let p = x.position(of: 0) {
            svg.empty("line", [("x1", px(p)), ("y1", px(plot.top)), ("x2", px(p)), ("y2", px(plot.bottom))] + style)
        }
    }

    private static func axisLabels(_ layout: ChartLayout, xLabel: String, yLabel: String, into svg: inout SVGWriter) {
        let plot = layout.plot
        let xY = layout.height - ChartLayout.padding - 2
        let x = Typography.fit(xLabel, size: Typography.label, available: plot.width)
        svg.text(
            "text",
            [
                ("class", "axis-label"), ("x", px(plot.centerX)), ("y", px(xY)), ("font-size", px(x.size)),
                ("text-anchor", "middle"), ("fill", ChartTheme.light.foreground),
            ], x.text)
        let yX = ChartLayout.padding + Typography.label
        let y = Typography.fit(yLabel, size: Typography.label, available: plot.height)
        svg.text(
            "text",
            [
                ("class", "axis-label"), ("x", px(yX)), ("y", px(plot.centerY)), ("text-anchor", "middle"),
                ("font-size", px(y.size)), ("transform", "rotate(-90 \(px(yX)) \(px(plot.centerY)))"),
                ("fill", ChartTheme.light.foreground),
            ], y.text)
    }

    /// A clip path around the plot area, so data outside a fixed domain does not spill over the axes.
    static func clip(_ id: String, _ plot: PlotArea, into svg: inout SVGWriter) -> String {
        let clipID = id + "-clip"
        svg.open("clipPath", [("id", clipID)])
        svg.empty(
            "rect", [("x", px(plot.left)), ("y", px(plot.top)), ("width", px(plot.width)), ("height", px(plot.height))])
        svg.close("clipPath")
        return "url(#\(clipID))"
    }
}
