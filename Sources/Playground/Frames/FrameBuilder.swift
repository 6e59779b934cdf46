import ActivationFunctions
import Foundation
import NeuralNet

/// The drawn parts of a frame, computed from the engine's network in two batched passes: one
/// forward and backward over the training set (gradients, dead units, histograms) and one forward
/// over the 100×100 grid (every neuron's output; hidden units are sent as 25×25 thumbnails but the
/// focused one, the output at 100×100).
struct FrameContent: Sendable {
    var network: NetworkView
    var grids: GridSet
    var collapse: CollapseView
    var milliseconds: Double
}

extension PlaygroundEngine {
    /// The frame's pictures; the input grids only when asked (they change only with the data), the
    /// `shown.focus` unit at full size, and the collapse's maps only when `shown.collapse`.
    func frameContent(includeInputs: Bool = true, shown: Shown = .everything) -> FrameContent {
        let focus = shown.focus
        let start = Date()
        let net = network
        let trained = trainingPass()
        let layers = net.layers.indices.map { index in
            layerView(
                net.layers[index], cache: trained?.caches[index], gradients: trained?.gradients[index],
                isOutput: index == net.layers.count - 1)
        }
        let outputs = GridForward.outputs(net, data.gridInputs)
        let size = PreparedData.gridSize
        let hidden = outputs.dropLast().enumerated().map { layer, output in
            GridPictures.layer(
                output, size: size, factor: size / GridSet.thumbnailSize,
                focus: focus?.layer == layer ? focus?.unit : nil)
        }
        let outputValues = outputGrids(outputs.last!)
        let collapse = collapseView(net, actual: shown.collapse ? outputValues : nil)
        return FrameContent(
            network: NetworkView(inputs: config.features.map(\.rawValue), layers: layers),
            grids: GridSet(
                domain: data.domain, inputs: includeInputs ? data.inputGrids : nil, hidden: hidden,
                output: outputValues.map { EncodedGrid($0, size: size) }),
            collapse: collapse, milliseconds: Date().timeIntervalSince(start) * 1000)
    }

    /// The forward and backward pass over the training set at the current weights: the one the last
    /// epoch's metrics ran, when neither the weights nor the points have changed since, else a new one
    /// (`TrainingRun.fullBatchPass()`).
    func trainingPass() -> (caches: [DenseLayer<Double>.Cache], gradients: [DenseLayer<Double>.Gradients])? {
        run.fullBatchPass()
    }

    /// The output grid(s) from the last sums, as `GridSet.output` describes.
    func outputGrids(_ logits: Matrix<Float>) -> [[Double]] {
        let outputs: Matrix<Float>
        switch network.head {  // the vectorised kernels, rather than the head's value-by-value map
        case .tanh:
            outputs = Matrix(rows: logits.rows, columns: logits.columns, storage: Tanh().forward(logits.storage))
        case .sigmoid:
            outputs = Matrix(rows: logits.rows, columns: logits.columns, storage: Sigmoid().forward(logits.storage))
        case .softmax: outputs = GridPictures.softmaxRows(logits)
        default: outputs = network.head.outputs(logits)
        }
        let column = { (j: Int) in GridPictures.column(outputs, j) }
        switch network.head {
        case .sigmoid: return [column(0).map { 2 * $0 - 1 }]
        case .softmax where outputs.columns == 2: return [column(1).map { 2 * $0 - 1 }]
        default: return (0..<outputs.columns).map(column)
        }
    }

    func layerView(
        _ layer: DenseLayer<Double>, cache: DenseLayer<Double>.Cache?, gradients: DenseLayer<Double>.Gradients?,
        isOutput: Bool
    ) -> LayerView {
        let rows = { (m: Matrix<Double>) in FloatRows((0..<m.rows).map { m.row($0).map(Float.init) }) }
        var view = LayerView(
            activation: isOutput ? network.head.rawValue : layer.activation.id,
            parameters: isOutput ? [:] : layer.activation.parameters,
            weights: rows(layer.weights), bias: layer.bias,
            weightGradients: gradients.map { rows($0.weights) } ?? FloatRows([]), biasGradients: gradients?.bias ?? [],
            dead: [Bool](repeating: false, count: layer.units), zeros: [Double](repeating: 0, count: layer.units))
        guard let cache, !isOutput, cache.output.rows > 0 else { return view }
        let n = Double(cache.output.rows)
        view.zeros = (0..<cache.output.columns).map { unit in
            Double(Self.column(cache.output, unit).filter { $0 == 0 }.count) / n
        }
        if case .function(let f, _) = layer.activation {
            let (slopes, rows, units) = (Self.slopes(f, cache.sums.storage), cache.sums.rows, cache.sums.columns)
            view.dead = (0..<units).map { unit in (0..<rows).allSatisfy { slopes[$0 * units + unit] == 0 } }
            var total = 0.0  // unit by unit, as before: the same sum bit for bit
            for unit in 0..<units { for row in 0..<rows { total += abs(slopes[row * units + unit]) } }
            view.meanSlope = total / Double(max(cache.sums.storage.count, 1))
            let domain = f.info.plotDomain
            view.histogram = Histogram(cache.sums.storage, lower: domain.lower, upper: domain.upper)
        }
        return view
    }

    /// f′ of every value, through the catalog's batch kernel (dx = 1·f′(x)): bit for bit
    /// `f.derivative(at:)`, which, called once per value on the training set's sums, took a tenth of a
    /// frame (`perf`, Scripts/playground/profile-frames).
    static func slopes(_ f: any ElementwiseActivation, _ x: [Double]) -> [Double] {
        let ones = [Double](repeating: 1, count: x.count)
        var result = [Double](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { x in
            ones.withUnsafeBufferPointer { dy in result.withUnsafeMutableBufferPointer { f.backward(x, dy, into: $0) } }
        }
        return result
    }

    static func column<T: TrainingScalar>(_ m: Matrix<T>, _ j: Int) -> [T] {
        (0..<m.rows).map { m.storage[$0 * m.columns + j] }
    }
}
