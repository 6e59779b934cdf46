import Foundation

/// What the page draws, sent on every update: the state, the new epochs' metrics, the network
/// (weights, gradients, unit health), the output grid of every neuron, the linear-collapse model
/// and, when they changed, the points.
public struct Frame: Encodable, Sendable {
    /// Bumped by every change to the session (a control, a step, an epoch).
    public var version: Int
    /// Bumped by every reset: the page clears its charts.
    public var run: Int
    /// Epochs trained since the last reset.
    public var epoch: Int
    /// Whether training is running.
    public var playing: Bool
    /// Why training paused by itself, if it did.
    public var pause: PlaygroundEngine.Pause?
    /// Epochs since the previous frame of this stream (the history in the first one), thinned evenly to
    /// at most `PlaygroundSession.maxDeltaRecords` (`maxWholeRecords` in a whole frame), the newest kept.
    public var records: [EpochRecord]
    /// "classification" or "regression".
    public var problem: String
    /// The output head in force: its raw name, e.g. "sigmoid", "softmax" or "linear".
    public var head: String
    /// The number of classes (0 for regression).
    public var classCount: Int
    /// The classes' names, in label order (from the dataset or the uploaded file).
    public var classNames: [String]
    /// The configuration in force (it changes on import and upload).
    public var config: PlaygroundConfig
    /// The weights, gradients and unit health of every layer.
    public var network: NetworkView
    /// The output grid of every input, hidden unit and output.
    public var grids: GridSet
    /// The network with its activations removed, and how far it is from the real one.
    public var collapse: CollapseView
    /// The points, when they changed since the previous frame of this stream.
    public var points: PointsView?
    /// Bumped whenever the points change (dataset, noise, split, upload, click).
    public var dataVersion: Int
    /// Time to compute the grids and metrics of this frame.
    public var frameMilliseconds: Double
}

/// The network's shape and parameters, as the page draws them.
public struct NetworkView: Encodable, Sendable {
    /// The input features' names, e.g. "x1" and "x2".
    public var inputs: [String]
    /// The hidden layers, then the output layer.
    public var layers: [LayerView]
}

/// One layer: weights (inputs × units, row by row), biases, their full-batch gradients, and per
/// unit whether it is dead and how often it outputs exactly 0. Weights and gradients are sent in
/// `Float` precision, enough to draw and read them (the model export is exact).
public struct LayerView: Encodable, Sendable {
    /// The layer's activation id, or the output head's name for the output layer.
    public var activation: String
    /// The activation's parameter values, by name (empty for the output layer).
    public var parameters: [String: Double]
    /// Weights, one row per input and one column per unit, in `Float` precision.
    public var weights: FloatRows
    /// One bias per unit.
    public var bias: [Double]
    /// ∂loss/∂W over the full training set, shaped as `weights`, in `Float` precision.
    public var weightGradients: FloatRows
    /// ∂loss/∂b over the full training set, one per unit.
    public var biasGradients: [Double]
    /// Per unit: whether f′(z) is 0 on every training point, so no gradient reaches its weights (false for the output
    /// layer).
    public var dead: [Bool]
    /// Per unit: the fraction of training points on which it outputs exactly 0.
    public var zeros: [Double]
    /// Mean |f′(z)| over the training set: how much gradient the activation lets through.
    public var meanSlope: Double?
    /// Where the pre-activations z fall on the training set, for the activation card.
    public var histogram: Histogram?
}

/// Counts of values in equal bins between `lower` and `upper`.
public struct Histogram: Encodable, Sendable, Equatable {
    /// The left edge of the first bin.
    public var lower: Double
    /// The right edge of the last bin.
    public var upper: Double
    /// The count in each bin (30 by default), left to right.
    public var counts: [Int]
    /// Values below `lower` and above `upper`.
    public var below: Int
    /// Values above `upper`.
    public var above: Int

    init(_ values: [Double], lower: Double, upper: Double, bins: Int = 30) {
        (self.lower, self.upper) = (lower, upper)
        counts = [Int](repeating: 0, count: bins)
        (below, above) = (0, 0)
        let width = (upper - lower) / Double(bins)
        for v in values {
            if !(v >= lower) {
                below += 1
            } else if v > upper {
                above += 1
            } else {
                counts[min(Int((v - lower) / width), bins - 1)] += 1
            }
        }
    }
}

/// The output grid of every input feature, hidden unit and output, over the plot's square.
public struct GridSet: Encodable, Sendable {
    /// The plot covers [−domain, domain]².
    public var domain: Double
    /// Each input feature's value at 50×50 (in a stream's first frame and when the data change).
    public var inputs: [EncodedGrid]?
    /// Each hidden unit's output, layer by layer: thumbnails of `thumbnailSize`², except the unit the
    /// page asked about (``Focus``: the one under the pointer), at the full 100×100.
    public var hidden: [[EncodedGrid]]
    /// The network's output: one grid in [−1, 1] (tanh, sigmoid or two-class softmax as 2p − 1) or
    /// the regression value; for 3 or more classes, each class's probability.
    public var output: [EncodedGrid]

    /// Side of a hidden unit's thumbnail: the 100×100 grid averaged in 4×4 blocks (TensorFlow
    /// Playground draws its thumbnails from 10×10).
    public static let thumbnailSize = 25
}

/// The network with its activations removed: x·M + v with M = W₁W₂…W_L, which is exactly the
/// network when every hidden layer is linear.
public struct CollapseView: Encodable, Sendable {
    /// Whether every hidden layer is linear, so that the collapsed model is exactly the network.
    public var allLinear: Bool
    /// M = W₁W₂…W_L, one row per input feature and one column per output.
    public var matrix: [[Double]]
    /// v, the bias of the collapsed model: one per output.
    public var bias: [Double]
    /// Its output on a 50×50 grid, as `GridSet.output`; nil (left out of the JSON) in a pulled frame
    /// whose page does not show the panel (`collapse=0` in its pull).
    public var output: [EncodedGrid]?
    /// The largest difference between its output and the network's on the grid; nil with `output`.
    public var maxDifference: Double?
}

/// The training and test points, and what looks wrong in uploaded ones.
public struct PointsView: Encodable, Sendable {
    /// [x1, x2, label] per point; label is a class index or a target value (in `Float` precision:
    /// what is drawn; the clicked points in `added` are exact, as the page writes them into the URL).
    public var train: [[Float]]
    /// The test points, as `train`.
    public var test: [[Float]]
    /// The clicked points (also in `train`), as the page writes them into the URL.
    public var added: [[Double]]
    /// What looks wrong in uploaded points (near-empty classes, far outliers); empty otherwise.
    public var warnings: [String] = []
}
