import ActivationFunctions
import Foundation
import Lab
import Plotting

/// Samples a function for `show`: a few values, and f and f′ across its plot domain.
/// A row function is shown along one input: the row is [x, 0, 1] (glu: [x, 1]) and x varies.
struct Sampler {
    let function: AnyActivation

    var domain: PlotDomain { function.info.plotDomain }

    /// f and f′ at x, for an elementwise function; the first output and ∂y₁/∂x₁ for a row function.
    func sample(_ x: Double) -> (value: Double, slope: Double) {
        switch function {
        case .elementwise(let f):
            return (f(x), f.derivative(at: x))
        case .row(let f):
            let row = exampleRow(x)
            let y = (try? f.forward(row)) ?? [.nan]
            var dy = y.map { _ in 0.0 }
            dy[0] = 1
            return (y[0], ((try? f.backward(row, dy)) ?? [.nan])[0])
        }
    }

    func exampleRow(_ x: Double) -> [Double] {
        guard case .row(let f) = function else { return [x] }
        return [x] + (ExampleRow.tail(for: f) ?? [])
    }

    func valueTable() -> [String] {
        let candidates = [domain.lower, -3, -1, -0.5, 0, 0.5, 1, 3, domain.upper]
        let points = Array(Set(candidates.filter { $0 >= domain.lower && $0 <= domain.upper })).sorted()
        let header: String
        if case .row = function {
            let row = exampleRow(1).dropFirst().map(\.shortDescription).joined(separator: ", ")
            header = "  first output y₁ of the row [x, \(row)] as x varies\n  x            y₁               ∂y₁/∂x"
        } else {
            header = "  x            f(x)             f′(x)"
        }
        return [header] + points.map { x in
            let (value, slope) = sample(x)
            return "  " + format(x).padding(13) + format(value).padding(17) + format(slope)
        }
    }

    func plot(width: Int, height: Int) -> TerminalPlot {
        let count = 241
        let xs = (0..<count).map { domain.lower + (domain.upper - domain.lower) * Double($0) / Double(count - 1) }
        let samples = xs.map(sample)
        var plot = TerminalPlot(width: width, height: height, title: "\(function.info.id) and its derivative", xLabel: "x")
        let isRow = if case .row = function { true } else { false }
        plot.add(.init(label: isRow ? "y₁" : "f(x)", xs: xs, ys: samples.map(\.value), color: .blue))
        plot.add(.init(label: isRow ? "∂y₁/∂x" : "f′(x)", xs: xs, ys: samples.map(\.slope), color: .orange))
        return plot
    }

    func format(_ x: Double) -> String {
        x.isFinite ? String(format: "%.6g", x) : x.description
    }
}
