import ActivationFunctions
import ArgumentParser
import Foundation
import NeuralNet

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Apply a saved model (activations train --save) to points read as CSV.",
        discussion: """
            Reads one point per line (the model's input columns, comma-separated) from FILE or standard input \
            and writes CSV: for a classifier the class and each class's probability, for regression the values.

            Example:
              activations train --dataset xor --layers 8 --save xor.json
              printf '1,1\\n-2,3\\n' | activations predict --model xor.json
            """
    )

    @Option(help: "The model file written by `activations train --save`.") var model: String
    @Flag(help: "The input's first line names its columns.") var header = false
    @Argument(help: "CSV input (default: standard input).") var input: String?

    func run() throws {
        try reportingFailures {
            let file = try ModelFile.decode(Data(try readText(model).utf8))
            let network = try file.network()
            let text = try readInput()
            let points = try CSVLoader.loadPoints(
                text, header: header, columns: file.inputNames.count, names: file.inputNames)
            let prepared = try file.prepare(points)
            let outputs = network.predict(prepared)
            if let row = (0..<outputs.rows).first(where: { outputs.row($0).contains { !$0.isFinite } }) {
                throw CommandFailure.data(
                    "point \(row + 1) (\(points.row(row).map { "\($0)" }.joined(separator: ","))): the model's "
                        + "output is \(outputs.row(row).map { "\($0)" }.joined(separator: ",")), not a number it can "
                        + "answer with; " + Self.why(prepared.row(row), file))
            }
            print(Prediction(file: file, outputs: outputs).csv(), terminator: "")
        }
    }

    /// Why a point's output is not finite, as far as the model tells: the point's distance from the
    /// training data (in the model's own standard deviations), and the activations it computes.
    static func why(_ standardized: some Collection<Double>, _ file: ModelFile) -> String {
        let hidden = file.layers.count > 1 ? file.layers.dropLast() : file.layers[...]  // the output layer's is fixed
        let functions = Array(Set(hidden.map(\.activation))).sorted()
        let activations = "\(functions.count == 1 ? "its activation" : "its activations") "
            + functions.map { "'\(NumberText.excerpt($0, limit: 60))'" }.joined(separator: ", ")
        let distance = standardized.map(abs).max() ?? 0
        // Within a few standard deviations the point is like the training data: the activation
        // itself gave NaN or ±∞ there (a formula dividing by zero, say).
        guard distance > 6 else { return "\(activations) gave NaN or ±∞ for this point" }
        return "the point is \(Int(distance)) standard deviations from the mean of the data the model was "
            + "trained on, and \(activations) give NaN or ±∞ this far out"
    }

    func readInput() throws -> String {
        if let input { return try readText(input) }
        return String(decoding: try readAll(FileHandle.standardInput, naming: "standard input"), as: UTF8.self)
    }
}
