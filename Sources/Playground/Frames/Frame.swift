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
    /// Epochs since the previous frame of this stream (the whole history in the first one).
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
/// unit whether it is dead and how often it outputs exactly 0.
public struct LayerView: Encodable, Sendable {
    public var activation: String
    public var parameters: [String: Double]
    public var weights: [[Double]]
    public var bias: [Double]
    public var weightGradients: [[Double]]
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

/// A `size`² grid of values, row by row from the top, quantised to bytes between `lower` and
/// `upper` and sent as base64 (value = lower + byte/255·(upper − lower)).
public struct EncodedGrid: Encodable, Sendable {
    public var size: Int
    public var lower: Double
    public var upper: Double
    public var data: String

    init(_ values: [Double], size: Int) {
        let finite = values.map { $0.isFinite ? $0 : 0 }
        let lower = finite.min() ?? 0, upper = finite.max() ?? 0
        let scale = upper - lower > 1e-12 ? 255 / (upper - lower) : 0
        let bytes = finite.map { UInt8(max(0, min(255, (($0 - lower) * scale).rounded()))) }
        (self.size, self.lower, self.upper, data) = (size, lower, upper, Data(bytes).base64EncodedString())
    }

    /// The same grid at half the resolution (2×2 blocks averaged).
    static func halved(_ values: [Double], size: Int) -> (values: [Double], size: Int) {
        let half = size / 2
        var result = [Double](repeating: 0, count: half * half)
        for row in 0..<half {
            for column in 0..<half {
                let i = 2 * row * size + 2 * column
                result[row * half + column] = (values[i] + values[i + 1] + values[i + size] + values[i + size + 1]) / 4
            }
        }
        return (result, half)
    }
}

public struct GridSet: Encodable, Sendable {
    /// The plot covers [−domain, domain]².
    public var domain: Double
    /// Each input feature's value (in a stream's first frame and when the data change).
    public var inputs: [EncodedGrid]?
    /// Each hidden unit's output, layer by layer (50×50: thumbnails, and the big map on hover).
    public var hidden: [[EncodedGrid]]
    /// The network's output: one grid in [−1, 1] (tanh, sigmoid or two-class softmax as 2p − 1) or
    /// the regression value; for 3 or more classes, each class's probability.
    public var output: [EncodedGrid]
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
    /// [x1, x2, label] per point; label is a class index or a target value.
    public var train: [[Double]]
    public var test: [[Double]]
    /// The clicked points (also in `train`), as the page writes them into the URL.
    public var added: [[Double]]
    /// What looks wrong in uploaded points (near-empty classes, far outliers); empty otherwise.
    public var warnings: [String] = []
}
