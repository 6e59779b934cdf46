import ActivationFunctions
import Foundation
import Lab
import Plotting

/// Samples a function for `show`: a few values, and f and f′ across its plot domain.
/// A row function is shown along its example row (`ExampleRow`): [x, 0, 1] (glu: [x, 1]), or its own
/// (maxout's pieces, BReLU's unit pair), as x varies.
struct Sampler {
    let function: AnyActivation

    var domain: PlotDomain { function.info.plotDomain }

    /// f and f′ at x, for an elementwise function; the first output and dy₁/dx along the example row
    /// for a row function.
    func sample(_ x: Double) -> (value: Double, slope: Double) {
        switch function {
        case .elementwise(let f):
            return (f(x), f.derivative(at: x))
        case .row(let f):
            guard let example = ExampleRow(f), let y = example.outputs(x).first else { return (.nan, .nan) }
            return (y, example.slope(ofOutput: 0, outputCount: example.outputs(x).count, at: x))
        }
    }

    var rowDescription: String {
        guard case .row(let f) = function, let example = ExampleRow(f) else { return "[x]" }
        return example.description
    }

    var firstOutput: String {
        guard case .row(let f) = function, let example = ExampleRow(f) else { return "y₁" }
        return example.outputLabel(0)
    }

    func valueTable() -> [String] {
        let candidates = [domain.lower, -3, -1, -0.5, 0, 0.5, 1, 3, domain.upper]
        let points = Array(Set(candidates.filter { $0 >= domain.lower && $0 <= domain.upper })).sorted()
        let header: String
        if case .row = function {
            header =
                "  first output (\(firstOutput)) of the row \(rowDescription) as x varies\n"
                + "  x            \(firstOutput.padding(17))d(\(firstOutput))/dx"
        } else {
            header = "  x            f(x)             f′(x)"
        }
        return [header]
            + points.map { x in
                let (value, slope) = sample(x)
                return "  " + format(x).padding(13) + format(value).padding(17) + format(slope)
            }
    }

    func plot(width: Int, height: Int) -> TerminalPlot {
        let count = 241
        let xs = (0..<count).map { domain.lower + (domain.upper - domain.lower) * Double($0) / Double(count - 1) }
        let samples = xs.map(sample)
        var plot = TerminalPlot(
            width: width, height: height, title: "\(function.info.id) and its derivative", xLabel: "x")
        let isRow = if case .row = function { true } else { false }
        plot.add(.init(label: isRow ? firstOutput : "f(x)", xs: xs, ys: samples.map(\.value), color: .blue))
        plot.add(
            .init(label: isRow ? "d(\(firstOutput))/dx" : "f′(x)", xs: xs, ys: samples.map(\.slope), color: .orange))
        return plot
    }

    func format(_ x: Double) -> String {
        x.isFinite ? String(format: "%.6g", x) : x.description
    }
}
