/// A fully connected layer: z = x·W + b, then the activation. W is inputs × sums (a sum per unit,
/// or k per unit for maxout).
public struct DenseLayer<T: TrainingScalar>: Sendable {
    public var weights: Matrix<T>
    public var bias: [T]
    public var activation: HiddenActivation
    /// Learned activation parameters (PReLU slopes); empty for the others.
    public var activationParameters: [T]

    public var inputs: Int { weights.rows }
    public var units: Int { weights.columns / activation.sums(forUnits: 1) }

    public init(weights: Matrix<T>, bias: [T], activation: HiddenActivation, activationParameters: [T] = []) {
        precondition(bias.count == weights.columns, "bias of \(bias.count) for \(weights.columns) sums")
        (self.weights, self.bias, self.activation, self.activationParameters) = (weights, bias, activation, activationParameters)
    }

    /// Everything a backward pass needs from the forward pass.
    public struct Cache: Sendable {
        public let input: Matrix<T>
        public let sums: Matrix<T>
        public let output: Matrix<T>
        let record: ActivationApplication<T>.Record
    }

    /// The gradients of one backward pass.
    public struct Gradients: Sendable {
        public var weights: Matrix<T>
        public var bias: [T]
        public var activationParameters: [T]
        /// dL/d(output) of this layer: the gradient flow that vanishes in deep sigmoid nets.
        public var output: Matrix<T>
    }

    var application: ActivationApplication<T> { ActivationApplication(activation: activation, parameters: activationParameters) }

    public func forward(_ x: Matrix<T>, training: Bool, rng: inout SeededGenerator) -> Cache {
        var sums = x.multiplied(by: weights)
        sums.addRowVector(bias)
        let (output, record) = application.forward(sums, training: training, rng: &rng)
        return Cache(input: x, sums: sums, output: output, record: record)
    }

    /// Gradients from dL/d(output); also returns dL/d(input) for the layer below, unless
    /// `needsInputGradient` is false (the first layer: nothing is below it).
    public func backward(_ cache: Cache, _ dOutput: Matrix<T>, needsInputGradient: Bool = true)
        -> (gradients: Gradients, dInput: Matrix<T>?)
    {
        let (dSums, dParameters) = application.backward(cache.sums, cache.record, dOutput)
        let gradients = Gradients(
            weights: cache.input.transposedMultiplied(by: dSums), bias: dSums.columnSums(),
            activationParameters: dParameters, output: dOutput)
        return (gradients, needsInputGradient ? dSums.multipliedTransposed(by: weights) : nil)
    }
}
