import ActivationFunctions

/// A feed-forward network: hidden dense layers, each with its own activation, then an output layer
/// whose function is fused with the loss (`OutputHead`).
///
/// Like `Trainer`'s, its passes are specialised for `Double` and `Float` for callers in other modules.
public struct Network<T: TrainingScalar>: Sendable {
    /// All layers; the last one's activation is the identity (the head applies the output function).
    public var layers: [DenseLayer<T>]
    /// The output function and its loss, applied after the last layer.
    public var head: OutputHead

    /// A network of the given layers, unchecked: each layer's inputs must equal the units of the one
    /// below, and the last layer's activation should be the identity.
    public init(layers: [DenseLayer<T>], head: OutputHead) {
        (self.layers, self.head) = (layers, head)
    }

    /// A freshly initialised network: `inputs` → `hidden` widths (with `activations[i]`) → `outputs`.
    public init(
        inputs: Int, hidden: [Int], activations: [HiddenActivation], outputs: Int, head: OutputHead,
        initializer: Initializer, rng: inout SeededGenerator
    ) throws(NeuralNetError) {
        guard inputs >= 1, outputs >= 1, hidden.allSatisfy({ $0 >= 1 }) else {
            throw .invalidConfiguration(
                "layer widths must be at least 1 (inputs \(inputs), hidden \(hidden), outputs \(outputs))")
        }
        guard activations.count == hidden.count else {
            throw .invalidConfiguration("\(activations.count) activations for \(hidden.count) hidden layers")
        }
        // Counted before anything is allocated: 2²⁰ inputs into 2²⁰ units asked for 8 TB and stopped the program.
        var weights = 0
        for (from, to) in zip([inputs] + hidden, hidden + [outputs]) {
            let (product, overflow) = from.multipliedReportingOverflow(by: to)
            weights = overflow ? .max : weights.addingReportingOverflow(product).overflow ? .max : weights + product
        }
        guard weights <= Self.maximumWeights else {
            throw .invalidConfiguration(
                "the layers \(([inputs] + hidden + [outputs]).map(String.init).joined(separator: "→")) need "
                    + "\(weights == .max ? "more than \(Int.max)" : "\(weights)") weights; at most \(Self.maximumWeights)")
        }
        var layers: [DenseLayer<T>] = []
        var fanIn = inputs
        for (width, activation) in zip(hidden, activations) {
            let sums = activation.sums(forUnits: width)
            let (w, b): (Matrix<T>, [T]) = initializer.make(fanIn: fanIn, fanOut: sums, rng: &rng)
            layers.append(
                DenseLayer(
                    weights: w, bias: b, activation: activation,
                    activationParameters: Self.initialParameters(activation, width)))
            fanIn = width
        }
        let (w, b): (Matrix<T>, [T]) = initializer.make(fanIn: fanIn, fanOut: outputs, rng: &rng)
        layers.append(DenseLayer(weights: w, bias: b, activation: .function(Identity(), parameters: [:])))
        self.init(layers: layers, head: head)
    }

    /// The most weights a network may have: 2²⁸ (2 GiB in `Double`, before the optimiser's state).
    public static var maximumWeights: Int { 1 << 28 }

    static func initialParameters(_ activation: HiddenActivation, _ width: Int) -> [T] {
        guard case .learned(let definition, let initial, let shared) = activation else { return [] }
        let unit = definition.info.parameters.map { T(initial[$0.name]!) }
        return Array([[T]](repeating: unit, count: shared ? 1 : width).joined())
    }

    /// The number of inputs per sample (the first layer's); the network must have a layer.
    public var inputCount: Int { layers[0].inputs }
    /// The number of outputs per sample (the last layer's units).
    public var outputCount: Int { layers[layers.count - 1].units }

    /// The forward pass, keeping what backward needs.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public func forward(_ x: Matrix<T>, training: Bool = false, rng: inout SeededGenerator) -> [DenseLayer<T>.Cache] {
        var caches: [DenseLayer<T>.Cache] = []
        forward(x, training: training, rng: &rng, into: &caches)
        return caches
    }

    /// The forward pass into `caches`, reusing their memory. Each layer's input is the output of the
    /// layer below, shared rather than copied; those references are dropped first, so that every
    /// output buffer is written in place.
    func forward(_ x: Matrix<T>, training: Bool, rng: inout SeededGenerator, into caches: inout [DenseLayer<T>.Cache]) {
        if caches.count != layers.count { caches = layers.map { _ in DenseLayer<T>.Cache() } }
        caches.dropInputs()
        for index in layers.indices {
            layers[index].forward(
                index == 0 ? x : caches[index - 1].output, training: training, rng: &rng, into: &caches[index])
        }
    }

    /// The last sums z for `x` in evaluation mode (RReLU at its mean slope).
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public func logits(_ x: Matrix<T>) -> Matrix<T> {
        var rng = SeededGenerator(seed: 0)  // evaluation draws nothing
        return forward(x, training: false, rng: &rng).last!.output
    }

    /// The outputs for `x`: probabilities, tanh values or regression values.
    public func predict(_ x: Matrix<T>) -> Matrix<T> { head.outputs(logits(x)) }

    /// Loss and per-layer gradients for one batch.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public func gradients(_ x: Matrix<T>, _ targets: Targets<T>, training: Bool, rng: inout SeededGenerator)
        -> (loss: Double, gradients: [DenseLayer<T>.Gradients], caches: [DenseLayer<T>.Cache])
    {
        var pass = NetworkPass<T>()
        run(&pass, x, targets, training: training, rng: &rng)
        return (pass.loss, pass.gradients, pass.caches)
    }

    /// Loss and per-layer gradients for one batch, into `pass` (its memory reused: a pass kept from
    /// one step to the next allocates nothing for the catalog activations).
    func run(
        _ pass: inout NetworkPass<T>, _ x: Matrix<T>, _ targets: Targets<T>, training: Bool, rng: inout SeededGenerator
    ) {
        forward(x, training: training, rng: &rng, into: &pass.caches)
        if pass.gradients.count != layers.count { pass.gradients = layers.map { _ in DenseLayer<T>.Gradients() } }
        let last = layers.count - 1
        pass.loss = head.loss(pass.caches[last].output, targets, into: &pass.gradients[last].output)
        for index in layers.indices.reversed() {
            // Layer index writes dL/d(input) straight into the output gradient of the layer below.
            var dInput = Matrix<T>(rows: 0, columns: 0)
            if index > 0 { swap(&dInput, &pass.gradients[index - 1].output) }
            layers[index].backward(
                pass.caches[index], into: &pass.gradients[index], dInput: &dInput,
                needsInputGradient: index > 0, scratch: &pass.scratch)
            if index > 0 { swap(&dInput, &pass.gradients[index - 1].output) }
        }
    }
}

/// One forward and backward pass over a batch: the mean loss, and per layer what the forward pass
/// kept (`caches`) and the gradients. Its buffers are reused by the next pass run into it.
public struct NetworkPass<T: TrainingScalar>: Sendable {
    /// The mean loss over the batch; NaN before the first pass.
    public internal(set) var loss = Double.nan
    /// What each layer's forward pass kept, the output layer last.
    public internal(set) var caches: [DenseLayer<T>.Cache] = []
    /// Each layer's gradients of the mean loss, the output layer last.
    public internal(set) var gradients: [DenseLayer<T>.Gradients] = []
    var scratch = DenseLayer<T>.BackwardScratch()

    /// An empty pass, to be run into.
    public init() {}

    /// Lets go of the inputs the caches share (see `Network.forward(_:training:rng:into:)`).
    mutating func dropInputs() { caches.dropInputs() }
}

extension Array {
    /// Lets go of the inputs the caches share with the layer below or the caller's batch, so that
    /// those buffers can be overwritten in place.
    mutating func dropInputs<T>() where Element == DenseLayer<T>.Cache {
        for index in indices { self[index].input = Matrix(rows: 0, columns: 0) }
    }
}
