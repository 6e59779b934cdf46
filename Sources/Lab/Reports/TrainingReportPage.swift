import ActivationFunctions
import Plotting

/// Lays a ``TrainingReport`` out as charts and HTML.
struct TrainingReportPage {
    let report: TrainingReport

    var epochs: [Double] {
        if !report.epochs.isEmpty { return report.epochs }
        let lengths =
            [report.trainLoss, report.testLoss, report.trainAccuracy, report.testAccuracy].map(\.count)
            + report.layers.flatMap { [$0.gradientMagnitude.count, $0.deadFraction.count, $0.sparsity.count] }
        return (0..<(lengths.max() ?? 0)).map { Double($0 + 1) }
    }

    var charts: [(name: String, chart: any SVGChart)] {
        var charts: [(name: String, chart: any SVGChart)] = []
        if let loss { charts.append(("loss", loss)) }
        if let accuracy { charts.append(("accuracy", accuracy)) }
        if let gradients { charts.append(("gradients", gradients)) }
        if let dead = layerChart("dead-units", \.deadFraction, title: "Dead units per layer", yLabel: "fraction dead") {
            charts.append(("dead-units", dead))
        }
        if let sparse = layerChart(
            "sparsity", \.sparsity, title: "Sparsity per layer", yLabel: "fraction of zero outputs")
        {
            charts.append(("sparsity", sparse))
        }
        if let boundary { charts.append(("boundary", boundary)) }
        if let activation { charts.append(("activation", activation)) }
        return charts
    }

    /// Train (solid) and test (dashed) of one metric; `nil` when both are empty.
    private func pair(_ name: String, train: [Double], test: [Double], title: String, yLabel: String) -> LineChart? {
        guard !train.isEmpty || !test.isEmpty else { return nil }
        var chart = LineChart(id: "report-" + name, title: title, xLabel: "epoch", yLabel: yLabel)
        if !train.isEmpty { chart.series.append(.init(label: "train", xs: epochs, ys: train, colorIndex: 0)) }
        if !test.isEmpty {
            chart.series.append(.init(label: "test", xs: epochs, ys: test, style: .dashed, colorIndex: 1))
        }
        chart.zeroLines = false
        return chart
    }

    var loss: LineChart? {
        guard var chart = pair("loss", train: report.trainLoss, test: report.testLoss, title: "Loss", yLabel: "loss")
        else { return nil }
        let positive = (report.trainLoss + report.testLoss).filter { $0.isFinite && $0 > 0 }
        if let lo = positive.min(), let hi = positive.max(),
            positive.count == (report.trainLoss + report.testLoss).count, hi / lo > 100
        {
            chart.yScale = .log
            chart.title = "Loss (log scale)"
        }
        return chart
    }

    var accuracy: LineChart? {
        var chart = pair(
            "accuracy", train: report.trainAccuracy, test: report.testAccuracy, title: "Accuracy", yLabel: "accuracy")
        chart?.yDomain = 0...1
        return chart
    }

    /// One line per layer on a log scale: vanishing gradients fan out, the input side lowest.
    var gradients: LineChart? {
        let layers = report.layers.filter { !$0.gradientMagnitude.isEmpty }
        guard !layers.isEmpty else { return nil }
        var chart = LineChart(
            id: "report-gradients", title: "Gradient magnitude per layer (log scale)",
            xLabel: "epoch", yLabel: "gradient magnitude")
        chart.yScale = .log
        chart.series = layers.enumerated().map {
            .init(label: $1.name, xs: epochs, ys: $1.gradientMagnitude, colorIndex: $0)
        }
        return chart
    }

    private func layerChart(
        _ name: String, _ series: KeyPath<TrainingReport.Layer, [Double]>, title: String, yLabel: String
    ) -> LineChart? {
        let layers = report.layers.enumerated().filter { !$0.element[keyPath: series].isEmpty }
        guard !layers.isEmpty else { return nil }
        var chart = LineChart(id: "report-" + name, title: title, xLabel: "epoch", yLabel: yLabel)
        chart.yDomain = 0...1
        chart.zeroLines = false
        chart.series = layers.map { .init(label: $1.name, xs: epochs, ys: $1[keyPath: series], colorIndex: $0) }
        return chart
    }

    var boundary: DecisionBoundaryChart? {
        guard let boundary = report.boundary else { return nil }
        var chart = DecisionBoundaryChart(
            id: "report-boundary", title: "Decision boundary after training",
            grid: boundary.grid, points: boundary.points, colorScale: boundary.colorScale)
        chart.valueLabel = "output"
        return chart
    }

    var activation: LineChart? {
        guard let function = try? Activations.make(report.activationID, parameters: report.activationParameters) else {
            return nil
        }
        return FunctionCharts.chart(
            function, curves: .both, parameters: report.activationParameters, id: "report-activation")
    }
}
