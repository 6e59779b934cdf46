import ActivationFunctions
import ArgumentParser
import Foundation
import Plotting

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one function: formula, derivative, properties, parameters, values and a plot.",
        discussion: """
            Examples:
              activations show relu
              activations show leaky-relu --param slope=0.1
              activations show softmax
              activations show 'f(x) = x*tanh(softplus(x))'
              activations show 'f(x; a=1.5) = x*sigmoid(a*x)' --param a=2

            A formula may use numbers, x, pi, its parameters, + - * / ^ (also · and ×), parentheses, \
            exp log log1p expm1 sqrt abs sign sin cos tan tanh atan asinh erf erfc, min(a, b), max(a, b), \
            every elementwise id as a function (gelu(2*x)), and the piecewise form x > 0 ? x : 0.01*x.
            """
    )

    @Argument(help: "Function id or alias (see `activations list`), or a formula such as 'f(x) = x*sigmoid(x)'.")
    var id: String

    @OptionGroup var parameters: ParameterOptions

    @Option(help: "Plot width in characters (\(TerminalPlot.widthRange.lowerBound)–\(TerminalPlot.widthRange.upperBound)).")
    var width = 64

    @Option(help: "Plot height in characters (\(TerminalPlot.heightRange.lowerBound)–\(TerminalPlot.heightRange.upperBound)).")
    var height = 16

    func run() throws {
        try reportingFailures {
            // Refused rather than clamped: a plot silently drawn at 400 columns when 5000 were asked for
            // leaves the reader wondering why the option did nothing.
            for (name, value, range) in [("width", width, TerminalPlot.widthRange), ("height", height, TerminalPlot.heightRange)]
            where !range.contains(value) {
                throw CommandFailure.usage("--\(name) \(value) is outside \(range.lowerBound)–\(range.upperBound) characters")
            }
            let function = try Activations.make(id, parameters: try parameters.values())
            let given = try parameters.values()
            var description = Description(info: function.info, values: try function.info.validate(given))
            var notes: [String] = []
            if case .elementwise(let formula as Formula) = function {
                description.formulaDefaults = Description.writtenDefaults(of: formula, given: given)
                notes = FormulaNotes(formula: formula).lines  // warnings and catalog matches, if any
            }
            print(description.lines.joined(separator: "\n"))
            // Printed only when there are notes: an empty list printed a second blank line.
            if !notes.isEmpty { print(notes.joined(separator: "\n")) }
            let sampler = Sampler(function: function)
            print("")
            print(sampler.valueTable().joined(separator: "\n"))
            print("")
            print(sampler.plot(width: width, height: height).render(colored: standardOutputWantsColor))
        }
    }
}

/// The text part of `show`: names, formulas, properties and parameters.
struct Description {
    let info: ActivationInfo
    let values: ParameterValues
    /// A formula's defaults as written in its head, nil for a parameter declared without one: a formula's
    /// `info` gives the values it was built with, `--param` included, as its defaults.
    var formulaDefaults: [String: Double?]? = nil

    /// The default written in `formula`'s head for each of its parameters (nil: declared without one), found
    /// by building it again without the `--param` value of that parameter.
    static func writtenDefaults(of formula: Formula, given: [String: Double]) -> [String: Double?] {
        var defaults: [String: Double?] = [:]
        for (name, value) in formula.parameterValues {
            guard given[name] != nil else {
                defaults[name] = value
                continue
            }
            var others = given
            others[name] = nil
            let written = (try? Formula(parsing: formula.text, parameters: others))?.parameterValues[name]
            defaults.updateValue(written, forKey: name)
        }
        return defaults
    }

    var lines: [String] {
        var lines = [
            "\(info.name)  [\(info.id)]"
                + (info.aliases.isEmpty ? "" : "  also: " + info.aliases.joined(separator: ", ")),
            "",
            "  f(x)  = \(info.formula)",
            "  f′(x) = \(info.derivativeFormula)",
            "",
            "  range              \(info.outputRange)",
            "  family             \(info.family.rawValue)",
            "  smoothness         \(info.smoothness.rawValue)",
            "  zero-centred       \(info.zeroCentred.rawValue)",
        ]
        if let monotonic = info.monotonic {
            lines.append("  monotonic          \(CatalogDocument.yesNo(monotonic))")
            lines.append("  f′ monotonic       \(CatalogDocument.yesNo(info.derivativeMonotonic))")
            lines.append("  ≈ identity near 0  \(CatalogDocument.yesNo(info.approximatesIdentityNearZero))")
        }
        if !info.kinks.isEmpty {
            let points = info.kinks.map { "x = \($0.location(in: values).shortDescription)" }
            lines.append("  kinks              " + points.joined(separator: ", "))
        }
        lines.append("  reference          \(info.reference)")
        return lines + parameterLines
    }

    var parameterLines: [String] {
        guard !info.parameters.isEmpty else { return [] }
        var lines = ["", "  parameters (set with --param NAME=VALUE):"]
        for spec in info.parameters {
            let value = values[spec.name].shortDescription
            let written: Double? = formulaDefaults.map { $0[spec.name] ?? nil } ?? spec.defaultValue
            let note =
                written.map { value == $0.shortDescription ? "default" : "default \($0.shortDescription)" }
                ?? "no default"
            lines.append("    \(spec.name) = \(value)  (\(note); valid \(spec.range))  \(spec.summary)")
        }
        return lines + info.constraints.map { "    requires \($0)" }
    }
}
