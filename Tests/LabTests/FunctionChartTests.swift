import ActivationFunctions
import Foundation
import Lab
import Plotting
import SVGTestSupport
import Testing

private func paths(_ chart: LineChart) throws -> [ParsedSVG.Element] {
    try ParsedSVG(chart.svg).all("path", class: "series")
}

private func runs(_ path: ParsedSVG.Element) -> [[(x: Double, y: Double)]] {
    SVGPath.subpaths(of: path.attributes["d"] ?? "").filter { $0.count > 1 }
}

@Suite("function charts")
struct FunctionChartTests {
    @Test("f and f′ are two series; the derivative is dashed")
    func both() throws {
        let chart = FunctionCharts.chart(try Activations.make("sigmoid"))
        #expect(chart.series.map(\.label) == ["f(x)", "f′(x)"])
        let drawn = try paths(chart)
        #expect(drawn.count == 2 && drawn[1].attributes["stroke-dasharray"] != nil)
        #expect(try paths(FunctionCharts.chart(try Activations.make("sigmoid"), curves: .derivative)).count == 1)
    }

    @Test("the samples are the function's values over its plot domain")
    func values() throws {
        let chart = FunctionCharts.chart(try Activations.make("tanh"), curves: .function, domain: PlotDomain(-2, 2))
        let series = try #require(chart.series.first)
        #expect(series.xs.first == -2 && series.xs.last == 2)
        for (x, y) in zip(series.xs, series.ys) { #expect(abs(y - Foundation.tanh(x)) < 1e-15) }
    }

    @Test("relu's curve lies on the zero line left of 0 and rises at slope 1 after it")
    func reluCoordinates() throws {
        let svg = try ParsedSVG(
            FunctionCharts.chart(try Activations.make("relu"), curves: .function, domain: PlotDomain(-4, 4)).svg)
        let zero = try #require(svg.all("line", class: "zero").first { $0.attributes["y1"] == $0.attributes["y2"] })
        let points = try #require(runs(svg.all("path", class: "series")[0]).first)
        let middle = points.count / 2
        #expect(points[..<middle].allSatisfy { abs($0.y - zero.number("y1")) < 0.01 })
        let a = points[middle + 10]
        let b = points[points.count - 1]
        let c = points[middle + 50]
        #expect(abs((c.y - a.y) / (c.x - a.x) - (b.y - a.y) / (b.x - a.x)) < 0.01)  // a straight line
        #expect(b.y < a.y)  // rising (pixel y grows downwards)
    }

    @Test("jumps are not joined: step's f and relu's f′ break at the kink")
    func jumps() throws {
        let step = try paths(FunctionCharts.chart(try Activations.make("step"), curves: .function))
        #expect(runs(step[0]).count == 2)
        let relu = try paths(FunctionCharts.chart(try Activations.make("relu"), curves: .derivative))
        #expect(runs(relu[0]).count == 2)
        let sigmoid = try paths(FunctionCharts.chart(try Activations.make("sigmoid")))
        #expect(sigmoid.allSatisfy { runs($0).count == 1 })
    }

    @Test("parameters that differ from the defaults are named in the title")
    func parameterTitle() throws {
        let chart = FunctionCharts.chart(
            try Activations.make("leaky-relu", parameters: ["slope": 0.2]), parameters: ["slope": 0.2])
        #expect(chart.title.contains("slope = 0.2"))
    }

    @Test("softmax of [x, 0, 1]: three outputs that sum to 1 at every x")
    func softmax() throws {
        let chart = FunctionCharts.chart(try Activations.make("softmax"), curves: .function)
        #expect(chart.series.map(\.label) == ["y₁", "y₂", "y₃", "Σyᵢ = 1"])
        for index in chart.series[0].xs.indices {
            let sum = chart.series[0..<3].reduce(0) { $0 + $1.ys[index] }
            #expect(abs(sum - 1) < 1e-12)
        }
        #expect(chart.title == "softmax([x, 0, 1])")
        let logSoftmax = FunctionCharts.chart(try Activations.make("log-softmax"), curves: .function)
        #expect(!logSoftmax.series.map(\.label).contains("Σyᵢ = 1"))
        let glu = FunctionCharts.chart(try Activations.make("glu"), curves: .both)
        #expect(glu.series.map(\.label) == ["y₁", "∂y₁/∂x"])
    }

    @Test("maxout is drawn as its pieces and their max; BReLU as its even and odd unit")
    func structuredCharts() throws {
        let maxout = FunctionCharts.chart(try Activations.make("maxout"), curves: .both)
        #expect(maxout.series.map(\.label) == ["z1 = −x", "z2 = 1.5x − 0.5", "max", "d(max)/dx"])
        for (i, x) in maxout.series[0].xs.enumerated() {  // the max is the larger piece; its slope is that piece's
            #expect(maxout.series[2].ys[i] == max(-x, 1.5 * x - 0.5))
            #expect(maxout.series[3].ys[i] == (-x >= 1.5 * x - 0.5 ? -1 : 1.5))
        }
        let brelu = FunctionCharts.chart(try Activations.make("brelu"), curves: .function)
        #expect(brelu.series.map(\.label) == ["even unit", "odd unit"])
        #expect(brelu.series[0].ys.last == 6 && brelu.series[1].ys.first == -6 && brelu.series[0].ys.first == 0)
    }

    @Test("compare overlays one series per function over the union of their domains")
    func compare() throws {
        let functions = try ["relu", "sigmoid", "tanh"].map { try Activations.elementwise($0) }
        let chart = FunctionCharts.compare(functions, derivative: true)
        #expect(chart.series.map(\.label) == ["relu′", "sigmoid′", "tanh′"])
        #expect(try paths(chart).count == 3)
    }

    @Test("formulas become HTML with superscripts and escaped text")
    func formulaHTML() {
        let html = GalleryCard(Sigmoid.self).html
        #expect(html.contains("e<sup>−x</sup>"))
        #expect(GalleryCard(ISRU.self).html.contains("<sup>(−3/2)</sup>"))
        #expect(GalleryCard(Step.self).html.contains("1 if x &gt; threshold"))
    }
}
