import ArgumentParser
import Foundation

@main
struct ActivationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activations",
        abstract: "Activation functions of neural networks: values, derivatives, properties and plots.",
        discussion: """
            A neuron computes a weighted sum of its inputs plus a bias; the activation function decides \
            how strongly it fires. This tool lists the catalog, shows a function with its derivative, and \
            evaluates either exactly, in Double or Float.

            Exit codes: 0 success, 64 usage error (unknown function or parameter), 65 bad input data, \
            69 serve could not listen (the port is in use), 74 standard output or an output file could not \
            be written (a full disk, no permission). A missing input file is a usage error.
            """,
        version: Version.description,
        subcommands: [
            ListCommand.self, ShowCommand.self, EvalCommand.self, PlotCommand.self, BenchCommand.self,
            TrainCommand.self, PredictCommand.self, ExperimentCommand.self, ReportCommand.self, ServeCommand.self,
        ]
    )

    /// ArgumentParser's own `main`, then standard output flushed and its write errors reported
    /// (`StandardOutput.finish`): a full disk is an error, not a silent exit 0. `eval`'s numbers
    /// bypass ArgumentParser, whose parsing is quadratic in the argument count (`EvalArguments`).
    static func main() async {
        do {
            let (arguments, values) = EvalArguments.separate(Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot(arguments)
            if var eval = command as? EvalCommand {
                eval.inputs += values
                command = eval
            }
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if let status = StandardOutput.finish() { exit(withError: ExitCode(status)) }
            exit(withError: error)
        }
        if let status = StandardOutput.finish() { exit(withError: ExitCode(status)) }
    }
}
