import ActivationFunctions
import ArgumentParser
import Foundation
import Lab
import NeuralNet

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a small network on a generated dataset or a CSV file, and watch what the activations do.",
        discussion: """
            Prints a line per epoch (a progress bar on a terminal) and a summary: losses, accuracy, and per layer \
            the mean gradient magnitudes (vanishing gradients), dead units and exact zeros (sparsity).

            Examples:
              activations train --dataset spiral --layers 16,16 --activation tanh --epochs 300
              activations train --dataset circle --activation relu --lr 0.3 --optimizer sgd   # watch units die
              activations train --csv points.csv --header --label class --layers 8 --save model.json
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var optimization: OptimizationOptions

    @Option(help: "Save the trained model as JSON.") var save: String?
    @Option(help: "Write per-epoch metrics as CSV.") var metrics: String?
    @Option(help: "Write an HTML report (loss, gradient flow, dead units, decision boundary) into this folder.")
    var report: String?
    @Flag(help: "Print only one JSON object with the configuration and final scores.") var json = false
    @Option(help: .hidden) var trace: String?

    func run() throws {
        try reportingFailures {
            try checkOutputPaths()
            // Before any data is read or generated: an option the run would ignore is a usage error.
            try data.checkNothingIgnored()
            try network.checkNothingIgnored()
            try optimization.checkNothingIgnored()
            let dataset = try data.load()
            let configuration = try makeConfiguration(for: dataset)
            var session = try TrainingSession(configuration: configuration, data: dataset)
            session.recordsStepLosses = trace != nil
            let progress = TrainingProgress(total: configuration.epochs, quiet: json)
            while !session.isFinished {
                progress.report(try session.runEpoch())
            }
            progress.finish()
            try write(session, inputNames: dataset.featureNames)
            print(json ? TrainingResult(session).json() : TrainingSummary(session: session).text)
        }
    }

    func makeConfiguration(for dataset: Dataset) throws -> TrainingConfiguration {
        var c = TrainingConfiguration()
        try network.apply(to: &c, classification: dataset.isClassification, classes: dataset.classNames.count)
        try optimization.apply(to: &c)
        c.features = try data.featureList()
        (c.trainFraction, c.seed) = (data.trainFraction, data.seed)
        return c
    }

    /// Refuses an output path that cannot be written before training, so that no run is lost to it.
    func checkOutputPaths() throws {
        // The data file too: `--csv d.csv --metrics d.csv` would overwrite the data. Links are followed.
        let files = [("--csv", data.csv), ("--save", save), ("--trace", trace), ("--metrics", metrics)].compactMap {
            name, path in path.map { (name, $0, URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path) }
        }
        for (index, (name, path, resolved)) in files.enumerated() {
            if let (other, _, _) = files[..<index].first(where: { $0.2 == resolved }) {
                throw CommandFailure.usage("\(other) and \(name) both name \(path): one would overwrite the other")
            }
        }
        for path in [save, trace, metrics].compactMap({ $0 }) {
            if let problem = OutputPath.fileProblem(path) {
                throw CommandFailure.usage("cannot write \(path): \(problem)")
            }
        }
        if let report, let problem = OutputPath.directoryProblem(report) {
            throw CommandFailure.usage("cannot write the report into \(report): \(problem)")
        }
    }

    func write(_ session: TrainingSession, inputNames: [String]) throws {
        if let save {
            try writeFile(session.modelFile(inputNames: inputNames).encoded(), to: save)
        }
        if let trace {
            try writeFile(TrainingTrace(session).json(), to: trace)
        }
        if let metrics {
            try writeFile(Data(MetricsCSV.render(session.history).utf8), to: metrics)
        }
        if let report {
            let name = data.dataset ?? URL(fileURLWithPath: data.csv ?? "data").lastPathComponent
            _ = try writeDirectory(report, what: "the report") {
                try TrainingReport(session: session, dataName: name).write(to: $0)
            }
        }
    }
}
