import ArgumentParser

@main
struct ActivationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activations",
        abstract: "Activation functions of neural networks: values, derivatives, properties and plots.",
        discussion: """
            A neuron computes a weighted sum of its inputs plus a bias; the activation function decides \
            how strongly it fires. This tool lists the catalog, shows a function with its derivative, and \
            evaluates either exactly, in Double or Float.

            Exit codes: 0 success, 64 usage error (unknown function or parameter), 65 bad input data.
            """,
        version: Version.description,
        subcommands: [
            ListCommand.self, ShowCommand.self, EvalCommand.self, PlotCommand.self, BenchCommand.self,
            TrainCommand.self, PredictCommand.self, ExperimentCommand.self, ReportCommand.self, ServeCommand.self,
        ]
    )
}
