import Foundation
import Plotting
import SVGTestSupport
import Testing

/// The plot rectangle of a parsed chart: its frame.
private func frame(_ svg: ParsedSVG) throws -> (left: Double, top: Double, right: Double, bottom: Double) {
    let rect = try #require(svg.all("rect", class: "frame").first)
    let left = rect.number("x")
    let top = rect.number("y")
    return (left, top, left + rect.number("width"), top + rect.number("height"))
}

private func seriesPaths(_ svg: ParsedSVG) -> [ParsedSVG.Element] { svg.all("path", class: "series") }

@Suite("SVG charts")
struct SVGChartTests {
    @Test("a line chart is valid XML with one path per series, placed at the data's coordinates")
    func lineChartCoordinates() throws {
        let xs = stride(from: 0.0, through: 10, by: 0.5).map { $0 }
        var chart = LineChart(
            title: "two lines", xLabel: "x", yLabel: "y",
            series: [
                .init(label: "rising", xs: xs, ys: xs),
                .init(label: "square / 10", xs: xs, ys: xs.map { $0 * $0 / 10 }, style: .dashed),
            ])
        chart.xDomain = 0...10
        chart.yDomain = 0...10
        let svg = try ParsedSVG(chart.svg)
        let paths = seriesPaths(svg)
        #expect(paths.count == 2)
        #expect(paths.map { $0.attributes["data-label"] } == ["rising", "square / 10"])
        #expect(paths[1].attributes["stroke-dasharray"] != nil && paths[0].attributes["stroke-dasharray"] == nil)
        let plot = try frame(svg)
        let functions: [(Double) -> Double] = [{ $0 }, { $0 * $0 / 10 }]
        for (path, f) in zip(paths, functions) {
            let points = try #require(SVGPath.subpaths(of: path.attributes["d"] ?? "").first)
            #expect(points.count == xs.count)
            for (point, x) in zip(points, xs) {
                #expect(abs(point.x - (plot.left + x / 10 * (plot.right - plot.left))) < 0.01)
                #expect(abs(point.y - (plot.bottom - f(x) / 10 * (plot.bottom - plot.top))) < 0.01)
            }
        }
    }

    @Test("every chart has a title, both axis labels and a legend entry per series")
    func labels() throws {
        let chart = LineChart(
            title: "t", xLabel: "epoch", yLabel: "loss",
            series: [
                .init(label: "train", xs: [1, 2], ys: [1, 0.5]), .init(label: "test", xs: [1, 2], ys: [1.2, 0.7]),
            ])
        let svg = try ParsedSVG(chart.svg)
        let texts = svg.all("text").map(\.text)
        #expect(svg.all("title").first?.text == "t")
        for needle in ["t", "epoch", "loss", "train", "test"] { #expect(texts.contains(needle), "\(needle)") }
        #expect(svg.all("line", class: "legend-line").count == 2)
    }

    @Test("non-finite samples break a line into pieces")
    func gaps() throws {
        let xs = (0..<30).map(Double.init)
        let ys = xs.map { (10..<15).contains($0) ? Double.nan : $0 }
        let svg = try ParsedSVG(
            LineChart(title: "gap", xLabel: "x", yLabel: "y", series: [.init(label: "f", xs: xs, ys: ys)]).svg)
        let pieces = SVGPath.subpaths(of: seriesPaths(svg)[0].attributes["d"] ?? "")
        #expect(pieces.map(\.count) == [10, 15])
    }

    @Test("a log-scale chart spaces decades evenly, and drops values ≤ 0")
    func logScale() throws {
        var chart = LineChart(
            title: "gradients", xLabel: "epoch", yLabel: "magnitude",
            series: [.init(label: "layer", xs: [1, 2, 3, 4], ys: [1e-1, 1e-2, 1e-3, 0])])
        chart.yScale = .log
        let svg = try ParsedSVG(chart.svg)
        let points = SVGPath.subpaths(of: seriesPaths(svg)[0].attributes["d"] ?? "").flatMap { $0 }
        #expect(points.count == 3)
        #expect(abs((points[1].y - points[0].y) - (points[2].y - points[1].y)) < 0.02)
        #expect(svg.all("text").contains { $0.text == "10⁻²" })
    }

    @Test("text is escaped and survives the round trip through an XML parser")
    func escaping() throws {
        let title = #"f(x) < 1 & "quoted" 'x' > 0"#
        let chart = LineChart(
            title: title, xLabel: "x<y", yLabel: "a&b", series: [.init(label: "<s>", xs: [0, 1], ys: [0, 1])])
        let svg = try ParsedSVG(chart.svg)
        let texts = svg.all("text").map(\.text)
        #expect(texts.contains(title) && texts.contains("x<y") && texts.contains("a&b") && texts.contains("<s>"))
    }

    @Test("standalone SVGs carry their style sheet and both themes; inline ones leave that to the page")
    func themes() throws {
        let chart = LineChart(
            title: "t", xLabel: "x", yLabel: "y", series: [.init(label: "f", xs: [0, 1], ys: [0, 1])])
        #expect(chart.svg.hasPrefix("<?xml"))
        #expect(chart.svg.contains("prefers-color-scheme: dark") && chart.svg.contains("data-theme=dark"))
        let inline = chart.svg(standalone: false)
        #expect(inline.hasPrefix("<svg") && !inline.contains("<style"))
        _ = try ParsedSVG(inline)
        #expect(ChartTheme.stylesheet.contains("--lab-s0") && !ChartTheme.stylesheet.contains("http"))
    }

    @Test("a scatter plot draws each group with its own marker, one per point")
    func scatter() throws {
        let chart = ScatterChart(
            title: "points", xLabel: "x", yLabel: "y",
            groups: [
                .init(label: "a", xs: [0, 1, 2], ys: [0, 1, 4]),
                .init(label: "b", xs: [0, 1], ys: [2, 3]),
            ])
        let svg = try ParsedSVG(chart.svg)
        let groups = svg.all("g", class: "group")
        #expect(groups.map { $0.attributes["data-label"] } == ["a", "b"])
        #expect(svg.all("circle", class: "marker").count == 3 + 1)  // three points, and the legend key
        #expect(svg.all("rect", class: "marker").count == 2 + 1)
    }

    @Test("a heatmap draws one cell per grid value, and a colour bar")
    func heatmap() throws {
        let grid = Grid2D(xRange: 0...1, yRange: 0...1, columns: 6, rows: 4) { x, y in x + y }
        #expect(grid.values.count == 4 && grid.values[0].count == 6)
        #expect(abs(grid.values[0][0] - (1.0 / 12 + 1.0 / 8)) < 1e-12)  // the first cell's centre
        let svg = try ParsedSVG(Heatmap(title: "sum", xLabel: "x", yLabel: "y", grid: grid).svg)
        let cells = svg.elements.filter {
            $0.name == "rect" && $0.attributes["fill-opacity"] != nil && $0.classes.isEmpty
        }
        #expect(cells.count == 24 + 24)  // the cells, and the colour bar's steps
    }

    @Test("heatmap cells tile the plot: each cell ends exactly where the next begins (no seams)")
    func heatmapCellsShareTheirEdges() throws {
        for columns in [7, 13, 48] {  // sizes whose cell widths are not whole hundredths
            let grid = Grid2D(xRange: -6...6, yRange: -6...6, columns: columns, rows: columns) { x, y in x * y / 36 }
            let svg = try ParsedSVG(DecisionBoundaryChart(title: "b", grid: grid, points: []).svg)
            let cells = svg.elements.filter {
                $0.name == "rect" && $0.attributes["fill-opacity"] != nil && $0.classes.isEmpty
            }
            let rows = Dictionary(grouping: cells) { $0.number("y") }.values.filter { $0.count > 1 }
            #expect(!rows.isEmpty)
            for row in rows {
                let sorted = row.sorted { $0.number("x") < $1.number("x") }
                for (a, b) in zip(sorted, sorted.dropFirst())
                where abs(b.number("x") - a.number("x") - a.number("width")) < 0.5 {
                    #expect(
                        abs(a.number("x") + a.number("width") - b.number("x")) < 1e-9,
                        "\(columns) columns: a gap or overlap")
                }
            }
        }
    }

    @Test("a decision boundary marks train and test points differently, in the classes' colours")
    func decisionBoundary() throws {
        let grid = Grid2D(xRange: -1...1, yRange: -1...1, columns: 10, rows: 10) { x, _ in x }
        let chart = DecisionBoundaryChart(
            title: "boundary", grid: grid,
            points: [
                .init(x: -0.5, y: 0, label: -1, isTest: false), .init(x: 0.5, y: 0, label: 1, isTest: false),
                .init(x: 0.2, y: 0.2, label: 1, isTest: true),
            ])
        let svg = try ParsedSVG(chart.svg)
        let train = svg.all("circle", class: "train").filter { $0.number("r") == 4 }
        let test = svg.all("circle", class: "test").filter { $0.number("r") == 4 }
        #expect(train.count == 2 + 1 && test.count == 1 + 1)  // points, and one legend key each
        #expect(train[0].attributes["stroke"] != test[0].attributes["stroke"])
        let fills = Set(train.suffix(2).compactMap { $0.attributes["fill"] })
        #expect(fills.count == 2)
        let scale = ColorScale.diverging(lower: -1, center: 0, upper: 1)
        #expect(scale.fill(for: 0).opacity == 0)
        #expect(scale.fill(for: 1).color != scale.fill(for: -1).color)
        #expect(scale.fill(for: 1).opacity == scale.fill(for: -1).opacity)
    }

    @Test("the sequential scale runs from dark purple to yellow")
    func sequential() {
        let scale = ColorScale.sequential(0...1)
        #expect(scale.fill(for: 0).color == "#440154")
        #expect(scale.fill(for: 1).color == "#fde725")
        #expect(scale.fill(for: .nan).opacity == 0)
    }
}

@Suite("chart layout")
struct ChartLayoutTests {
    @Test("legend keys wrap into rows that stay inside the chart")
    func legendStaysInside() throws {
        let names = ["hidden 1", "hidden 2", "hidden 3", "hidden 4", "output layer"]
        var chart = LineChart(
            title: "gradients", xLabel: "epoch", yLabel: "magnitude",
            series: names.map { .init(label: $0, xs: [1, 2], ys: [1e-3, 1e-4]) })
        chart.yScale = .log
        let svg = try ParsedSVG(chart.svg)
        let keys = svg.all("line", class: "legend-line")
        #expect(keys.count == names.count)
        #expect(Set(keys.map { $0.number("y1") }).count >= 2)  // more than one row
        let labels = svg.all("text").filter { names.contains($0.text) }
        for label in labels {
            let right = label.number("x") + Double(label.text.count) * 12 * 0.6
            #expect(right <= chart.width, "\(label.text) ends at \(right)")
        }
    }

    @Test("a long axis label is set smaller, to fit beside the plot")
    func longLabelFits() throws {
        let chart = LineChart(
            title: "t", xLabel: "x", yLabel: "fraction of all outputs that are exactly zero",
            series: [.init(label: "f", xs: [0, 1], ys: [0, 1])])
        let svg = try ParsedSVG(chart.svg)
        let label = try #require(svg.all("text", class: "axis-label").last)
        #expect(label.number("font-size") < 12)
    }
}
