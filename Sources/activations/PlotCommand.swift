import ActivationFunctions
import ArgumentParser
import Foundation
import Lab
import Plotting

struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw functions as SVG charts, or write the gallery of every function.",
        discussion: """
            Examples:
              activations plot sigmoid --both -o sigmoid.svg
              activations plot leaky-relu --param slope=0.2 --range -3:3 > leaky.svg
              activations plot --compare relu,sigmoid,tanh --derivative -o slopes.svg
              activations plot 'f(x) = x*tanh(softplus(x))' --both -o mine.svg
              activations plot --compare "relu,f(x)=max(0.1*x, x)"   (a comma inside parentheses belongs to a formula)
              activations plot softmax          (outputs of softmax([x, 0, 1]) as x varies)
              activations plot --all -o gallery (gallery/index.html, one card per function)

            Without -o the SVG goes to standard output.
            """
    )

    @Argument(help: "Function id or alias (see `activations list`), or a formula such as 'f(x) = x*sigmoid(x)'.")
    var id: String?

    @Flag(help: "Draw the derivative f′ instead of f.")
    var derivative = false

    @Flag(help: "Draw f and f′ together.")
    var both = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The x interval, e.g. --range -3:3 (default: the function's own).", valueName: "a:b"))
    var range: String?

    @OptionGroup var parameters: ParameterOptions

    @Option(
        help: ArgumentHelp(
            "Overlay several functions, e.g. relu,sigmoid,tanh or \"relu,f(x)=max(0.1*x, x)\".", valueName: "ids"))
    var compare: String?

    @Flag(help: "Write the gallery of every function (index.html and one SVG per function) into the -o directory.")
    var all = false

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Write to this file (a directory for --all).", valueName: "path"))
    var output: String?

    func run() throws {
        try reportingFailures {
            let request = try PlotRequest(self)
            try request.perform(output: output)
        }
    }
}
