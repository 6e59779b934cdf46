import NeuralNet

/// One click sets up an article claim: a configuration, what it shows and where to look.
public struct Preset: Encodable, Sendable {
    public var id: String
    public var title: String
    /// The claim, in one sentence.
    public var claim: String
    /// Where on the page to watch it happen.
    public var watch: String
    public var config: PlaygroundConfig
}

public enum Presets {
    public static let all: [Preset] = [
        Preset(id: "dying-relu", title: "Dying ReLU",
               claim: "A ReLU unit whose weighted sum is negative for every input outputs 0 and gets no gradient, so it never recovers.",
               watch: "Press play: within a few dozen epochs units turn dark with a cross (dead) and the dead-unit counts climb; the survivors still fit the circle.",
               config: make { c in
                   c.networkShape = [8, 8, 8]; c.activations = ["relu"]; c.learningRate = 1; c.initializer = .he
               }),
        Preset(id: "leaky-relu", title: "Leaky ReLU keeps units alive",
               claim: "With a small slope for negative sums, no unit is ever completely dead: the gradient is small, never zero.",
               watch: "The same network and learning rate as Dying ReLU: the dead-unit count stays at 0.",
               config: make { c in
                   c.networkShape = [8, 8, 8]; c.activations = ["leaky-relu"]; c.activationParameters = ["0": ["slope": 0.1], "1": ["slope": 0.1], "2": ["slope": 0.1]]
                   c.learningRate = 1; c.initializer = .he
               }),
        Preset(id: "vanishing-gradient", title: "Vanishing gradient",
               claim: "σ′ is at most 0.25, so in a deep sigmoid network the gradient shrinks layer by layer on its way back to the first layers.",
               watch: "The gradient chart (log scale): the first layer's line lies orders of magnitude below the last one's, and it barely learns.",
               config: make { c in
                   c.networkShape = [8, 8, 8, 8, 8, 8, 8, 8]; c.activations = ["sigmoid"]; c.learningRate = 0.3; c.initializer = .glorotUniform
               }),
        Preset(id: "linear-collapse", title: "Linear collapse",
               claim: "Without a nonlinearity, any number of layers multiplies out to one matrix: a deep linear network draws a straight boundary.",
               watch: "The linear-collapse panel: the product W₁W₂W₃W₄ gives exactly the same boundary, and a circle cannot be separated.",
               config: make { c in
                   c.networkShape = [8, 8, 8]; c.activations = ["identity"]; c.learningRate = 0.01
               }),
        Preset(id: "relu-sparsity", title: "ReLU sparsity",
               claim: "ReLU outputs exactly 0 for every negative sum, so a trained ReLU layer is sparse: many outputs are zero.",
               watch: "The unit-health chart: around half of the hidden outputs are exactly 0; the neuron thumbnails show the flat zero regions.",
               config: make { c in
                   c.networkShape = [8, 8]; c.activations = ["relu"]; c.learningRate = 0.01; c.optimizer = .adam; c.initializer = .he
               }),
        Preset(id: "step-cannot-learn", title: "The step function can't learn",
               claim: "The step function's derivative is 0 everywhere (undefined at the jump), so backpropagation passes no gradient to the hidden weights.",
               watch: "Hidden gradients are exactly 0 (the chart has no hidden lines); only the output layer's weights move, and the loss stalls.",
               config: make { c in
                   c.networkShape = [4, 2]; c.activations = ["step"]; c.learningRate = 0.03
               }),
        Preset(id: "softmax-spiral", title: "Softmax: three spiral arms",
               claim: "Softmax turns k scores into k probabilities that sum to 1; with cross-entropy it separates any number of classes.",
               watch: "The output heatmap shows three colours; accuracy sits beside the loss.",
               config: make { c in
                   c.dataset = "spiral-arms"; c.classes = 3; c.networkShape = [16, 16]; c.activations = ["tanh"]
                   c.optimizer = .adam; c.learningRate = 0.01; c.initializer = .glorotUniform; c.features = [.x1, .x2, .sinX1, .sinX2]
               }),
    ]

    public static func named(_ id: String) -> Preset? { all.first { $0.id == id } }

    static func make(_ edit: (inout PlaygroundConfig) -> Void) -> PlaygroundConfig {
        var config = PlaygroundConfig()
        edit(&config)
        return config
    }
}
