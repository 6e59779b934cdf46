import Foundation

/// A trained model as JSON: architecture, weights, and how to prepare inputs (feature map and
/// normalisation), so `activations predict` reproduces the network's outputs.
public struct ModelFile: Codable, Sendable, Equatable {
    public struct Layer: Codable, Sendable, Equatable {
        public var activation: String
        public var parameters: [String: Double]
        /// inputs × sums, row by row.
        public var weights: [[Double]]
        public var bias: [Double]
        /// Learned activation parameters (PReLU slopes).
        public var learned: [Double]
    }

    public var format = "activationlab-model"
    public var version = 1
    public var head: OutputHead
    /// The raw columns the model reads (before the feature map).
    public var inputNames: [String]
    /// Playground features computed from (x1, x2), or nil to use the raw columns.
    public var features: [Feature]?
    public var normalization: Normalization
    public var classNames: [String]
    public var layers: [Layer]

    public init<T>(network: Network<T>, inputNames: [String], features: [Feature]?, normalization: Normalization, classNames: [String]) {
        head = network.head
        (self.inputNames, self.features, self.normalization, self.classNames) = (inputNames, features, normalization, classNames)
        layers = network.layers.map { layer in
            Layer(activation: layer.activation.id, parameters: layer.activation.parameters,
                  weights: (0..<layer.weights.rows).map { layer.weights.row($0).map(Double.init) },
                  bias: layer.bias.map(Double.init), learned: layer.activationParameters.map(Double.init))
        }
    }

    /// The network, checked layer by layer.
    public func network() throws(NeuralNetError) -> Network<Double> {
        guard format == "activationlab-model", version == 1 else { throw .invalidModel("unknown format \(format) version \(version)") }
        guard !layers.isEmpty else { throw .invalidModel("no layers") }
        var built: [DenseLayer<Double>] = []
        for (index, layer) in layers.enumerated() {
            let activation = try HiddenActivation.named(layer.activation, parameters: layer.parameters)
            let columns = layer.weights.first?.count ?? 0
            guard !layer.weights.isEmpty, layer.weights.allSatisfy({ $0.count == columns }), layer.bias.count == columns else {
                throw .invalidModel("layer \(index + 1): the weights are not a rectangle matching the bias")
            }
            try Self.check(layer, activation, columns: columns, index: index + 1)
            if let previous = built.last, previous.units != layer.weights.count {
                throw .invalidModel("layer \(index + 1) takes \(layer.weights.count) inputs, but layer \(index) gives \(previous.units)")
            }
            built.append(DenseLayer(weights: Matrix(layer.weights), bias: layer.bias, activation: activation, activationParameters: layer.learned))
        }
        return Network(layers: built, head: head)
    }

    /// A layer's sums fit its activation (maxout: a multiple of the pieces) and its learned
    /// parameters are one set per unit or one shared set.
    static func check(_ layer: Layer, _ activation: HiddenActivation, columns: Int, index: Int) throws(NeuralNetError) {
        let units: Int
        do { units = try activation.units(forSums: columns) } catch {
            throw .invalidModel("layer \(index): \(columns) sums do not fit \(activation.id): \(error)")
        }
        let perUnit = activation.learnedParameterCount
        let allowed = perUnit == 0 ? [0] : [perUnit, perUnit * units]
        guard allowed.contains(layer.learned.count) else {
            throw .invalidModel("layer \(index): \(layer.learned.count) learned parameters for \(activation.id), "
                + "expected \(allowed.map(String.init).joined(separator: " or "))")
        }
    }

    /// Raw input rows → what the first layer reads.
    public func prepare(_ raw: Matrix<Double>) throws(NeuralNetError) -> Matrix<Double> {
        guard raw.columns == inputNames.count else {
            throw .shapeMismatch("the model reads \(inputNames.count) columns (\(inputNames.joined(separator: ", "))), the input has \(raw.columns)")
        }
        var inputs = raw
        if let features {
            let dataset = Dataset(inputs: raw, labels: .values(Matrix(rows: raw.rows, columns: 0)), featureNames: inputNames)
            inputs = try Feature.map(dataset, features).inputs
        }
        return normalization.apply(inputs)
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try! encoder.encode(self)  // every number in a trained model is finite (training stops otherwise)
    }

    public static func decode(_ data: Data) throws(NeuralNetError) -> ModelFile {
        do { return try JSONDecoder().decode(ModelFile.self, from: data) } catch {
            throw .invalidModel("\(error)")
        }
    }
}
