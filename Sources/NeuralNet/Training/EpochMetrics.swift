/// What one epoch measured: losses, accuracies and, per layer, the gradient flow and unit health.
public struct EpochMetrics: Sendable, Codable, Equatable {
    /// How many epochs had run when it was measured: 1 for the first epoch's metrics, 0 before training.
    public var epoch: Int
    /// The learning rate the epoch's steps used, after the schedule (the base rate for a measurement
    /// without training).
    public var learningRate: Double
    /// The mean loss over the whole training set, after the epoch's updates.
    public var trainLoss: Double
    /// The share of training points classified correctly, in [0, 1]; nil for regression.
    public var trainAccuracy: Double?
    /// The mean loss over the test set; nil without one.
    public var testLoss: Double?
    /// The share of test points classified correctly, in [0, 1]; nil for regression or without a test set.
    public var testAccuracy: Double?
    /// One entry per layer, the output layer last.
    public var layers: [LayerMetrics]
    /// The wall-clock time of the epoch, its metrics included, in seconds (0 for a measurement without
    /// training).
    public var seconds: Double
}

/// Gradient flow and unit health of one layer, measured on the whole training set.
public struct LayerMetrics: Sendable, Codable, Equatable {
    /// Mean |∂L/∂W|: how much the layer's weights are pushed.
    public var meanAbsWeightGradient: Double
    /// Mean |∂L/∂a| over the layer's outputs: the signal flowing back into it.
    public var meanAbsOutputGradient: Double
    /// Units whose activation slope is 0 on every training input: no gradient can reach them (dead).
    public var deadFraction: Double
    /// Outputs that are exactly 0 (sparsity).
    public var zeroFraction: Double
    /// Outputs where |f′| < 0.01 (saturated).
    public var saturatedFraction: Double
}

extension LayerMetrics {
    static let saturationThreshold = 0.01

    /// Measures a layer from a full-batch forward and backward pass.
    static func measure<T: TrainingScalar>(
        _ layer: DenseLayer<T>, _ cache: DenseLayer<T>.Cache, _ gradients: DenseLayer<T>.Gradients
    ) -> LayerMetrics {
        let slopes = layer.slopes(cache)
        let perUnit = slopes.columns == cache.output.columns
        let rows = max(cache.output.rows, 1)
        return LayerMetrics(
            meanAbsWeightGradient: meanAbs(gradients.weights.storage),
            meanAbsOutputGradient: meanAbs(gradients.output.storage),
            deadFraction: Double(DenseLayer<T>.deadUnits(slopes: slopes, units: cache.output.columns).count)
                / Double(max(cache.output.columns, 1)),
            zeroFraction: Double(count(cache.output.storage) { $0 == 0 }) / Double(max(cache.output.storage.count, 1)),
            saturatedFraction: perUnit
                ? Double(count(slopes.storage) { abs(Double($0)) < saturationThreshold })
                    / Double(rows * slopes.columns) : 0)
    }

    private static func count<T>(_ values: [T], where isCounted: (T) -> Bool) -> Int {
        values.reduce(0) { isCounted($1) ? $0 + 1 : $0 }
    }

    static func meanAbs<T: TrainingScalar>(_ values: [T]) -> Double {
        values.isEmpty ? 0 : values.reduce(0.0) { $0 + abs(Double($1)) } / Double(values.count)
    }
}
