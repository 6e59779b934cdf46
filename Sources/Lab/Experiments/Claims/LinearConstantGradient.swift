import ActivationFunctions
import Foundation
import Plotting

/// The derivative of A = c·x is c whatever x is: the error signal passed back through a linear unit
/// does not depend on the size of its input.
struct LinearConstantGradient: Experiment {
    let info = ExperimentInfo(
        id: "linear-constant-gradient", title: "A linear activation passes back a constant gradient",
        claims: [8],
        claim:
            "The derivative of A = c·x is the constant c, whatever x is, so the change back-propagation makes does not depend on the input's change. The article itself softens this: it is not always bad.",
        method:
            "Evaluate the catalog's identity A = c·x and its derivative for c = 0.5, 1 and 3 at weighted sums from −1000 to 1000, and the slope of the forward pass by central finite differences. Then back-propagate the same output error (∂L/∂A = 1) through one neuron whose input grows from 0.01 to 100, and compare the update of its bias (∂L/∂z) and weight (∂L/∂w) with a sigmoid neuron's.",
        reading:
            "Nothing here is judged. That the derivative of A = c·z is c at every z is a fact of calculus (a straight line has one slope), so a criterion on it could not fail: we show it, with the forward pass's own slope from finite differences beside the kernel's derivative. What the weight update does is shown too, not judged: the factor the activation passes back is constant, the weight's update still scales with its input (the chain rule), and the article's hedge stays a hedge. The claim therefore has no verdict."
    )

    var isDeterministic: Bool { true }

    static let slopes: [Double] = [0.5, 1, 3]

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let zs = (0...settings.pick(quick: 2000, full: 200_000)).map {
            -1000 + 2000 * Double($0) / Double(settings.pick(quick: 2000, full: 200_000))
        }
        var (spread, slopeError) = (0.0, 0.0)
        for c in Self.slopes {
            let f = try Activations.elementwise("identity", parameters: ["c": c])
            let error = f.backward(zs, [Double](repeating: 1, count: zs.count)).map { abs($0 - c) }.max() ?? .nan
            result.measure("identity.c\(Format.number(c)).max_derivative_deviation", error)
            spread = max(spread, error)
            let secant = Self.largestSecantDeviation(f, c: c, at: zs)
            result.measure("identity.c\(Format.number(c)).max_secant_relative_deviation", secant)
            slopeError = max(slopeError, secant)
        }
        result.fact(
            "largest |f′(z) − c| over \(zs.count) sums in [−1000, 1000], c = 0.5, 1, 3: \(Format.number(spread)); "
                + "the slope of the forward pass itself, (f(z + h) − f(z − h))/2h, differs from c by at most "
                + "\(Format.number(slopeError, 2)) relative: A = c·z is a straight line, so its derivative is c "
                + "at every z by definition; no measurement could find otherwise",
            claims: [8])
        try updates(&result)
        result.charts.append(try Self.derivativeChart())
        return result
    }

    /// The largest |(f(z + h) − f(z − h))/(2h) − c| / c over `zs`, with h = 2⁻¹⁰·max(1, |z|): the slope of the
    /// forward pass alone, independent of the kernel's derivative.
    static func largestSecantDeviation(_ f: some ElementwiseActivation, c: Double, at zs: [Double]) -> Double {
        zs.map { z in
            let h = Foundation.ldexp(Swift.max(1, abs(z)), -10)
            return abs((f(z + h) - f(z - h)) / (2 * h) - c) / c
        }.max() ?? .nan
    }

    /// One neuron z = w·x with w = 1: the update of the bias and of the weight as the input grows.
    private func updates(_ result: inout ExperimentResult) throws {
        let inputs = stride(from: -2.0, through: 2.0, by: 0.25).map { Foundation.pow(10, $0) }
        let ones = [Double](repeating: 1, count: inputs.count)
        let linear = try Activations.elementwise("identity", parameters: ["c": 3]).backward(inputs, ones)
        let sigmoid = Sigmoid().backward(inputs, ones)
        var table = ResultTable(
            title: "Same output error, growing input x (weight 1, so z = x)",
            columns: ["x", "linear (c = 3) ∂L/∂z", "linear ∂L/∂w = x·∂L/∂z", "sigmoid ∂L/∂z", "sigmoid ∂L/∂w"])
        for (i, x) in inputs.enumerated() where i % 4 == 0 {
            table.rows.append([
                Format.number(x), Format.number(linear[i]), Format.number(x * linear[i]),
                Format.number(sigmoid[i]), Format.number(x * sigmoid[i]),
            ])
        }
        result.tables.append(table)
        let linearSpread = (linear.max() ?? 0) - (linear.min() ?? 0)
        let sigmoidRange = (sigmoid.max() ?? 0) / (sigmoid.min() ?? 1)
        result.measure("linear.delta_spread", linearSpread)
        result.measure("sigmoid.delta_max_over_min", sigmoidRange)
        result.fact(
            "linear ∂L/∂z spread \(Format.number(linearSpread)) over inputs 0.01 to 100, sigmoid's varies "
                + "\(Format.number(sigmoidRange))×: a linear unit passes back c·∂L/∂A whatever its input, by construction",
            claims: [8])
        result.notes.append(
            "The weight's own update ∂L/∂w = x·c·∂L/∂A still grows with the input x, for linear and nonlinear units alike; what is constant is the factor the activation contributes. That constancy is why a linear unit cannot tell large sums from small ones: it never saturates, but it never bends either."
        )
        result.charts.append(Self.updateChart(inputs, linear, sigmoid))
    }

    static func derivativeChart() throws -> ResultChart {
        let zs = (0...160).map { -8 + Double($0) / 10 }
        var chart = LineChart(
            id: "linear-constant-gradient-derivative", title: "f′(z): constant for A = c·z", xLabel: "z",
            yLabel: "f′(z)")
        chart.series = try slopes.enumerated().map { index, c in
            let f = try Activations.elementwise("identity", parameters: ["c": c])
            return .init(label: "c = \(Format.number(c))", xs: zs, ys: zs.map(f.derivative(at:)), colorIndex: index)
        }
        chart.series.append(
            .init(
                label: "σ′ (for contrast)", xs: zs, ys: zs.map(Sigmoid().derivative(at:)), style: .dashed, colorIndex: 3
            ))
        return ResultChart(
            name: "derivative", chart: chart,
            caption: "The linear unit's slope is the same horizontal line at every z; the sigmoid's falls away from 0.")
    }

    static func updateChart(_ inputs: [Double], _ linear: [Double], _ sigmoid: [Double]) -> ResultChart {
        var chart = LineChart(
            id: "linear-constant-gradient-update", title: "Error passed back for the same output error (log scale)",
            xLabel: "log₁₀ of the input x", yLabel: "∂L/∂z")
        chart.yScale = .log
        let xs = inputs.map { Foundation.log10($0) }
        chart.series = [
            .init(label: "linear, c = 3", xs: xs, ys: linear, colorIndex: 0),
            .init(label: "sigmoid", xs: xs, ys: sigmoid, colorIndex: 1),
        ]
        return ResultChart(
            name: "update", chart: chart,
            caption:
                "Through a linear unit the same error comes back whatever the input's size; through a sigmoid it fades as the input grows."
        )
    }
}
