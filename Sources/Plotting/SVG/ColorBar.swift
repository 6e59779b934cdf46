/// The key of a colour scale: a vertical gradient right of the plot, with its ends (and centre) labelled.
struct ColorBar {
    static let steps = 24

    let scale: ColorScale
    let label: String
    let id: String

    func draw(beside plot: PlotArea, into svg: inout SVGWriter) {
        let x = plot.right + 12
        let width = GridFrame.colorBarWidth
        let domain = scale.domain
        let bar = LinearScale(domain: domain, pixels: (plot.bottom, plot.top))
        svg.open("g", [("class", "color-bar"), ("font-size", px(Typography.tick))])
        let step = plot.height / Double(Self.steps)
        for index in 0..<Self.steps {
            let value = bar.value(at: plot.bottom - (Double(index) + 0.5) * step)
            let fill = scale.fill(for: value)
            svg.empty(
                "rect",
                [
                    ("x", px(x)), ("y", px(plot.bottom - Double(index + 1) * step)), ("width", px(width)),
                    ("height", px(step)), ("fill", fill.color), ("fill-opacity", px(fill.opacity)),
                    ("shape-rendering", "crispEdges"),
                ])
        }
        svg.empty(
            "rect",
            [
                ("class", "frame"), ("x", px(x)), ("y", px(plot.top)), ("width", px(width)),
                ("height", px(plot.height)), ("fill", "none"), ("stroke", ChartTheme.light.muted),
            ])
        for value in labelledValues {
            guard let y = bar.position(of: value) else { continue }
            svg.text(
                "text",
                [
                    ("class", "muted"), ("x", px(x + width + 4)), ("y", px(y)), ("dominant-baseline", "central"),
                    ("fill", ChartTheme.light.muted),
                ], bar.label(value))
        }
        let labelX = x + width / 2
        let labelY = plot.top - 8
        svg.text(
            "text",
            [
                ("class", "muted"), ("x", px(labelX)), ("y", px(labelY)), ("text-anchor", "middle"),
                ("fill", ChartTheme.light.muted),
            ], label)
        svg.close("g")
    }

    private var labelledValues: [Double] {
        switch scale {
        case .sequential(let range): [range.lowerBound, range.upperBound]
        case .diverging(let lower, let center, let upper): [lower, center, upper]
        }
    }
}
