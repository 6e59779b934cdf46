import ActivationFunctions
import Plotting

/// Sigmoid is steepest in [−2, 2]; tanh is a stretched sigmoid with four times the peak slope.
struct SigmoidSteepMiddle: Experiment {
    let info = ExperimentInfo(
        id: "sigmoid-steep-middle", title: "Sigmoid changes fastest between −2 and 2",
        claims: [11, 15, 17],
        claim:
            "Sigmoid is steep between x = −2 and 2, so small changes of x there move y a lot. tanh looks like a scaled sigmoid, and its gradient is stronger than sigmoid's.",
        method:
            "Evaluate σ′ at 0, ±1, ±2, ±4 and the share of σ's whole rise (from 0 to 1) that happens inside [−2, 2]; check tanh(x) = 2σ(2x) − 1 over [−10, 10] and compare the peaks of tanh′ and σ′.",
        reading:
            "The formulas for sigmoid and tanh were images and are missing from the text; tanh = 2σ(2x) − 1 and the four-times-steeper peak are facts of mathematics we check, not sentences of the article."
    )

    var isDeterministic: Bool { true }

    static let points: [Double] = [0, 1, -1, 2, -2, 4, -4]

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let sigmoid = Sigmoid()
        let tanh = Tanh()
        slopes(sigmoid, &result)
        share(sigmoid, &result)
        identity(sigmoid, tanh, samples: settings.pick(quick: 2001, full: 200_001), &result)
        peaks(sigmoid, tanh, &result)
        result.charts = [Self.curves(sigmoid, tanh)]
        return result
    }

    /// σ′ at the reference points; it must fall as |x| grows.
    private func slopes(_ sigmoid: Sigmoid, _ result: inout ExperimentResult) {
        var table = ResultTable(title: "Slope of σ", columns: ["x", "σ(x)", "σ′(x)", "σ′(x)/σ′(0)"])
        for x in Self.points {
            let d = sigmoid.derivative(at: x)
            table.rows.append([
                Format.number(x), Format.number(sigmoid(x), 4), Format.number(d, 4), Format.percent(d / 0.25),
            ])
            result.measure("sigmoid_derivative.x\(Format.number(x))", d)
        }
        result.tables.append(table)
        let magnitudes: [Double] = [0, 1, 2, 4].map { sigmoid.derivative(at: $0) }
        let drops = zip(magnitudes, magnitudes.dropFirst()).map { $0 - $1 }
        let asymmetry = [1.0, 2, 4].map { abs(sigmoid.derivative(at: $0) - sigmoid.derivative(at: -$0)) }.max() ?? .nan
        result.check(
            Criterion("smallest fall of σ′ from |x| = 0 to 1, 1 to 2, 2 to 4", .greaterThan, 0, claim: 11),
            drops.min() ?? .nan,
            measured: "σ′(0, ±1, ±2, ±4) = " + magnitudes.map { Format.number($0, 3) }.joined(separator: ", "))
        result.measure("sigmoid_derivative.largest_asymmetry", asymmetry)
        result.fact(
            "largest |σ′(x) − σ′(−x)| at x = 1, 2, 4 is \(Format.number(asymmetry)): σ′ is even "
                + "(σ(−x) = 1 − σ(x)), and the kernel computes it from |x|, so the two sides agree by construction",
            claims: [11])
    }

    /// The share of σ's total rise (0 → 1) inside [−a, a], for a = 1, 2, 4.
    private func share(_ sigmoid: Sigmoid, _ result: inout ExperimentResult) {
        var table = ResultTable(
            title: "Share of σ's whole rise inside [−a, a] (the interval is a/∞ of the line)",
            columns: ["a", "σ(a) − σ(−a)"])
        for a in [1.0, 2, 4, 6] {
            let rise = sigmoid(a) - sigmoid(-a)
            table.rows.append([Format.number(a), Format.percent(rise)])
            result.measure("sigmoid_rise_share.a\(Format.number(a))", rise)
        }
        result.tables.append(table)
        let inside = sigmoid(2.0) - sigmoid(-2.0)
        result.check(
            Criterion("share of σ's rise inside [−2, 2]", .greaterThan, 0.5, claim: 11), inside,
            measured: "\(Format.percent(inside)) of the rise is in [−2, 2]")
    }

    /// max |tanh(x) − (2σ(2x) − 1)| over [−10, 10].
    private func identity(_ sigmoid: Sigmoid, _ tanh: Tanh, samples: Int, _ result: inout ExperimentResult) {
        let xs = (0..<samples).map { -10 + 20 * Double($0) / Double(samples - 1) }
        let error = xs.map { abs(tanh($0) - (2 * sigmoid(2 * $0) - 1)) }.max() ?? .nan
        let tolerance = 4 * Double.ulpOfOne
        result.measure("tanh_identity_max_error", error)
        result.check(
            Criterion("largest |tanh(x) − (2σ(2x) − 1)| on [−10, 10] (4ε)", .atMost, tolerance, claim: 15), error,
            measured: "max |tanh(x) − (2σ(2x) − 1)| = \(Format.number(error, 2)) on \(samples) points")
    }

    /// The peak slopes of tanh and σ, found on a grid over [−4, 4].
    private func peaks(_ sigmoid: Sigmoid, _ tanh: Tanh, _ result: inout ExperimentResult) {
        let xs = (0...8000).map { -4 + Double($0) / 1000 }
        let (tanhPeak, sigmoidPeak) = (xs.map(tanh.derivative(at:)).max()!, xs.map(sigmoid.derivative(at:)).max()!)
        result.measure("tanh_derivative_peak", tanhPeak)
        result.measure("sigmoid_derivative_peak", sigmoidPeak)
        let ratio = tanhPeak / sigmoidPeak
        result.check(
            Criterion("|peak tanh′ / peak σ′ − 4| (tanh′ peaks at 1, σ′ at 0.25)", .lessThan, 1e-12, claim: 17),
            abs(ratio - 4),
            measured:
                "peaks tanh′ \(Format.number(tanhPeak, 6)), σ′ \(Format.number(sigmoidPeak, 6)), ratio \(Format.number(ratio, 6))"
        )
    }

    static func curves(_ sigmoid: Sigmoid, _ tanh: Tanh) -> ResultChart {
        let xs = (0...240).map { -6 + Double($0) / 20 }
        var chart = LineChart(
            id: "sigmoid-steep-middle-curves", title: "σ, tanh and their slopes", xLabel: "x", yLabel: "y")
        chart.series = [
            .init(label: "σ(x)", xs: xs, ys: xs.map { sigmoid($0) }, colorIndex: 0),
            .init(label: "σ′(x)", xs: xs, ys: xs.map(sigmoid.derivative(at:)), style: .dashed, colorIndex: 0),
            .init(label: "tanh(x)", xs: xs, ys: xs.map { tanh($0) }, colorIndex: 1),
            .init(label: "tanh′(x)", xs: xs, ys: xs.map(tanh.derivative(at:)), style: .dashed, colorIndex: 1),
            .init(label: "x = ±2", xs: [-2, -2, .nan, 2, 2], ys: [-1, 1, .nan, -1, 1], style: .dotted, colorIndex: 7),
        ]
        return ResultChart(
            name: "curves", chart: chart,
            caption:
                "σ (solid) rises steeply between the dotted lines at ±2; its slope σ′ (dashed) peaks at 0.25. tanh′ peaks at 1."
        )
    }
}
