import Foundation
import NeuralNet
import Plotting

/// In a deep sigmoid net the gradient shrinks layer by layer towards the input; tanh less; ReLU with
/// He initialisation keeps it flat.
struct VanishingGradient: Experiment {
    let info = ExperimentInfo(
        id: "vanishing-gradient", title: "Gradients vanish through deep sigmoid nets",
        claims: [14, 17, 19],
        claim:
            "Near sigmoid's flat ends the gradient is tiny, so learning stalls or slows sharply; tanh's gradient vanishes too, though tanh's gradient is the stronger. (The article adds that workarounds keep sigmoid popular for classification; we do not test those.)",
        method:
            "Ten hidden layers of equal width on the circle data. At initialisation, measure mean |∂L/∂a| at each hidden layer's output, from the output back to the input, averaged (geometrically) over seeds, and fit the factor by which it changes per layer. Then take plain full-batch SGD steps (learning rate 0.1) and compare how far the first and last hidden layers' weights move. sigmoid (claim 14) and tanh (claim 19) are held to the same thresholds."
    )

    struct Profile {
        let id: String
        /// Mean |∂L/∂a| per hidden layer, input side first (geometric mean over seeds).
        var gradients: [Double]
        /// ‖W_after − W_before‖ / ‖W_before‖ per hidden layer after training (mean over seeds).
        var movement: [Double]
        var factor: Double { Stats.geometricFactor(gradients.reversed()) }
    }

    static let runs: [(id: String, initializer: Initializer)] = [
        ("sigmoid", .glorotUniform), ("tanh", .glorotUniform), ("relu", .he),
    ]
    static let depth = 10

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let profiles = try Self.runs.map { try profile($0.id, $0.initializer, settings) }
        Self.tabulate(profiles, &result)
        judge(profiles, &result)
        result.charts = [Self.gradientChart(profiles), Self.movementChart(profiles)]
        return result
    }

    private func profile(_ id: String, _ initializer: Initializer, _ settings: ExperimentSettings) throws -> Profile {
        let seeds = settings.pick(quick: 2, full: 8)
        var logGradients = [Double](repeating: 0, count: Self.depth)
        var movement = logGradients
        for run in 0..<seeds {
            let (g, m) = try Self.measure(id, initializer, settings: settings, seed: settings.seed(UInt64(run)))
            for layer in 0..<Self.depth {
                logGradients[layer] += Foundation.log(g[layer]) / Double(seeds);
                movement[layer] += m[layer] / Double(seeds)
            }
        }
        return Profile(id: id, gradients: logGradients.map { Foundation.exp($0) }, movement: movement)
    }

    /// One net: the gradient profile at initialisation, then the relative movement of each layer after
    /// full-batch SGD steps.
    static func measure(_ id: String, _ initializer: Initializer, settings: ExperimentSettings, seed: UInt64) throws
        -> ([Double], [Double])
    {
        let count = settings.pick(quick: 64, full: 400)
        var c = Runs.configuration(
            hidden: [Int](repeating: settings.pick(quick: 16, full: 32), count: depth), activation: id,
            epochs: settings.pick(quick: 5, full: 100), seed: seed,
            optimizer: OptimizerSettings(kind: .sgd, learningRate: 0.1), batchSize: count, initializer: initializer)
        c.trainFraction = 1
        var session = try TrainingSession(configuration: c, data: try Runs.data("circle", count: count, seed: seed))
        let before = session.network
        let gradients = session.measure().layers.prefix(depth).map(\.meanAbsOutputGradient)
        while !session.isFinished { try session.runEpoch() }
        let after = session.network
        let movement = (0..<depth).map { l in
            Stats.norm(zip(after.layers[l].weights.storage, before.layers[l].weights.storage).map(-))
                / Stats.norm(before.layers[l].weights.storage)
        }
        return (gradients, movement)
    }

    static func tabulate(_ profiles: [Profile], _ result: inout ExperimentResult) {
        var table = ResultTable(
            title: "Mean |∂L/∂a| per hidden layer at initialisation (layer 1 is next to the input)",
            columns: ["layer"] + profiles.map(\.id))
        for layer in (0..<depth).reversed() {
            table.rows.append(["\(layer + 1)"] + profiles.map { Format.number($0.gradients[layer], 3) })
        }
        table.rows.append(["factor per layer"] + profiles.map { Format.number($0.factor, 3) })
        table.rows.append(
            ["layer 1 / layer 10"] + profiles.map { Format.number($0.gradients[0] / $0.gradients[depth - 1], 3) })
        table.rows.append(
            ["weights moved, layer 1 / layer 10"]
                + profiles.map { Format.number($0.movement[0] / $0.movement[depth - 1], 3) })
        result.tables.append(table)
        for p in profiles {
            result.measure("\(p.id).factor_per_layer", p.factor)
            result.measure("\(p.id).gradient_ratio_first_last", p.gradients[0] / p.gradients[depth - 1])
            result.measure("\(p.id).movement_ratio_first_last", p.movement[0] / p.movement[depth - 1])
        }
    }

    /// Claim 14 (sigmoid) and claim 19 (tanh) are judged by the same two measures and thresholds: the
    /// factor per layer at initialisation, and how far the first layer moves against the last in training.
    /// The ReLU run is a control for claim 14: if it also vanished, the setup rather than sigmoid would be to
    /// blame (it is not counted for claim 19, where a passing control would turn tanh's failing into "mixed").
    /// tanh against sigmoid bears on claim 17 (tanh's gradient is the stronger).
    private func judge(_ profiles: [Profile], _ result: inout ExperimentResult) {
        let (sigmoid, tanh, relu) = (profiles[0], profiles[1], profiles[2])
        for (profile, claim) in [(sigmoid, 14), (tanh, 19)] {
            result.check(
                Criterion(
                    "\(profile.id): factor by which the gradient changes per layer towards the input", .atMost, 0.5,
                    claim: claim),
                profile.factor,
                measured: "\(profile.id) factor \(Format.number(profile.factor)) per layer")
            let moved = profile.movement[0] / profile.movement[Self.depth - 1]
            result.check(
                Criterion(
                    "\(profile.id): how far the first layer moves relative to the last", .lessThan, 0.01, claim: claim),
                moved,
                measured: "\(profile.id) layer 1 moved \(Format.number(moved)) × as much as layer 10")
        }
        result.check(
            Criterion("tanh: factor per layer minus sigmoid's (tanh decays less)", .greaterThan, 0, claim: 17),
            tanh.factor - sigmoid.factor,
            measured: "tanh factor \(Format.number(tanh.factor)), sigmoid \(Format.number(sigmoid.factor))")
        result.check(
            Criterion(
                "ReLU with He initialisation (control): |log₂ factor per layer|", .atMost, Foundation.log2(1.25),
                claim: 14),
            abs(Foundation.log2(relu.factor)),
            measured: "ReLU factor \(Format.number(relu.factor))")
    }

    static func gradientChart(_ profiles: [Profile]) -> ResultChart {
        layerChart(
            profiles, \.gradients, name: "profile", title: "Gradient at each layer at initialisation (log scale)",
            yLabel: "mean |∂L/∂a|",
            caption:
                "Read from right (output side) to left (input side). Factor per layer towards the input (first seed): "
                + profiles.map { "\($0.id) \(Format.number($0.factor, 3))×" }.joined(separator: ", ")
                + "; layer 1 over layer 10: "
                + profiles.map { "\($0.id) \(Format.number($0.gradients[0] / $0.gradients[depth - 1], 3))" }
                .joined(separator: ", ") + ".")
    }

    static func movementChart(_ profiles: [Profile]) -> ResultChart {
        layerChart(
            profiles, \.movement, name: "movement", title: "How far each layer's weights moved in training (log scale)",
            yLabel: "‖ΔW‖ / ‖W‖",
            caption: "After the same SGD steps, how far layer 1 moved relative to layer 10 (first seed): "
                + profiles.map { "\($0.id) \(Format.number($0.movement[0] / $0.movement[depth - 1], 3))×" }
                .joined(separator: ", ") + ".")
    }

    /// One line per activation of a per-layer quantity, on a log scale, layer 1 next to the input.
    static func layerChart(
        _ profiles: [Profile], _ values: KeyPath<Profile, [Double]>, name: String, title: String,
        yLabel: String, caption: String
    ) -> ResultChart {
        let layers = (1...depth).map(Double.init)
        var chart = LineChart(
            id: "vanishing-gradient-\(name)", title: title, xLabel: "hidden layer (1 = next to the input)",
            yLabel: yLabel)
        chart.yScale = .log
        chart.series = profiles.enumerated().map {
            .init(label: $1.id, xs: layers, ys: $1[keyPath: values], colorIndex: $0)
        }
        return ResultChart(name: name, chart: chart, caption: caption)
    }
}
