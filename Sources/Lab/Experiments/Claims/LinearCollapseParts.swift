import Foundation
import NeuralNet
import Plotting

extension LinearCollapse {
    /// The single layer equal to a net of linear layers: NeuralNet's `Network.linearCollapse()`, exact
    /// for these nets (every hidden layer is the identity, which has a collapse).
    static func collapse(_ network: Network<Double>) -> AffineMap<Double> { network.linearCollapse()! }

    /// The trained deepest linear net and its collapsed layer classify the test points the same way.
    func agreement(_ session: TrainingSession, _ dataset: String, _ result: inout ExperimentResult) throws {
        let x = session.normalization.apply(session.test.inputs)
        let deep = session.network.logits(x).storage
        let single = Self.collapse(session.network).apply(x).storage
        let same = Double(zip(deep, single).filter { ($0 >= 0) == ($1 >= 0) }.count) / Double(max(deep.count, 1))
        result.measure("\(dataset).trained_collapse_agreement", same)
        result.check(
            Criterion(
                "\(dataset): share of test points where the trained deepest linear net and its collapsed layer agree",
                .atLeast, 1, claim: 9), same,
            measured: "\(dataset): collapsed layer agrees on \(Format.percent(same))")
        result.charts.append(
            Self.boundary(
                session, "\(dataset)-linear", "\(dataset), \(session.configuration.hidden.count) linear hidden layers",
                "p(class 1) after training of the \(session.configuration.hidden.count)-hidden-layer linear net: its collapsed single layer agrees on \(Format.percent(same)) of the test points (first seed)."
            ))
    }

    /// Every linear net is held to the best line's training accuracy; the nonlinear nets to `target` on test data.
    func judge(_ dataset: String, _ runs: Runs2D, depths: [Int], _ result: inout ExperimentResult) {
        let linear = runs.accuracies[..<depths.count].map(\.train).max() ?? 0
        let nonlinear = runs.accuracies[depths.count...].map(\.test)
        result.check(
            Criterion(
                "\(dataset): best linear net's training accuracy minus the best straight line's (the line search's grid allows 2.5 points)",
                .atMost, 0.025, claim: 9),
            linear - runs.bestLine,
            measured:
                "\(dataset): linear nets fit \(Format.percent(linear)) at best, the best line \(Format.percent(runs.bestLine))"
        )
        result.check(
            Criterion(
                "\(dataset): lowest test accuracy of one hidden sigmoid, tanh or ReLU layer", .atLeast, Self.target,
                claim: 10),
            nonlinear.min() ?? .nan,
            measured: "\(dataset): "
                + zip(Self.nonlinear, nonlinear).map { "\($0) \(Format.percent($1))" }.joined(separator: ", "))
    }

    /// The best training accuracy of any straight line w·x ≥ t, either side positive: 720 directions,
    /// every threshold between sorted projections.
    static func bestLineAccuracy(_ data: Dataset) -> Double {
        guard case .classes(let labels, _) = data.labels, data.count > 0 else { return 0 }
        let positives = labels.filter { $0 == 1 }.count
        var best = 0
        for step in 0..<720 {
            let angle = Double(step) * Double.pi / 360
            let order = (0..<data.count).map { i in
                (data.inputs[i, 0] * cos(angle) + data.inputs[i, 1] * sin(angle), labels[i])
            }.sorted { $0.0 < $1.0 }
            var correct = positives  // threshold below every point: all predicted positive
            best = max(best, correct, data.count - correct)
            for (_, label) in order {
                correct += label == 1 ? -1 : 1
                best = max(best, correct, data.count - correct)
            }
        }
        return Double(best) / Double(data.count)
    }

    static func boundary(_ session: TrainingSession, _ name: String, _ title: String, _ caption: String) -> ResultChart
    {
        let boundary = TrainingReport.boundary(session)!  // 2-D data always has one
        let chart = DecisionBoundaryChart(
            id: "linear-collapse-\(name)", title: title, grid: boundary.grid,
            points: boundary.points, colorScale: boundary.colorScale)
        return ResultChart(name: "boundary-\(name)", chart: chart, caption: caption)
    }

    static func depthChart(_ dataset: String, _ runs: Runs2D, depths: [Int], index: Int) -> ResultChart {
        let xs = depths.map(Double.init)
        let relu = runs.accuracies.last!.train
        var chart = LineChart(
            id: "linear-collapse-depth-\(dataset)", title: "\(dataset): training accuracy by depth",
            xLabel: "linear hidden layers", yLabel: "training accuracy")
        chart.yDomain = 0...1
        chart.series = [
            .init(label: "linear nets", xs: xs, ys: runs.accuracies[..<depths.count].map(\.train), colorIndex: 0),
            .init(
                label: "best straight line", xs: [xs.first!, xs.last!], ys: [runs.bestLine, runs.bestLine],
                style: .dotted, colorIndex: 7),
            .init(label: "1 ReLU layer", xs: [xs.first!, xs.last!], ys: [relu, relu], style: .dashed, colorIndex: 1),
        ]
        return ResultChart(name: "depth-\(dataset)", chart: chart, caption: depthCaption(runs, depths: depths))
    }

    /// What the depth chart shows, from the accuracies: the linear nets' range against the best line's, and
    /// the ReLU layer's.
    static func depthCaption(_ runs: Runs2D, depths: [Int]) -> String {
        let linear = runs.accuracies[..<depths.count].map(\.train)
        let relu = runs.accuracies.last!.train
        let highest = linear.max() ?? .nan
        let against =
            highest <= runs.bestLine + 0.025
            ? "none above the best straight line's \(Format.percent(runs.bestLine)) (dotted) by more than the line search's 2.5 points"
            : "the best, \(Format.percent(highest)), above the best straight line's \(Format.percent(runs.bestLine)) (dotted)"
        return
            "Training accuracy of linear nets with \(depths.first!)–\(depths.last!) hidden layers: "
            + "\(Format.percentRange(linear)), \(against); one ReLU layer (dashed): \(Format.percent(relu)) (first seed)."
    }
}
