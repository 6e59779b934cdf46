import ActivationFunctions
import Plotting

/// Which curves of a function to draw.
public enum Curves: Sendable, Equatable {
    /// f only.
    case function
    /// f′ only.
    case derivative
    /// f and f′ on the same axes.
    case both

    var showsFunction: Bool { self != .derivative }
    var showsDerivative: Bool { self != .function }
}

/// SVG line charts of catalog functions: one function with its derivative, or several overlaid.
public enum FunctionCharts {
    /// f (solid) and f′ (dashed) over `domain` (default: the function's own plot domain).
    /// `parameters`, the values `function` was made with, are named in the title where they differ
    /// from the defaults. A row function is drawn along its first input; see ``vectorChart(_:curves:domain:id:)``.
    public static func chart(
        _ function: AnyActivation, curves: Curves = .both, domain: PlotDomain? = nil,
        parameters: [String: Double] = [:], id: String? = nil
    ) -> LineChart {
        let info = function.info
        let chartID = id ?? info.id
        switch function {
        case .row(let f): return vectorChart(f, curves: curves, domain: domain, id: chartID)
        case .elementwise(let f):
            let samples = FunctionCurves(domain: domain ?? info.plotDomain)
            var chart = LineChart(
                id: chartID, title: title(info, curves: curves, parameters: parameters), xLabel: "x", yLabel: "y")
            let jumps = Jumps(info, parameters: parameters)
            if curves.showsFunction {
                let line = samples.broken(samples.values(f), at: jumps.inFunction)
                chart.series.append(.init(label: "f(x)", xs: line.xs, ys: line.ys, colorIndex: 0))
            }
            if curves.showsDerivative {
                let line = samples.broken(samples.derivatives(f), at: jumps.inDerivative)
                chart.series.append(.init(label: "f′(x)", xs: line.xs, ys: line.ys, style: .dashed, colorIndex: 1))
            }
            return chart
        }
    }

    /// A vector function's own chart: each output yᵢ of an example row [x, 0, 1] as x varies (solid) and
    /// their sum when it is identically 1 (dotted). `.derivative` draws the column ∂yᵢ/∂x (dashed);
    /// `.both` adds only ∂y₁/∂x, the slope of the output whose input moves, to keep the chart readable.
    public static func vectorChart(
        _ function: any RowActivation, curves: Curves = .function, domain: PlotDomain? = nil, id: String? = nil
    ) -> LineChart {
        let info = function.info
        guard let vector = VectorCurves(function, domain: domain ?? info.plotDomain) else {
            return LineChart(id: id ?? info.id, title: info.name, xLabel: "x", yLabel: "y")
        }
        let outputs = vector.outputs()
        let xs = vector.curves.xs
        let ownExample = function is any ExampleRowActivation
        var chart = LineChart(
            id: id ?? info.id, title: "\(info.id)(\(vector.rowDescription))",
            xLabel: ownExample ? "x" : "x, the first input", yLabel: "outputs")
        if curves.showsFunction {
            for (i, input) in vector.inputs().enumerated() {
                chart.series.append(.init(label: input.label, xs: xs, ys: input.ys, style: .dotted, colorIndex: 2 + i))
            }
            for (i, ys) in outputs.enumerated() {
                chart.series.append(.init(label: vector.example.outputLabel(i), xs: xs, ys: ys, colorIndex: i))
            }
            if let sum = VectorCurves.unitSum(outputs) {
                chart.series.append(.init(label: "Σyᵢ = 1", xs: xs, ys: sum, style: .dotted, colorIndex: 7))
            }
        }
        let slopes = vector.slopes(outputCount: outputs.count).prefix(curves == .both ? 1 : outputs.count)
        for (i, ys) in slopes.enumerated() where curves.showsDerivative {
            let label = ownExample ? "d(\(vector.example.outputLabel(i)))/dx" : "∂y" + Subscript.digits(i + 1) + "/∂x"
            chart.series.append(.init(label: label, xs: xs, ys: ys, style: .dashed, colorIndex: i))
        }
        return chart
    }

    /// Several elementwise functions overlaid (f, or f′ when `derivative`), over the union of their
    /// plot domains unless `domain` is given.
    public static func compare(
        _ functions: [any ElementwiseActivation], derivative: Bool = false, domain: PlotDomain? = nil,
        id: String = "compare"
    ) -> LineChart {
        let union = PlotDomain(
            functions.map(\.info.plotDomain.lower).min() ?? -6,
            functions.map(\.info.plotDomain.upper).max() ?? 6)
        let samples = FunctionCurves(domain: domain ?? union)
        let names = functions.map(\.info.id).joined(separator: ", ")
        var chart = LineChart(
            id: id, title: derivative ? "Derivatives: \(names)" : names,
            xLabel: "x", yLabel: derivative ? "f′(x)" : "f(x)")
        chart.series = functions.enumerated().map { index, f in
            let jumps = Jumps(f.info, parameters: [:])
            let line =
                derivative
                ? samples.broken(samples.derivatives(f), at: jumps.inDerivative)
                : samples.broken(samples.values(f), at: jumps.inFunction)
            let style = LineStyle.allCases[(index / 8) % LineStyle.allCases.count]
            return .init(
                label: f.info.id + (derivative ? "′" : ""), xs: line.xs, ys: line.ys, style: style, colorIndex: index)
        }
        return chart
    }

    /// "ELU (α = 0.5) and its derivative": parameters are named when they differ from the defaults.
    static func title(_ info: ActivationInfo, curves: Curves, parameters: [String: Double]) -> String {
        let changed = info.parameters.compactMap { spec -> String? in
            guard let value = parameters[spec.name], value != spec.defaultValue else { return nil }
            return "\(spec.name) = \(value.shortDescription)"
        }
        let name = info.name + (changed.isEmpty ? "" : " (" + changed.joined(separator: ", ") + ")")
        switch curves {
        case .function: return name
        case .derivative: return "Derivative of " + name
        case .both: return name + " and its derivative"
        }
    }
}

/// Where a function or its derivative jumps, from the catalog's metadata: at its kinks, f itself jumps
/// when it is discontinuous (C⁻¹), and f′ jumps when f is at most continuous (C⁰ or C⁻¹).
struct Jumps {
    let inFunction: [Double]
    let inDerivative: [Double]

    init(_ info: ActivationInfo, parameters: [String: Double]) {
        let values = (try? info.validate(parameters)) ?? info.defaultParameters
        let kinks = info.kinks.map { $0.location(in: values) }
        inFunction = info.smoothness == .discontinuous ? kinks : []
        inDerivative = [.discontinuous, .continuous].contains(info.smoothness) ? kinks : []
    }
}
