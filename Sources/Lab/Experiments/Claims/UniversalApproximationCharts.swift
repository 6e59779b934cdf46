import Foundation
import Plotting

extension UniversalApproximation {
    /// The true function and the fit of each width (a few widths in full mode, to stay readable).
    static func fitChart(_ index: Int, _ fits: [Int: [Double]], widths: [Int], grid: [Double]) -> ResultChart {
        let target = targets[index]
        let shown = widths.count <= 4 ? widths : [widths[0], widths[2], widths[4], widths.last!]
        var chart = LineChart(
            id: "universal-approximation-\(target.dataset)", title: "Fits of \(target.label)", xLabel: "x", yLabel: "y")
        chart.series = [.init(label: target.label, xs: grid, ys: grid.map(target.f), style: .dashed, colorIndex: 7)]
        for (slot, width) in shown.enumerated() {
            chart.series.append(.init(label: "width \(width)", xs: grid, ys: fits[width] ?? [], colorIndex: slot))
        }
        return ResultChart(
            name: target.dataset, chart: chart,
            caption: "The true function dashed; each width's fit solid. Wider layers have more hinges to bend with.")
    }

    static func errorChart(_ errors: [[Double]], _ widths: [Int]) -> ResultChart {
        var chart = LineChart(
            id: "universal-approximation-error", title: "RMS error by width (log scale)", xLabel: "log₂ width",
            yLabel: "RMS error")
        chart.yScale = .log
        chart.series = targets.enumerated().map { index, target in
            .init(
                label: target.label, xs: widths.map { Foundation.log2(Double($0)) }, ys: errors[index],
                colorIndex: index)
        }
        return ResultChart(
            name: "error", chart: chart,
            caption: errorCaption(errors, widths))
    }

    /// What the error chart shows, from the errors measured: each target's error at the narrowest and the
    /// widest net, and which targets are within the tolerance at the narrowest width.
    static func errorCaption(_ errors: [[Double]], _ widths: [Int]) -> String {
        let (narrow, wide) = (widths.first!, widths.last!)
        let each = targets.indices.map { i in
            "\(targets[i].label) \(Format.number(errors[i].first!, 3)) → \(Format.number(errors[i].last!, 3))"
        }
        let fitted = targets.indices.filter { errors[$0].first! < tolerance }.map { targets[$0].label }
        let unfitted = targets.indices.filter { !(errors[$0].first! < tolerance) }.map { targets[$0].label }
        var text =
            "RMS error at the samples, width \(narrow) → \(wide): \(each.joined(separator: ", ")) (first seed). "
        text +=
            fitted.isEmpty
            ? "At width \(narrow) no target is within the \(Format.number(tolerance)) tolerance"
            : "At width \(narrow) within the \(Format.number(tolerance)) tolerance: \(fitted.joined(separator: ", "))"
        if !unfitted.isEmpty && !fitted.isEmpty {
            text += "; not within it: \(unfitted.joined(separator: ", "))"
        }
        return text + "."
    }
}
