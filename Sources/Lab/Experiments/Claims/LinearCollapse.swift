import NeuralNet
import Plotting

/// Stacked linear layers are one linear layer: the product of the weight matrices, with the biases
/// carried through; so depth without a nonlinearity cannot bend the boundary.
struct LinearCollapse: Experiment {
    let info = ExperimentInfo(
        id: "linear-collapse", title: "Stacked linear layers collapse into one",
        claims: [9, 10],
        claim:
            "However many linear layers are stacked, the last activation is a linear function of the first layer's input: the stack equals one layer, and depth is lost. A non-linear activation such as sigmoid makes stacking worthwhile.",
        method:
            "Multiply out a deep linear net (random weights and biases) into one matrix W = W₁W₂…Wₙ and bias b, and compare its outputs with the net's on random inputs. Then train linear nets of several depths and nets with one hidden sigmoid, tanh or ReLU layer on XOR and circle, collapse each trained linear net the same way, and compare accuracies."
    )

    static let datasets = ["xor", "circle"]
    static let nonlinear = ["sigmoid", "tanh", "relu"]
    static let target = 0.95

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        try randomCollapse(settings, &result)
        let depths = settings.pick(quick: [0, 1, 3], full: [0, 1, 2, 4, 8])
        var table = ResultTable(
            title:
                "Training accuracy (test accuracy) of linear nets of each depth (hidden width 8) and of one nonlinear hidden layer",
            columns: ["dataset", "best line"] + depths.map { "linear, \($0) hidden" }
                + Self.nonlinear.map { "\($0), 1 hidden" })
        for dataset in Self.datasets {
            let runs = try self.runs(dataset, depths: depths, settings, &result)
            table.rows.append(
                [dataset, Format.percent(runs.bestLine)]
                    + runs.accuracies.map { "\(Format.percent($0.train)) (\(Format.percent($0.test)))" })
            judge(dataset, runs, depths: depths, &result)
            result.charts.append(Self.depthChart(dataset, runs, depths: depths, index: result.charts.count))
        }
        result.tables.append(table)
        return result
    }

    /// A random deep linear net against its collapsed single layer, on random inputs.
    private func randomCollapse(_ settings: ExperimentSettings, _ result: inout ExperimentResult) throws {
        var rng = SeededGenerator(seed: settings.seed(1))
        let depth = settings.pick(quick: 4, full: 8)
        var network = try Network<Double>(
            inputs: 2, hidden: [Int](repeating: 8, count: depth),
            activations: [HiddenActivation](repeating: try .named("identity"), count: depth),
            outputs: 1, head: .linear, initializer: .glorotNormal, rng: &rng)
        for l in network.layers.indices { network.layers[l].bias = network.layers[l].bias.map { _ in rng.normal() } }
        let x = Matrix(rows: 1000, columns: 2, storage: (0..<2000).map { _ in 3 * rng.normal() })
        let deep = network.logits(x).storage
        let single = Self.collapse(network).apply(x).storage
        let error = zip(deep, single).map { abs($0 - $1) }.max()! / deep.map(abs).max()!
        result.measure("random.max_relative_error", error)
        result.tables.append(
            ResultTable(
                title: "A random \(depth)-hidden-layer linear net collapsed into one layer", columns: ["", "value"],
                rows: [
                    [
                        "equivalent W (2×1)",
                        Self.collapse(network).weights.storage.map { Format.number($0, 4) }.joined(separator: ", "),
                    ],
                    ["equivalent b", Format.number(Self.collapse(network).bias[0], 4)],
                    ["max |deep − single| / max |deep| on 1000 inputs", Format.number(error, 2)],
                ]))
        result.check(
            Criterion(
                "random deep linear net against its collapsed single layer: relative error", .atMost, 1e-12,
                claim: 9),
            error,
            measured: "collapsed layer matches the \(depth)-layer net to \(Format.number(error, 2))")
    }

    /// What the nets of one dataset reached.
    struct Runs2D {
        /// The best training accuracy any straight line reaches (exhaustive search).
        var bestLine = 0.0
        /// Each linear depth, then each nonlinear activation.
        var accuracies: [(train: Double, test: Double)] = []
    }

    /// Trains each linear depth and each nonlinear activation on `dataset`; records the collapse agreement.
    private func runs(
        _ dataset: String, depths: [Int], _ settings: ExperimentSettings, _ result: inout ExperimentResult
    ) throws -> Runs2D {
        let data = try Runs.data(dataset, count: settings.pick(quick: 200, full: 500), seed: settings.seed(2))
        let epochs = settings.pick(quick: 30, full: 150)
        var runs = Runs2D()
        let configurations =
            depths.map {
                Runs.configuration(
                    hidden: [Int](repeating: 8, count: $0), activation: "identity", epochs: epochs / 3,
                    seed: settings.seed(3))
            }
            + Self.nonlinear.map {
                Runs.configuration(hidden: [8], activation: $0, epochs: epochs, seed: settings.seed(3))
            }
        for (index, c) in configurations.enumerated() {
            let session = try Runs.trained(c, on: data)
            let last = session.history.last!
            runs.accuracies.append((last.trainAccuracy ?? 0, last.testAccuracy ?? 0))
            let name = index < depths.count ? "linear.depth\(depths[index])" : c.activations[0]
            result.measure("\(dataset).\(name).train_accuracy", last.trainAccuracy ?? 0)
            result.measure("\(dataset).\(name).test_accuracy", last.testAccuracy ?? 0)
            if index == depths.count - 1 { try agreement(session, dataset, &result) }
            if index == 0 { runs.bestLine = Self.bestLineAccuracy(session.train) }
            if dataset == "xor" && c.activations[0] == "relu" {
                result.charts.append(
                    Self.boundary(
                        session, "\(dataset)-relu", "\(dataset), one hidden ReLU layer",
                        "p(class 1) after training of one ReLU layer of 8: test accuracy \(Format.percent(Runs.accuracy(session))) (first seed)."
                    ))
            }
        }
        result.measure("\(dataset).best_line_train_accuracy", runs.bestLine)
        return runs
    }
}
