import ActivationFunctions

/// The whole model file checked against its architecture before any of it is used (by `predict`,
/// by the playground's Import, by anyone who calls `network()`): every error names the field, e.g.
/// `layers[1].bias has 3 values for 4 sums`. A file that passes cannot crash or mislead a prediction.
extension ModelFile {
    /// How many columns the first layer reads: the features, or else the raw inputs.
    public var featureCount: Int { features?.count ?? inputNames.count }

    /// The network, after every field is checked (see `validate`).
    public func network() throws(NeuralNetError) -> Network<Double> {
        try validate()
        var built: [DenseLayer<Double>] = []
        for (index, layer) in layers.enumerated() {
            built.append(
                DenseLayer(
                    weights: Matrix(layer.weights), bias: layer.bias,
                    activation: try activation(index), activationParameters: layer.learned))
        }
        return Network(layers: built, head: head)
    }

    /// Checks the format, the inputs and features, the normalisation, every layer's shapes and
    /// values, and the class names against the head.
    public func validate() throws(NeuralNetError) {
        guard format == "activationlab-model", version == 1 else {
            throw .invalidModel("unknown format \(format) version \(version)")
        }
        guard !inputNames.isEmpty else {
            throw .invalidModel("inputNames is empty; the model must read at least one column")
        }
        if let features {
            guard !features.isEmpty else {
                throw .invalidModel("features is empty (leave it out to read the raw columns)")
            }
            guard inputNames.count == 2 else {
                throw .invalidModel(
                    "features are computed from 2-D points, but inputNames has \(inputNames.count) columns")
            }
        }
        if let problem = normalization.problem(features: featureCount) { throw .invalidModel(problem) }
        guard !layers.isEmpty else { throw .invalidModel("layers is empty") }
        var inputs = featureCount
        for index in layers.indices { inputs = try checkLayer(index, inputs: inputs) }
        guard layers[layers.count - 1].activation.lowercased() == "identity" else {
            throw .invalidModel(
                "layers[\(layers.count - 1)].activation is \(layers[layers.count - 1].activation); the output layer's is identity (the head applies \(head.rawValue))"
            )
        }
        try checkHead(outputs: inputs)
    }

    /// Checks layer `index` reading `inputs` columns; returns how many units it gives the next one.
    func checkLayer(_ index: Int, inputs: Int) throws(NeuralNetError) -> Int {
        let layer = layers[index]
        let name = "layers[\(index)]"
        let activation = try activation(index)
        guard layer.weights.count == inputs else {
            let source =
                index == 0
                ? "the model's \(features == nil ? "inputs" : "features") give" : "layers[\(index - 1)] gives"
            throw .invalidModel("\(name).weights has \(layer.weights.count) rows, but \(source) \(inputs) inputs")
        }
        let sums = layer.weights[0].count
        if let row = layer.weights.firstIndex(where: { $0.count != sums }) {
            throw .invalidModel("\(name).weights[\(row)] has \(layer.weights[row].count) values, row 0 has \(sums)")
        }
        let units: Int
        do { units = try activation.units(forSums: sums) } catch {
            throw .invalidModel(
                "\(name).weights has \(sums) columns, which do not fit \(layer.activation): \(error.description)")
        }
        guard sums >= 1, units >= 1 else { throw .invalidModel("\(name).weights has no columns") }
        guard layer.bias.count == sums else {
            throw .invalidModel("\(name).bias has \(layer.bias.count) values for \(sums) sums")
        }
        try Self.checkFinite(layer.weights.joined(), "\(name).weights")
        try Self.checkFinite(layer.bias, "\(name).bias")
        try checkLearned(index, activation: activation, units: units)
        return units
    }

    func checkLearned(_ index: Int, activation: HiddenActivation, units: Int) throws(NeuralNetError) {
        let learned = layers[index].learned
        let name = "layers[\(index)].learned"
        guard case .learned(_, _, let shared) = activation else {
            guard learned.isEmpty else {
                throw .invalidModel("\(name) has \(learned.count) values; \(layers[index].activation) learns none")
            }
            return
        }
        let perUnit = activation.learnedParameterCount
        let expected = perUnit * (shared ? 1 : units)
        guard learned.count == expected else {
            let how = shared ? "one shared set" : "one set per unit (\(units) units)"
            throw .invalidModel(
                "\(name) has \(learned.count) values; \(activation.id) with \(how) of \(perUnit) needs \(expected)")
        }
        try Self.checkFinite(learned, name)
    }

    /// The head against the outputs and the class names.
    func checkHead(outputs: Int) throws(NeuralNetError) {
        switch head {
        case .softmax:
            guard classNames.count >= 2, classNames.count == outputs else {
                throw .invalidModel(
                    "classNames has \(classNames.count) names, but the softmax head has \(outputs) outputs (one per class, at least 2)"
                )
            }
        // Tanh classifies when it has class names.
        case _ where head == .sigmoid || (head == .tanh && !classNames.isEmpty):
            guard classNames.count == 2, outputs == 1 else {
                throw .invalidModel(
                    "the \(head.rawValue) head separates 2 classes with 1 output; the file has \(classNames.count) classNames and \(outputs) outputs"
                )
            }
        default:
            guard classNames.isEmpty else {
                throw .invalidModel(
                    "classNames has \(classNames.count) names, but the \(head.rawValue) head is for regression")
            }
        }
        if let long = classNames.first(where: { $0.count > CSVClassLabels.maxNameLength }) {
            throw .invalidModel(
                "classNames: '\(NumberText.excerpt(long))' is longer than \(CSVClassLabels.maxNameLength) characters")
        }
        if let duplicate = Dictionary(grouping: classNames, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw .invalidModel("classNames names '\(NumberText.excerpt(duplicate))' twice")
        }
    }

    func activation(_ index: Int) throws(NeuralNetError) -> HiddenActivation {
        do { return try HiddenActivation.named(layers[index].activation, parameters: layers[index].parameters) } catch {
            throw .invalidModel("layers[\(index)].activation: \(error.description)")
        }
    }

    static func checkFinite(_ values: some Sequence<Double>, _ name: String) throws(NeuralNetError) {
        for (index, value) in values.enumerated() where !value.isFinite {
            throw .invalidModel("\(name) holds \(value) (value \(index)); every number must be finite")
        }
    }
}
