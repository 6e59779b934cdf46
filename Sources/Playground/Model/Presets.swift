import NeuralNet

/// One click sets up an article claim: a configuration, what it shows and where to look.
public struct Preset: Encodable, Sendable {
    /// A stable kebab-case id, such as `dying-relu`.
    public var id: String
    /// The name in the page's preset menu.
    public var title: String
    /// What the article says (its claim number and section, in our words), then anything we add,
    /// marked "Our addition:".
    public var claim: String
    /// Where on the page to watch it happen.
    public var watch: String
    /// The configuration the preset loads.
    public var config: PlaygroundConfig
}

/// The presets, one per article claim the playground can show, in menu order.
public enum Presets {
    /// Every preset, in menu order.
    public static let all: [Preset] = [
        Preset(
            id: "dying-relu", title: "Dying ReLU",
            claim:
                "The article (claim 25, ReLU section): on ReLU's flat side the gradient is 0, so a unit that lands there stops responding to error and input. Our addition: some units start dead, at any learning rate; at this high rate more die early with some seeds, and those runs stall.",
            watch:
                "Before Play, 1–3 of the 24 units are already dead (dark, with a cross; seeds 1–5). Press Play: for about 15 epochs the count moves, then stays: 5 dead and the circle still fitted with seed 1, 6–7 dead and test accuracy below 75 % with seeds 2 and 5. Re-seed to compare, or lower the rate to 0.03: 0–2 stay dead, and every seed fits.",
            config: make { c in
                c.networkShape = [8, 8, 8]; c.activations = ["relu"]; c.learningRate = 1; c.initializer = .he
            }),
        Preset(
            id: "leaky-relu", title: "Leaky ReLU keeps units alive",
            claim:
                "The article (claim 26, ReLU section): leaky ReLU, 0.01·x for negative x, keeps a non-zero gradient there, so the network can gradually recover. The slope here is the article's 0.01.",
            watch:
                "The same network and learning rate as Dying ReLU. Our addition: the dead-unit count counts zero slopes, which a leaky unit never has, so it stays at 0 by construction; watch the neuron thumbnails instead for units flat on every input, and whether they come back.",
            config: make { c in
                c.networkShape = [8, 8, 8]; c.activations = ["leaky-relu"];
                c.activationParameters = ["0": ["slope": 0.01], "1": ["slope": 0.01], "2": ["slope": 0.01]]
                c.learningRate = 1; c.initializer = .he
            }),
        Preset(
            id: "vanishing-gradient", title: "Vanishing gradient",
            claim:
                "The article (claim 14, sigmoid section): near sigmoid's flat ends the gradient is tiny, and learning stalls or slows sharply. Our addition: σ′ is at most 0.25, so through many sigmoid layers the gradient shrinks on its way back.",
            watch:
                "The gradient chart (log scale): the first layer's line lies orders of magnitude below the last one's, and it barely learns.",
            config: make { c in
                c.networkShape = [8, 8, 8, 8, 8, 8, 8, 8]; c.activations = ["sigmoid"]; c.learningRate = 0.3;
                c.initializer = .glorotUniform
            }),
        Preset(
            id: "linear-collapse", title: "Linear collapse",
            claim:
                "The article (claim 9, linear section): a stack of linear layers equals one linear layer, so depth is lost. Our addition: the weights multiply out to one matrix, and the boundary stays a straight line.",
            watch:
                "The linear-collapse panel: the product W₁W₂W₃W₄ gives exactly the same boundary, and a circle cannot be separated.",
            config: make { c in
                c.networkShape = [8, 8, 8]; c.activations = ["identity"]; c.learningRate = 0.01
            }),
        Preset(
            id: "relu-sparsity", title: "ReLU sparsity",
            claim:
                "The article (claim 24, ReLU section): with random initial weights about half of ReLU's outputs are 0, a sparse activation. Our addition: training changes the share; the article speaks of the start.",
            watch:
                "The unit-health chart at epoch 0: around half of the hidden outputs are exactly 0; the neuron thumbnails show the flat zero regions.",
            config: make { c in
                c.networkShape = [8, 8]; c.activations = ["relu"]; c.learningRate = 0.01; c.optimizer = .adam;
                c.initializer = .he
            }),
        Preset(
            id: "step-cannot-learn", title: "The step function can't learn",
            claim:
                "The article (claim 5, step section): networks whose step units must fire exactly right are hard to train. Our addition: the reason is that the step's derivative is 0 wherever it is defined, so backpropagation passes no gradient to the hidden weights.",
            watch:
                "Hidden gradients are exactly 0 (the chart has no hidden lines); only the output layer's weights move, and the loss stalls.",
            config: make { c in
                c.networkShape = [4, 2]; c.activations = ["step"]; c.learningRate = 0.03
            }),
        Preset(
            id: "softmax-spiral", title: "Softmax: three spiral arms",
            claim:
                "The article (claim 5, step section): with graded outputs you can pick the most active class, and softmax is better still. Our addition: softmax turns k scores into k probabilities that sum to 1, trained with cross-entropy.",
            watch: "The output heatmap shows three colours; accuracy sits beside the loss.",
            config: make { c in
                c.dataset = "spiral-arms"; c.classes = 3; c.networkShape = [16, 16]; c.activations = ["tanh"]
                c.optimizer = .adam; c.learningRate = 0.01; c.initializer = .glorotUniform;
                c.features = [.x1, .x2, .sinX1, .sinX2]
            }),
        Preset(
            id: "your-own", title: "Your own function",
            claim:
                "The article (claim 30, choosing section): you can also use your own custom function. Our addition: here it is typed as a formula, f(x) = x·σ(1.5x) (swish with β fixed at 1.5), not programmed; its derivative is worked out exactly and checked.",
            watch:
                "Press play: it trains like any catalog function. Choose “Your own…” in an activation menu to change it: the field plots f and f′ as you type and writes f′ out.",
            config: make { c in
                c.networkShape = [6, 4]; c.activations = ["f(x) = x*sigmoid(1.5*x)"]; c.learningRate = 0.03
            }),
    ]

    /// The preset with id `id` (exactly), or nil.
    public static func named(_ id: String) -> Preset? { all.first { $0.id == id } }

    static func make(_ edit: (inout PlaygroundConfig) -> Void) -> PlaygroundConfig {
        var config = PlaygroundConfig()
        edit(&config)
        return config
    }
}
