import ActivationFunctions
import Foundation
import Lab
import Plotting

/// What `activations plot` was asked for, checked; building the pictures is left to Lab.
enum PlotRequest {
    case one(AnyActivation, Curves, PlotDomain?, [String: Double])
    case compare([any ElementwiseActivation], derivative: Bool, PlotDomain?)
    case gallery

    init(_ command: PlotCommand) throws {
        let modes = [command.id != nil, command.compare != nil, command.all].filter { $0 }.count
        guard modes == 1 else { throw CommandFailure.usage("give one function id, or --compare IDS, or --all") }
        guard !(command.derivative && command.both) else {
            throw CommandFailure.usage("--derivative and --both exclude each other")
        }
        let domain = try command.range.map(PlotRange.parse)
        let values = try command.parameters.values()
        if let id = command.id {
            let curves: Curves = command.both ? .both : (command.derivative ? .derivative : .function)
            self = .one(try Activations.make(id, parameters: values), curves, domain, values)
            return
        }
        guard values.isEmpty else {
            throw CommandFailure.usage("--param applies to one function, not to --compare or --all")
        }
        if let list = command.compare {
            guard !command.both else {
                throw CommandFailure.usage("--compare draws f or, with --derivative, f′; not --both")
            }
            self = .compare(try Self.elementwise(list), derivative: command.derivative, domain)
            return
        }
        guard domain == nil, !command.derivative, !command.both else {
            throw CommandFailure.usage("--all takes no --range, --derivative or --both")
        }
        guard command.output != nil else { throw CommandFailure.usage("--all writes a directory: give it with -o DIR") }
        self = .gallery
    }

    /// The functions named in a comma-separated list; each must be elementwise.
    /// The most curves `--compare` overlays (beyond a dozen, colours and the legend no longer tell them apart).
    static let maxCompared = 12

    static func elementwise(_ list: String) throws -> [any ElementwiseActivation] {
        let ids = ActivationList.split(list)
        guard !ids.isEmpty else {
            throw CommandFailure.usage("--compare needs ids separated by commas, e.g. relu,sigmoid")
        }
        // 25 000 ids wrote a 166 MB chart nobody can read, in 43 s.
        guard ids.count <= maxCompared else {
            throw CommandFailure.usage("--compare overlays at most \(maxCompared) functions on one chart, got \(ids.count)")
        }
        return try ids.map { id in
            switch try Activations.make(id) {
            case .elementwise(let f): return f
            case .row:
                throw CommandFailure.usage(
                    "\(id) is a vector function; --compare overlays elementwise functions (plot it alone)")
            }
        }
    }

    func perform(output: String?) throws {
        switch self {
        case .one(let function, let curves, let domain, let values):
            // What `show` says of a formula (NaN or ±∞ where it was sampled): a chart of a formula that is
            // NaN everywhere is empty, and said nothing.
            if case .elementwise(let formula as Formula) = function {
                for warning in formula.warnings { printWarning(warning) }
            }
            try emit(FunctionCharts.chart(function, curves: curves, domain: domain, parameters: values), to: output)
        case .compare(let functions, let derivative, let domain):
            try emit(FunctionCharts.compare(functions, derivative: derivative, domain: domain), to: output)
        case .gallery:
            try writeSite(to: output ?? ".") { try Gallery().write(to: $0) }
        }
    }

    private func emit(_ chart: any SVGChart, to output: String?) throws {
        guard let output else { return print(chart.svg, terminator: "") }
        try writeFile(Data(chart.svg.utf8), to: output)
    }

    private func writeSite(to path: String, _ write: (URL) throws -> [URL]) throws {
        let files = try writeDirectory(path, write)
        print("wrote \(files.count) files; open \(files[0].path)")
    }
}

/// `--range A:B`.
enum PlotRange {
    static func parse(_ text: String) throws -> PlotDomain {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
        guard parts.count == 2, let lower = NumberText.parse(parts[0], as: Double.self),
            let upper = NumberText.parse(parts[1], as: Double.self)
        else {
            throw CommandFailure.usage("--range expects A:B with two numbers, e.g. -3:3; got '\(text)'")
        }
        guard lower.isFinite, upper.isFinite, lower < upper else {
            throw CommandFailure.usage("--range \(text): A must be less than B, and both finite")
        }
        guard (upper - lower).isFinite else {
            throw CommandFailure.usage(
                "--range \(text): the width B − A overflows a Double; keep it below \(Double.greatestFiniteMagnitude)")
        }
        return PlotDomain(lower, upper)
    }
}
