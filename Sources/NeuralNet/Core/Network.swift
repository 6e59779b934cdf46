import ActivationFunctions

/// A feed-forward network: hidden dense layers, each with its own activation, then an output layer
/// whose function is fused with the loss (`OutputHead`).
public struct Network<T: TrainingScalar>: Sendable {
    /// All layers; the last one's activation is the identity (the head applies the output function).
    public var layers: [DenseLayer<T>]
    public var head: OutputHead

    public init(layers: [DenseLayer<T>], head: OutputHead) {
        (self.layers, self.head) = (layers, head)
    }

    /// A freshly initialised network: `inputs` → `hidden` widths (with `activations[i]`) → `outputs`.
    public init(
        inputs: Int, hidden: [Int], activations: [HiddenActivation], outputs: Int, head: OutputHead,
        initializer: Initializer, rng: inout SeededGenerator
    ) throws(NeuralNetError) {
        guard inputs >= 1, outputs >= 1, hidden.allSatisfy({ $0 >= 1 }) else {
            throw .invalidConfiguration("layer widths must be at least 1 (inputs \(inputs), hidden \(hidden), outputs \(outputs))")
        }
        guard activations.count == hidden.count else {
            throw .invalidConfiguration("\(activations.count) activations for \(hidden.count) hidden layers")
        }
        var layers: [DenseLayer<T>] = []
        var fanIn = inputs
        for (width, activation) in zip(hidden, activations) {
            let sums = activation.sums(forUnits: width)
            let (w, b): (Matrix<T>, [T]) = initializer.make(fanIn: fanIn, fanOut: sums, rng: &rng)
            layers.append(DenseLayer(weights: w, bias: b, activation: activation,
                                     activationParameters: Self.initialParameters(activation, width)))
            fanIn = width
        }
        let (w, b): (Matrix<T>, [T]) = initializer.make(fanIn: fanIn, fanOut: outputs, rng: &rng)
        layers.append(DenseLayer(weights: w, bias: b, activation: .function(Identity(), parameters: [:])))
        self.init(layers: layers, head: head)
    }

    static func initialParameters(_ activation: HiddenActivation, _ width: Int) -> [T] {
        guard case .learned(let kind, let initial, let shared) = activation else { return [] }
        let unit = kind.parameterNames.map { T(initial[$0]!) }
        return Array([[T]](repeating: unit, count: shared ? 1 : width).joined())
    }

    public var inputCount: Int { layers[0].inputs }
    public var outputCount: Int { layers[layers.count - 1].units }

    /// The forward pass, keeping what backward needs.
    public func forward(_ x: Matrix<T>, training: Bool = false, rng: inout SeededGenerator) -> [DenseLayer<T>.Cache] {
        var caches: [DenseLayer<T>.Cache] = []
        var input = x
        for layer in layers {
            let cache = layer.forward(input, training: training, rng: &rng)
            caches.append(cache)
            input = cache.output
        }
        return caches
    }

    /// The last sums z for `x` in evaluation mode (RReLU at its mean slope).
    public func logits(_ x: Matrix<T>) -> Matrix<T> {
        var rng = SeededGenerator(seed: 0)  // evaluation draws nothing
        return forward(x, training: false, rng: &rng).last!.output
    }

    /// The outputs for `x`: probabilities, tanh values or regression values.
    public func predict(_ x: Matrix<T>) -> Matrix<T> { head.outputs(logits(x)) }

    /// Loss and per-layer gradients for one batch.
    public func gradients(_ x: Matrix<T>, _ targets: Targets<T>, training: Bool, rng: inout SeededGenerator)
        -> (loss: Double, gradients: [DenseLayer<T>.Gradients], caches: [DenseLayer<T>.Cache])
    {
        let caches = forward(x, training: training, rng: &rng)
        let (loss, dZ) = head.loss(caches.last!.output, targets)
        var gradients: [DenseLayer<T>.Gradients] = []
        var upstream = dZ
        for index in layers.indices.reversed() {
            let (g, dInput) = layers[index].backward(caches[index], upstream, needsInputGradient: index > 0)
            gradients.append(g)
            if let dInput { upstream = dInput }
        }
        return (loss, gradients.reversed(), caches)
    }
}
