import Foundation
import Lab
import Plotting
import SVGTestSupport
import Testing

@Suite("training report")
struct TrainingReportTests {
    @Test("a real training run's report has every chart, each valid SVG")
    func trainedCharts() throws {
        let report = try TrainedReport.make()
        let names = report.charts.map(\.name)
        #expect(names == ["loss", "accuracy", "gradients", "dead-units", "sparsity", "boundary", "activation"])
        for chart in report.charts { _ = try ParsedSVG(chart.chart.svg) }
        let html = report.html
        #expect(inlineSVGs(html).count == names.count)
        for name in names where name != "activation" { #expect(html.contains("id=\"\(name)\"")) }
        #expect(html.contains("σ(x)") || html.contains("Sigmoid"))
    }

    @Test("gradients are drawn per layer on a log scale")
    func gradients() throws {
        var report = TrainingReport(title: "t", activationID: "relu")
        report.layers = [
            .init(name: "hidden 1", gradientMagnitude: [1e-4, 1e-5, 1e-6]),
            .init(name: "output", gradientMagnitude: [1e-1, 1e-1, 1e-2]),
        ]
        let chart = try #require(report.charts.first { $0.name == "gradients" }?.chart as? LineChart)
        #expect(chart.yScale == .log)
        #expect(chart.series.map(\.label) == ["hidden 1", "output"])
        #expect(chart.series[0].xs == [1, 2, 3])
        let svg = try ParsedSVG(chart.svg)
        #expect(svg.all("path", class: "series").count == 2)
    }

    @Test("parts without data are left out; the activation is always shown")
    func partial() {
        var report = TrainingReport(title: "t", activationID: "tanh")
        report.trainLoss = [1, 0.5, 0.25]
        #expect(report.charts.map(\.name) == ["loss", "activation"])
        let loss = report.charts[0].chart as? LineChart
        #expect(loss?.series.map(\.label) == ["train"])
        #expect(TrainingReport(title: "t", activationID: "nope").charts.isEmpty)
    }

    @Test("losses spanning more than two decades switch to a log scale")
    func lossScale() {
        var report = TrainingReport(title: "t", activationID: "relu")
        report.trainLoss = [1, 0.1, 0.001]
        #expect((report.charts[0].chart as? LineChart)?.yScale == .log)
        report.trainLoss = [1, 0.5]
        #expect((report.charts[0].chart as? LineChart)?.yScale == .linear)
    }

    @Test("the boundary chart has every data point, train and test apart")
    func boundary() throws {
        let report = try TrainedReport.make()
        let boundary = try #require(report.boundary)
        let svg = try ParsedSVG(try #require(report.charts.first { $0.name == "boundary" }).chart.svg)
        let points = svg.all("circle", class: "point").filter { $0.number("r") == 4 }
        #expect(points.count == boundary.points.count + 2)  // and the two legend keys
        #expect(svg.all("circle", class: "test").count - 1 == boundary.points.filter(\.isTest).count)
    }

    @Test("write puts index.html and the charts into a directory")
    func write() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try TrainedReport.make().write(to: directory)
        #expect(
            files.map(\.lastPathComponent) == [
                "index.html", "loss.svg", "accuracy.svg", "gradients.svg",
                "dead-units.svg", "sparsity.svg", "boundary.svg", "activation.svg",
            ])
    }
}
