import Foundation

/// What the page draws, sent on every update: the state, the new epochs' metrics, the network
/// (weights, gradients, unit health), the output grid of every neuron, the linear-collapse model
/// and, when they changed, the points.
public struct Frame: Encodable, Sendable {
    /// Bumped by every change to the session (a control, a step, an epoch).
    public var version: Int
    /// Bumped by every reset: the page clears its charts.
    public var run: Int
    public var epoch: Int
    public var playing: Bool
    /// Why training paused by itself, if it did.
    public var pause: PlaygroundEngine.Pause?
    /// Epochs since the previous frame of this stream (the history in the first one), thinned evenly to
    /// at most `PlaygroundSession.maxDeltaRecords` (`maxWholeRecords` in a whole frame), the newest kept.
    public var records: [EpochRecord]
    public var problem: String
    public var head: String
    public var classCount: Int
    public var classNames: [String]
    /// The configuration in force (it changes on import and upload).
    public var config: PlaygroundConfig
    public var network: NetworkView
    public var grids: GridSet
    public var collapse: CollapseView
    /// The points, when they changed since the previous frame of this stream.
    public var points: PointsView?
    public var dataVersion: Int
    /// Time to compute the grids and metrics of this frame.
    public var frameMilliseconds: Double
}

public struct NetworkView: Encodable, Sendable {
    public var inputs: [String]
    /// The hidden layers, then the output layer.
    public var layers: [LayerView]
}

/// One layer: weights (inputs × units, row by row), biases, their full-batch gradients, and per
/// unit whether it is dead and how often it outputs exactly 0. Weights and gradients are sent in
/// `Float` precision, enough to draw and read them (the model export is exact).
public struct LayerView: Encodable, Sendable {
    public var activation: String
    public var parameters: [String: Double]
    public var weights: [[Float]]
    public var bias: [Double]
    public var weightGradients: [[Float]]
    public var biasGradients: [Double]
    public var dead: [Bool]
    public var zeros: [Double]
    /// Mean |f′(z)| over the training set: how much gradient the activation lets through.
    public var meanSlope: Double?
    /// Where the pre-activations z fall on the training set, for the activation card.
    public var histogram: Histogram?
}

public struct Histogram: Encodable, Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var counts: [Int]
    /// Values below `lower` and above `upper`.
    public var below: Int
    public var above: Int

    init(_ values: [Double], lower: Double, upper: Double, bins: Int = 30) {
        (self.lower, self.upper) = (lower, upper)
        counts = [Int](repeating: 0, count: bins)
        (below, above) = (0, 0)
        let width = (upper - lower) / Double(bins)
        for v in values {
            if !(v >= lower) { below += 1 } else if v > upper { above += 1 } else { counts[min(Int((v - lower) / width), bins - 1)] += 1 }
        }
    }
}

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
    public var allLinear: Bool
    public var matrix: [[Double]]
    public var bias: [Double]
    /// Its output on a 50×50 grid, as `GridSet.output`.
    public var output: [EncodedGrid]
    /// The largest difference between its output and the network's on the grid.
    public var maxDifference: Double
}

public struct PointsView: Encodable, Sendable {
    /// [x1, x2, label] per point; label is a class index or a target value (in `Float` precision:
    /// what is drawn; the clicked points in `added` are exact, as the page writes them into the URL).
    public var train: [[Float]]
    public var test: [[Float]]
    /// The clicked points (also in `train`), as the page writes them into the URL.
    public var added: [[Double]]
    /// What looks wrong in uploaded points (near-empty classes, far outliers); empty otherwise.
    public var warnings: [String] = []
}
