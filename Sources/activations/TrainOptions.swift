import ActivationFunctions
import ArgumentParser
import Foundation
import NeuralNet

/// Where the training data comes from.
struct DataOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A catalog dataset (generated, or the bundled real digits): \(Datasets.all.map(\.id).joined(separator: ", ")).",
            valueName: "name"))
    var dataset: String?
    @Option(parsing: .unconditional, help: "Noise, on TensorFlow Playground's scale 0…50 (default: 0).") var noise: Double?
    @Option(parsing: .unconditional, help: "Number of points (default: the dataset's own, e.g. 500).") var count: Int?
    @Option(parsing: .unconditional, help: "Classes for blobs and spiral-arms (default: 3).") var classes: Int?
    @Option(parsing: .unconditional, help: "Seed for the data, the initial weights and the batch order.") var seed: UInt64 = 1
    @Option(help: "Read the data from a CSV file instead.") var csv: String?
    @Flag(help: "The CSV file's first line names its columns.") var header = false
    @Option(help: "The CSV label column: a 1-based index or a header name (default: the last).") var label: String?
    @Flag(help: "The CSV labels are real values (regression), not classes.") var regression = false
    @Option(help: "Input features from 2-D points, e.g. x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2).") var features: String?
    @Option(parsing: .unconditional, help: "Share of the data used for training (the rest is the test set).") var trainFraction = 0.8

    func load() throws -> Dataset {
        switch (dataset, csv) {
        case (let name?, nil):
            // In the option's own units: the generators take noise / 100, and their message named [0, 0.5].
            if let noise, !(0...50).contains(noise) {
                throw CommandFailure.usage("--noise must be between 0 and 50 (TensorFlow Playground's scale), got \(noise)")
            }
            return try Datasets.named(name).generate(
                count: count, noise: (noise ?? 0) / 100, classes: classes ?? 3, seed: seed)
        case (nil, let path?):
            let text = try readText(path)
            let options = CSVOptions(header: header, labelColumn: label, classification: !regression)
            let loaded: LoadedCSV
            do throws(NeuralNetError) { loaded = try CSVLoader.loadReporting(text, options: options) } catch {
                // Its faults name the file, as its warnings do: "points.csv: line 3, column 2: …".
                let kind: CommandFailure.Kind = error.isUsageError ? .usage : .data
                throw CommandFailure(kind: kind, message: "\(path): \(error.description)")
            }
            for warning in loaded.warnings { printWarning("\(path): \(warning)") }
            return loaded.dataset
        default:
            throw CommandFailure.usage("give exactly one of --dataset NAME and --csv FILE")
        }
    }

    /// Refuses options the chosen source would silently ignore: generator settings beside a CSV file,
    /// CSV settings beside a generated dataset, `--classes` for a dataset whose classes are fixed.
    func checkNothingIgnored() throws {
        guard (dataset == nil) != (csv == nil) else {
            throw CommandFailure.usage("give exactly one of --dataset NAME and --csv FILE")
        }
        if csv != nil {
            let given = [("--noise", noise != nil), ("--count", count != nil), ("--classes", classes != nil)]
            if let (name, _) = given.first(where: \.1) {
                throw CommandFailure.usage("\(name) is for generated datasets; a CSV file brings its own points and labels")
            }
        } else {
            if let classes, let name = dataset, let generator = try? Datasets.named(name), !generator.takesClassCount {
                let has = generator.isClassification ? "a fixed set of classes" : "no classes (regression)"
                throw CommandFailure.usage("--classes \(classes): \(name) has \(has); --classes is for blobs and spiral-arms")
            }
            let given = [("--header", header), ("--label", label != nil), ("--regression", regression)]
            if let (name, _) = given.first(where: \.1) {
                throw CommandFailure.usage("\(name) describes a CSV file; give the file with --csv FILE")
            }
        }
    }

    func featureList() throws -> [Feature]? {
        guard let features else { return nil }
        return try features.split(separator: ",").map { name in
            guard let feature = Feature(rawValue: String(name)) else {
                throw CommandFailure.usage(
                    "unknown feature '\(name)'; the features are \(Feature.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return feature
        }
    }
}

/// The network's shape and functions.
struct NetworkOptions: ParsableArguments {
    @Option(help: "Hidden layer widths, e.g. 8,8 (0 or empty: no hidden layer).") var layers = "8,8"
    @Option(
        help:
            "Hidden activation for every layer: any catalog id (relu, prelu, maxout, …) or a formula, e.g. 'f(x)=max(0.1*x, x)' (default: relu)."
    )
    var activation: String?
    @Option(
        help:
            "One activation per hidden layer, e.g. relu,tanh or relu,'f(x)=x*sigmoid(x)' (a comma inside parentheses belongs to a formula)."
    )
    var activations: String?
    @Option(
        help:
            "Output and loss: softmax, sigmoid, tanh, linear or huber (default: sigmoid for two classes, softmax for more, linear to regress)."
    )
    var output: String?
    @Option(help: ArgumentHelp("Initialiser: \(Initializer.allCases.map(\.rawValue).joined(separator: ", "))."))
    var initializer = "glorot-uniform"
    @OptionGroup var parameters: ParameterOptions
    @Option(help: "Arithmetic: double or float.") var precision = "double"

    /// Refuses what the network would not use: both activation options, or either (or `--param`)
    /// with no hidden layer to apply it to.
    func checkNothingIgnored() throws {
        if activation != nil && activations != nil {
            throw CommandFailure.usage("give --activation (every layer) or --activations (one per layer), not both")
        }
        let given = [
            ("--activation", activation != nil), ("--activations", activations != nil),
            ("--param", !parameters.assignments.isEmpty),
        ]
        if try hiddenWidths().isEmpty, let (name, _) = given.first(where: \.1) {
            throw CommandFailure.usage("--layers \(layers) has no hidden layer, so \(name) has nothing to apply to")
        }
    }

    /// The hidden layers' widths: none for "0" or "", else every entry a width ≥ 1 (`8,0,8` and `8,,8`
    /// were read as 8,8 without a word).
    func hiddenWidths() throws -> [Int] {
        let text = layers.trimmingCharacters(in: .whitespaces)
        guard text != "0", !text.isEmpty else { return [] }
        return try text.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { index, entry in
            guard let width = Int(entry.trimmingCharacters(in: .whitespaces)), width >= 1 else {
                throw CommandFailure.usage(
                    "--layers \(NumberText.excerpt(layers)): layer \(index + 1) is '\(NumberText.excerpt(entry))', not a width ≥ 1 "
                        + "(0 alone, or nothing, means no hidden layer)")
            }
            return width
        }
    }

    func apply(to c: inout TrainingConfiguration, classification: Bool, classes: Int) throws {
        c.hidden = try hiddenWidths()
        c.activations = activations.map(ActivationList.split) ?? [activation ?? "relu"]
        c.activationParameters = try parameters.values()
        let outputName = output ?? (classification ? (classes == 2 ? "sigmoid" : "softmax") : "linear")
        guard let head = OutputHead(rawValue: outputName) else {
            throw CommandFailure.usage(
                "--output must be one of \(OutputHead.allCases.map(\.rawValue).joined(separator: ", ")), got '\(outputName)'"
            )
        }
        guard let initializer = Initializer(rawValue: initializer) else {
            throw CommandFailure.usage(
                "--initializer must be one of \(Initializer.allCases.map(\.rawValue).joined(separator: ", ")), "
                    + "got '\(NumberText.excerpt(self.initializer))'")
        }
        guard let precision = TrainingConfiguration.Precision(rawValue: precision) else {
            throw CommandFailure.usage(
                "--precision must be double or float, got '\(NumberText.excerpt(self.precision))'")
        }
        (c.output, c.initializer, c.precision) = (head, initializer, precision)
    }
}

/// The optimiser and the training loop.
struct OptimizationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Optimiser: \(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", "))."))
    var optimizer = "adam"
    @Option(parsing: .unconditional, help: "Learning rate.") var lr = 0.01
    @Option(parsing: .unconditional, help: "Momentum (momentum, nesterov; default: 0.9).") var momentum: Double?
    @Option(parsing: .unconditional, help: "Weight decay (adamw; default: 0.01).") var weightDecay: Double?
    @Option(help: "Regularisation: none, l1 or l2.") var regularization = "none"
    @Option(parsing: .unconditional, help: "Regularisation rate, above 0 (with --regularization l1 or l2).")
    var regularizationRate: Double?
    @Option(help: "Learning-rate schedule: constant, cosine, or step:EVERY:GAMMA.") var schedule = "constant"
    @Option(parsing: .unconditional, help: "Mini-batch size.") var batch = 32
    @Option(parsing: .unconditional, help: "Number of epochs.") var epochs = 100
    @Flag(help: "Keep the data's order instead of reshuffling every epoch.") var noShuffle = false
    @Flag(help: "Do not standardise the inputs.") var noNormalize = false

    /// Refuses a setting the chosen rule or penalty would ignore, rather than dropping it silently.
    func checkNothingIgnored() throws {
        if let kind = OptimizerKind(rawValue: optimizer) {
            if momentum != nil && ![.momentum, .nesterov].contains(kind) {
                throw CommandFailure.usage("--momentum is for --optimizer momentum or nesterov, not \(optimizer)")
            }
            if weightDecay != nil && kind != .adamw {
                throw CommandFailure.usage(
                    "--weight-decay is for --optimizer adamw, not \(optimizer) (for a penalty under any rule: --regularization l2)")
            }
        }
        guard let penalty = Regularization(rawValue: regularization) else { return }  // `apply` names it
        let rate = regularizationRate ?? 0
        if penalty == .none, rate != 0, !rate.isNaN {
            throw CommandFailure.usage("--regularization-rate \(rate) needs --regularization l1 or l2")
        }
        if penalty != .none, rate == 0 {
            throw CommandFailure.usage(
                "--regularization \(regularization) needs --regularization-rate R above 0 (at 0 the penalty does nothing)")
        }
    }

    func apply(to c: inout TrainingConfiguration) throws {
        guard let kind = OptimizerKind(rawValue: optimizer) else {
            throw CommandFailure.usage(
                "--optimizer must be one of \(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")), "
                    + "got '\(NumberText.excerpt(optimizer))'")
        }
        guard let penalty = Regularization(rawValue: regularization) else {
            throw CommandFailure.usage(
                "--regularization must be none, l1 or l2, got '\(NumberText.excerpt(regularization))'")
        }
        guard let plan = LearningRateSchedule.parse(schedule, epochs: epochs) else {
            throw CommandFailure.usage(
                "--schedule must be constant, cosine or step:EVERY:GAMMA (e.g. step:50:0.5), got '\(schedule)'")
        }
        c.optimizer = OptimizerSettings(kind: kind, learningRate: lr)
        (c.optimizer.momentum, c.optimizer.weightDecay) = (momentum ?? 0.9, weightDecay ?? 0.01)
        (c.optimizer.regularization, c.optimizer.regularizationRate) = (penalty, regularizationRate ?? 0)
        (c.schedule, c.batchSize, c.epochs, c.shuffle, c.normalize) = (plan, batch, epochs, !noShuffle, !noNormalize)
    }
}
