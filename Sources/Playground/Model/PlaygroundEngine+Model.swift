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
            throw .bad("the playground settings in the file do not read: \(DecodingFailure.describe(error))")
        }
        new.features = file.features ?? new.features
        let hidden = network.layers.dropLast()
        guard file.inputNames.count == 2, network.inputCount == new.features.count else {
            throw PlaygroundError(
                .unprocessable,
                "the model reads \(file.inputNames.count) columns; the playground's models read 2 (x1, x2)")
        }
        guard hidden.map(\.units) == new.networkShape,
            hidden.map(\.activation.id) == new.networkShape.indices.map(new.activation(ofLayer:))
        else {
            throw PlaygroundError(
                .unprocessable,
                "the weights do not match the file's playground settings (layers \(hidden.map(\.units)) vs \(new.networkShape))"
            )
        }
        if new.dataset == PlaygroundLimits.customDataset && uploaded == nil && upload == nil {
            new.dataset = new.problem == .regression ? "reg-plane" : "circle"
        }
        try limits.validate(new)
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
