import ActivationFunctions
import Foundation
import NeuralNet

extension PlaygroundEngine {
    /// The model as `activations train --save` writes it, plus a `playground` key holding the
    /// configuration, `addedPoints` the clicked points and `uploadedPoints` an uploaded CSV's points:
    /// `activations predict --model` reads the file, and Import restores the page.
    public func exportModel() -> Data {
        let file = ModelFile(
            network: network, inputNames: ["x1", "x2"], features: config.features,
            normalization: data.normalization, classNames: data.rawTrain.classNames)
        var object = (try? JSONSerialization.jsonObject(with: file.encoded())) as? [String: Any] ?? [:]
        object["playground"] = Self.jsonObject(config)
        if !added.isEmpty { object["addedPoints"] = Self.jsonObject(added) }
        if config.dataset == PlaygroundLimits.customDataset, let uploaded {
            object["uploadedPoints"] = Self.jsonObject(UploadedPoints(uploaded, warnings: uploadWarnings))
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    }

    private static func jsonObject(_ value: some Encodable) -> Any {
        (try? JSONSerialization.jsonObject(with: JSONEncoder().encode(value))) ?? NSNull()
    }

    private struct Extra: Decodable {
        var playground: PlaygroundConfig?
        var addedPoints: [AddedPoint]?
        var uploadedPoints: UploadedPoints?
    }

    /// Which number of a model file's playground part does not fit its field: searched in the settings
    /// alone when they are what does not read (a search over the whole file decodes it once per number,
    /// and uploaded points make an export large: at 140 KB it gave up), else in the file.
    private static func numberThatDoesNotFit(in json: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
            let settings = object["playground"] as? [String: Any],
            let data = try? JSONSerialization.data(withJSONObject: settings),
            (try? JSONDecoder().decode(PlaygroundConfig.self, from: data)) == nil
        {
            return DecodingFailure.valueThatDoesNotFit(in: data, as: PlaygroundConfig.self, within: "playground")
        }
        return DecodingFailure.valueThatDoesNotFit(in: json, as: Extra.self)
    }

    /// Loads an exported model (or any `train --save` file with 2-D inputs and features): its
    /// configuration, its normalisation and its weights, which become the ones Reset returns to.
    public mutating func importModel(_ json: Data) throws(PlaygroundError) {
        let file = try lift { () throws(NeuralNetError) in try ModelFile.decode(json) }
        let network = try lift { () throws(NeuralNetError) in try file.network() }
        for (index, layer) in network.layers.enumerated() {
            let values = layer.weights.storage + layer.bias
            guard let bad = values.first(where: { !(abs($0) <= PlaygroundLimits.maxValue) }) else { continue }
            throw PlaygroundError(
                .unprocessable,
                "layer \(index + 1) has a weight or bias of \(bad); the playground takes them of at most "
                    + "\(Int(PlaygroundLimits.maxValue)) in size")
        }
        var new: PlaygroundConfig
        var points: [AddedPoint]?
        var upload: Dataset?
        let warnings: [String]
        do {
            let extra = try JSONDecoder().decode(Extra.self, from: json)
            new = try extra.playground ?? derivedConfig(file, network)
            points = extra.addedPoints
            upload = try extra.uploadedPoints?.dataset(limits: limits)
            warnings = extra.uploadedPoints?.warnings ?? []
        } catch let error as PlaygroundError {
            throw error
        } catch {
            // This toolchain's decoder calls a number that does not fit its field "not valid JSON" (the
            // file is valid: ModelFile read it), with no path: find the number.
            var reason = DecodingFailure.describe(error)
            if case .dataCorrupted(let context) = error as? DecodingError, context.codingPath.isEmpty {
                reason = Self.numberThatDoesNotFit(in: json)
            }
            throw .bad("the playground settings in the file do not read: \(reason)")
        }
        new.features = file.features ?? new.features
        let hidden = network.layers.dropLast()
        guard file.inputNames.count == 2, network.inputCount == new.features.count else {
            throw PlaygroundError(
                .unprocessable,
                "the model reads \(file.inputNames.count) columns; the playground's models read 2 (x1, x2)")
        }
        guard hidden.map(\.units) == new.networkShape else {
            throw PlaygroundError(
                .unprocessable,
                "the weights do not match the file's playground settings (layers \(hidden.map(\.units)) vs \(new.networkShape))"
            )
        }
        try Self.checkActivations(of: Array(hidden), against: new)
        if new.dataset == PlaygroundLimits.customDataset && uploaded == nil && upload == nil {
            new.dataset = new.problem == .regression ? "reg-plane" : "circle"
        }
        try limits.validate(new)
        if points == nil { try checkAddedPointsFit(new.problem) }  // else the file's points replace them
        let saved = self
        do {
            if points != nil { added = [] }  // the file's points replace the clicked ones
            if let upload, new.dataset == PlaygroundLimits.customDataset {
                (uploaded, uploadWarnings) = (upload, warnings)
                try replaceData(with: new)
            } else if new.dataKey != config.dataKey {
                try replaceData(with: new)
            }
            config = new
            data = try PreparedData(raw: source, added: added, config: new, normalization: file.normalization)
            guard network.outputCount == (network.head == .softmax ? data.classCount : 1),
                network.head == new.head(classCount: data.classCount)
            else {
                throw PlaygroundError(
                    .unprocessable,
                    "the model's output (\(network.head.rawValue), \(network.outputCount) unit(s)) does not fit this data"
                )
            }
            if let points { try add(points) }
            initial = network
            dataVersion += 1
            try reset()
        } catch let error as PlaygroundError {
            self = saved
            throw error
        } catch {
            self = saved
            throw .bad("\(error)")
        }
    }

    /// Each hidden layer's activation and parameters as the file's settings name them: an edited `alpha`
    /// in a layer trained with it while the settings (and so the page, the link and the next reset) said
    /// another, or another function, was accepted or named as a shape mismatch.
    static func checkActivations(of hidden: [DenseLayer<Double>], against config: PlaygroundConfig)
        throws(PlaygroundError)
    {
        for (index, layer) in hidden.enumerated() {
            let id = config.activation(ofLayer: index)
            let named = try? HiddenActivation.named(id, parameters: config.parameters(ofLayer: index))
            let settings = named.map(Self.effectiveParameters)
            let trained = Self.effectiveParameters(layer.activation)
            guard named?.id == layer.activation.id, settings == trained else {
                func show(_ id: String, _ parameters: [String: Double]?) -> String {
                    let list = (parameters ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                    return NumberText.excerpt(id, limit: 40) + (list.isEmpty ? "" : " (\(list.joined(separator: ", ")))")
                }
                throw PlaygroundError(
                    .unprocessable,
                    "layer \(index + 1): the weights were trained with \(show(layer.activation.id, trained)), but the "
                        + "file's playground settings say \(show(id, settings))")
            }
        }
    }

    /// Every parameter's value, defaults included, so that a default given or left out compares equal.
    static func effectiveParameters(_ activation: HiddenActivation) -> [String: Double] {
        if case .function(let f, _) = activation, let formula = f as? Formula { return formula.parameterValues }
        guard let values = try? activation.info.validate(activation.parameters.filter { $0.key != "shared" }) else {
            return activation.parameters
        }
        return activation.parameters["shared"].map { values.values.merging(["shared": $0]) { a, _ in a } } ?? values.values
    }

    /// Playground settings for a plain `train --save` file: its layers, activations and features.
    private func derivedConfig(_ file: ModelFile, _ network: Network<Double>) throws(PlaygroundError)
        -> PlaygroundConfig
    {
        guard file.features != nil else {
            throw PlaygroundError(
                .unprocessable,
                "the model was not trained on playground features (x1, x2, x1², …); save it with --features or from the playground"
            )
        }
        var new = config
        let hidden = network.layers.dropLast()
        new.networkShape = hidden.map(\.units)
        new.activations = hidden.isEmpty ? ["tanh"] : hidden.map(\.activation.id)
        new.activationParameters = Dictionary(
            uniqueKeysWithValues: hidden.enumerated().map { (String($0.offset), $0.element.activation.parameters) })
        new.problem = network.head == .linear || network.head == .huber ? .regression : .classification
        if new.problem == .classification, network.head != .softmax { new.output = network.head }
        if new.problem != config.problem { new.dataset = new.problem == .regression ? "reg-plane" : "circle" }
        new.normalize = file.normalization != .identity(file.normalization.mean.count)
        return new
    }
}
