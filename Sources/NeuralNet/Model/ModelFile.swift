import Foundation

/// A trained model as JSON: architecture, weights, and how to prepare inputs (feature map and
/// normalisation), so `activations predict` reproduces the network's outputs.
public struct ModelFile: Codable, Sendable, Equatable {
    /// One dense layer of the file, input side first.
    public struct Layer: Codable, Sendable, Equatable {
        /// The activation's catalog id (the output layer's is `identity`).
        public var activation: String
        /// The activation's catalog parameters by name, such as `alpha`; empty for none.
        public var parameters: [String: Double]
        /// inputs × sums, row by row.
        public var weights: [[Double]]
        /// b: one entry per weighted sum.
        public var bias: [Double]
        /// Learned activation parameters (PReLU slopes).
        public var learned: [Double]
    }

    /// Always `activationlab-model`; loading refuses any other.
    public var format = "activationlab-model"
    /// The file format's version: 1, the only one loading accepts.
    public var version = 1
    /// The output function and its loss.
    public var head: OutputHead
    /// The raw columns the model reads (before the feature map).
    public var inputNames: [String]
    /// Playground features computed from (x1, x2), or nil to use the raw columns.
    public var features: [Feature]?
    /// Applied after the feature map, as in training.
    public var normalization: Normalization
    /// The class names in output order; empty for regression.
    public var classNames: [String]
    /// The layers, input side first, the output layer last.
    public var layers: [Layer]

    /// The file for `network` (its numbers converted to `Double`) and the preparation of its inputs.
    public init<T>(
        network: Network<T>, inputNames: [String], features: [Feature]?, normalization: Normalization,
        classNames: [String]
    ) {
        head = network.head
        (self.inputNames, self.features, self.normalization, self.classNames) = (
            inputNames, features, normalization, classNames
        )
        layers = network.layers.map { layer in
            Layer(
                activation: layer.activation.id, parameters: layer.activation.parameters,
                weights: (0..<layer.weights.rows).map { layer.weights.row($0).map(Double.init) },
                bias: layer.bias.map(Double.init), learned: layer.activationParameters.map(Double.init))
        }
    }

    /// Raw input rows → what the first layer reads.
    public func prepare(_ raw: Matrix<Double>) throws(NeuralNetError) -> Matrix<Double> {
        guard raw.columns == inputNames.count else {
            throw .shapeMismatch(
                "the model reads \(inputNames.count) columns (\(inputNames.joined(separator: ", "))), the input has \(raw.columns)"
            )
        }
        var inputs = raw
        if let features {
            let dataset = Dataset(
                inputs: raw, labels: .values(Matrix(rows: raw.rows, columns: 0)), featureNames: inputNames)
            inputs = try Feature.map(dataset, features).inputs
        }
        if let problem = normalization.problem(features: inputs.columns) { throw .invalidModel(problem) }
        let prepared = normalization.apply(inputs)
        if let bad = prepared.storage.firstIndex(where: { !$0.isFinite }) {
            let (row, column) = (bad / prepared.columns, bad % prepared.columns)
            throw .invalidData(
                "point \(row + 1): input \(column + 1) is \(inputs[row, column]), which the model's normalisation "
                    + "(mean \(normalization.mean[column]), standard deviation \(normalization.standardDeviation[column])) turns into \(prepared.storage[bad])"
            )
        }
        return prepared
    }

    /// The file as pretty-printed JSON with sorted keys. Throws when a number is NaN or ±∞, which
    /// JSON cannot hold: training never leaves one, but every field can be set by hand (a NaN mean
    /// in `normalization` stopped the program here).
    public func encoded() throws(NeuralNetError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { return try encoder.encode(self) } catch {
            var field = "a number"
            if case EncodingError.invalidValue(let value, let context) = error {
                let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                field = "\(path.hasPrefix(".") ? String(path.dropFirst()) : path) = \(value)"
            }
            throw .invalidModel("\(field) is not a finite number, which a model file cannot hold")
        }
    }

    /// The file's model, refusing a key given twice (see `JSONDuplicateKeys`). Call `network()` (or
    /// `validate()`) before using it: decoding checks only the types.
    public static func decode(_ data: Data) throws(NeuralNetError) -> ModelFile {
        if let duplicate = JSONDuplicateKeys.first(in: data) { throw .invalidModel("the key \(duplicate)") }
        do { return try JSONDecoder().decode(ModelFile.self, from: data) } catch {
            if case .dataCorrupted(let context) = error as? DecodingError, context.codingPath.isEmpty {
                // The decoder says only "not valid JSON", with no position, for a syntax error and for a
                // number that does not fit its field ("version": 1e300) alike.
                throw .invalidModel(
                    DecodingFailure.syntaxError(in: data) ?? DecodingFailure.valueThatDoesNotFit(in: data, as: ModelFile.self))
            }
            throw .invalidModel(DecodingFailure.describe(error))
        }
    }
}
