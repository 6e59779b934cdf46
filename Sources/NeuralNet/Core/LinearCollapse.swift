import ActivationFunctions

/// One affine layer, x ↦ x·W + b: what a stack of linear layers collapses into.
public struct AffineMap<T: TrainingScalar>: Equatable, Sendable {
    /// W: inputs × outputs.
    public var weights: Matrix<T>
    /// b: one entry per output.
    public var bias: [T]

    /// The map x ↦ x·`weights` + `bias`; `bias` must have one entry per column of `weights` (a
    /// precondition).
    public init(weights: Matrix<T>, bias: [T]) {
        precondition(bias.count == weights.columns, "\(bias.count) biases for \(weights.columns) outputs")
        (self.weights, self.bias) = (weights, bias)
    }

    /// x·W + b for each row of `x`.
    public func apply(_ x: Matrix<T>) -> Matrix<T> {
        var y = x.multiplied(by: weights)
        y.addRowVector(bias)
        return y
    }
}

extension Network {
    /// The network with every activation replaced by a line, multiplied out into one affine map: the
    /// article's "linear collapse". A layer whose activation is the identity c·x keeps its c
    /// (`linearScale`); any other activation is taken out (counted as x). When `isLinear`, the map
    /// equals `logits(_:)` up to rounding, however deep the network: z ↦ c(z·W + b) layer by layer
    /// gives W = c₁W₁·c₂W₂⋯c_L W_L and b = c_L(⋯c₂(c₁b₁·W₂ + b₂)⋯W_L + b_L).
    ///
    /// `nil` when some layer computes more sums than it has units (maxout), so that taking its
    /// activation out leaves shapes that do not multiply.
    public func linearCollapse() -> AffineMap<T>? {
        guard layers.allSatisfy({ $0.weights.columns == $0.units }) else { return nil }
        var weights = Matrix<T>(rows: inputCount, columns: inputCount)
        for i in 0..<inputCount { weights[i, i] = 1 }
        var bias = [T](repeating: 0, count: inputCount)
        for layer in layers {
            let c = T(Self.linearScale(layer.activation) ?? 1)
            weights = weights.multiplied(by: layer.weights)
            weights.storage = weights.storage.map { c * $0 }
            let carried = Matrix(rows: 1, columns: bias.count, storage: bias).multiplied(by: layer.weights).storage
            bias = zip(carried, layer.bias).map { c * ($0 + $1) }
        }
        return AffineMap(weights: weights, bias: bias)
    }

    /// Whether every layer's activation is the identity c·x (the output layer's always is), so that
    /// `linearCollapse()` is exact.
    public var isLinear: Bool {
        layers.allSatisfy { Self.linearScale($0.activation) != nil }
    }

    /// c when `activation` is the identity c·x (the catalog's `identity`, alias `linear`), else nil.
    static func linearScale(_ activation: HiddenActivation) -> Double? {
        guard case .function(let f, _) = activation else { return nil }
        // An identity whose c `Float` cannot hold is wrapped to run in `Double` (`Activations.make`).
        guard let identity = f as? Identity ?? (f as? any WrappedElementwise)?.wrapped as? Identity else {
            return nil
        }
        return identity.c
    }
}
