/// A fully connected layer: z = x·W + b, then the activation. W is inputs × sums (a sum per unit,
/// or, for a row function, `inputCount(forOutputCount: units)`: k per unit for maxout).
public struct DenseLayer<T: TrainingScalar>: Sendable {
    /// W: `inputs` rows by one column per weighted sum.
    public var weights: Matrix<T>
    /// b: one entry per weighted sum (a column of `weights`).
    public var bias: [T]
    /// The function applied to the sums, with its parameters.
    public var activation: HiddenActivation
    /// Learned activation parameters (PReLU slopes, …: one set per unit or one shared); empty for the others.
    public var activationParameters: [T]

    /// The number of inputs each sample feeds the layer.
    public var inputs: Int { weights.rows }
    /// The number of outputs per sample: the sums, or fewer for a row function such as maxout; 0 when
    /// the row function cannot take this many sums.
    public var units: Int { (try? activation.units(forSums: weights.columns)) ?? 0 }

    /// A layer with the given parameters. `bias` must have one entry per column of `weights` (a
    /// precondition).
    public init(weights: Matrix<T>, bias: [T], activation: HiddenActivation, activationParameters: [T] = []) {
        precondition(bias.count == weights.columns, "bias of \(bias.count) for \(weights.columns) sums")
        (self.weights, self.bias, self.activation, self.activationParameters) = (
            weights, bias, activation, activationParameters
        )
    }

    /// Everything a backward pass needs from the forward pass.
    public struct Cache: Sendable {
        /// x, the batch the layer read: samples × `inputs`.
        public internal(set) var input: Matrix<T>
        /// z = x·W + b: samples × weighted sums.
        public internal(set) var sums: Matrix<T>
        /// The activation's output: samples × `units`.
        public internal(set) var output: Matrix<T>
        var record: ActivationApplication<T>.Record

        /// Empty buffers, shaped by the first pass that writes into them.
        init() {
            (input, sums, output, record) = (
                Matrix(rows: 0, columns: 0), Matrix(rows: 0, columns: 0), Matrix(rows: 0, columns: 0), .init()
            )
        }
    }

    /// The gradients of one backward pass.
    public struct Gradients: Sendable {
        /// ∂L/∂W, shaped like the layer's `weights`.
        public var weights: Matrix<T>
        /// ∂L/∂b, one entry per weighted sum.
        public var bias: [T]
        /// ∂L/∂(learned activation parameters), laid out like the layer's; empty when it learns none.
        public var activationParameters: [T]
        /// dL/d(output) of this layer: the gradient flow that vanishes in deep sigmoid nets.
        public var output: Matrix<T>

        /// Empty buffers, shaped by the first pass that writes into them.
        init() {
            (weights, bias, activationParameters, output) = (
                Matrix(rows: 0, columns: 0), [], [], Matrix(rows: 0, columns: 0)
            )
        }
    }

    var application: ActivationApplication<T> {
        ActivationApplication(activation: activation, parameters: activationParameters)
    }

    /// The forward pass over the batch `x` (samples × `inputs`). In `training`, a randomized activation
    /// (RReLU) draws its slopes from `rng`; otherwise it uses its mean slope and draws nothing.
    public func forward(_ x: Matrix<T>, training: Bool, rng: inout SeededGenerator) -> Cache {
        var cache = Cache()
        forward(x, training: training, rng: &rng, into: &cache)
        return cache
    }

    /// The forward pass into `cache`, reusing its memory (`cache.output` must not be shared, or it is copied).
    func forward(_ x: Matrix<T>, training: Bool, rng: inout SeededGenerator, into cache: inout Cache) {
        cache.input = x
        cache.sums.setProduct(x, weights)
        cache.sums.addRowVector(bias)
        application.forward(cache.sums, into: &cache.output, record: &cache.record, training: training, rng: &rng)
    }

    /// Gradients from dL/d(output); also returns dL/d(input) for the layer below, unless
    /// `needsInputGradient` is false (the first layer: nothing is below it).
    public func backward(_ cache: Cache, _ dOutput: Matrix<T>, needsInputGradient: Bool = true)
        -> (gradients: Gradients, dInput: Matrix<T>?)
    {
        var gradients = Gradients()
        gradients.output = dOutput
        var (dInput, scratch) = (Matrix<T>(rows: 0, columns: 0), BackwardScratch())
        backward(cache, into: &gradients, dInput: &dInput, needsInputGradient: needsInputGradient, scratch: &scratch)
        return (gradients, needsInputGradient ? dInput : nil)
    }

    /// Buffers a backward pass needs only while it runs: dL/dz and Wᵀ.
    struct BackwardScratch: Sendable {
        var dSums = Matrix<T>(rows: 0, columns: 0)
        var transposedWeights = Matrix<T>(rows: 0, columns: 0)
    }

    /// The backward pass from `gradients.output` (dL/d(output), set by the caller) into `gradients`,
    /// and dL/d(input) into `dInput` if `needsInputGradient`; every buffer's memory is reused.
    func backward(
        _ cache: Cache, into gradients: inout Gradients, dInput: inout Matrix<T>, needsInputGradient: Bool,
        scratch: inout BackwardScratch
    ) {
        gradients.activationParameters = application.backward(
            cache.sums, cache.record, gradients.output, into: &scratch.dSums, output: cache.output)
        gradients.weights.setTransposedProduct(cache.input, scratch.dSums)
        scratch.dSums.columnSums(into: &gradients.bias)
        if needsInputGradient {
            dInput.setProductTransposed(scratch.dSums, weights, scratch: &scratch.transposedWeights)
        }
    }
}
