import Foundation
import NeuralNet
import Plotting

/// Weighted sums are unbounded; tanh outputs stay in (−1, 1) however deep the net, while ReLU outputs,
/// unbounded above, can grow layer after layer.
struct ActivationGrowth: Experiment {
    let info = ExperimentInfo(
        id: "activation-growth", title: "Bounded tanh against unbounded ReLU: can activations blow up?",
        claims: [2, 16, 22],
        claim:
            "A neuron's weighted sum has no bounds, so it cannot tell by itself where firing starts. tanh is bounded in (−1, 1), so its activations cannot blow up; ReLU's range is [0, ∞), so it can blow them up.",
        method:
            "Feed the normalised circle data, scaled by 1, 10 and 100, to nets of 10 hidden layers of 32 units whose weights are drawn with standard deviation 2/√fan-in (twice LeCun's: a start on the large side, the same weights for tanh and ReLU, zero biases), and record the largest weighted sum of the first layer and the largest |activation| of every layer. One drawn net is a noisy sample of what the start does (its ReLU growth over 10 layers varies several-fold between draws: see the spread table), so every seed draws 16 nets (32 in full mode): tanh's bound is checked on all of them, and ReLU's growth is their geometric mean.",
        reading:
            "The article says ReLU can blow activations up, not that it must: we show it under weights somewhat larger than the usual start, where it does; with He initialisation the scale stays level (the vanishing-gradient experiment shows the gradient side)."
    )

    static let depth = 10, width = 32, gain = 2.0
    static let scales: [Double] = [1, 10, 100]

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let data = try Runs.data("circle", count: settings.pick(quick: 100, full: 500), seed: settings.seed(1))
        let x = Normalization(fitting: data.inputs).apply(data.inputs)
        let draws = settings.pick(quick: 16, full: 32)
        // [activation][net][layer]: the largest |activation| of each hidden layer.
        let profiles = try ["tanh", "relu"].map { id in
            try (0..<draws).map { net in
                Self.largest(try Self.network(id, seed: settings.seed(UInt64(100 + net))), x).outputs
            }
        }
        let sums = try Self.firstSums(try Self.network("relu", seed: settings.seed(100)), x)
        let tanh = (0..<Self.depth).map { layer in profiles[0].map { $0[layer] }.max() ?? .nan }
        let relu = (0..<Self.depth).map { layer in Self.geometricMean(profiles[1].map { $0[layer] }) }
        let growths = profiles[1].map { $0[Self.depth - 1] / $0[0] }
        result.tables = Self.tables(tanh: tanh, relu: relu, growths: growths, sums: sums)
        judge(tanh: tanh, growths: growths, sums: sums, &result)
        result.charts.append(Self.chart([tanh, relu], draws: draws))
        return result
    }

    static func network(_ id: String, seed: UInt64) throws -> Network<Double> {
        var rng = SeededGenerator(seed: seed)
        var network = try Network<Double>(
            inputs: 2, hidden: [Int](repeating: width, count: depth),
            activations: [HiddenActivation](repeating: try .named(id), count: depth),
            outputs: 1, head: .sigmoid, initializer: .lecun, rng: &rng)
        for l in network.layers.indices {
            network.layers[l].weights.storage = network.layers[l].weights.storage.map { $0 * gain }
        }
        return network
    }

    /// The largest |output| of each hidden layer and the largest |weighted sum| of the first.
    static func largest(_ network: Network<Double>, _ x: Matrix<Double>) -> (outputs: [Double], firstSum: Double) {
        var rng = SeededGenerator(seed: 0)
        let caches = network.forward(x, training: false, rng: &rng).dropLast()
        return (
            caches.map { $0.output.storage.map(abs).max() ?? .nan }, caches.first?.sums.storage.map(abs).max() ?? .nan
        )
    }

    /// The largest first-layer |weighted sum| of `network` for the inputs scaled by each of `scales`.
    static func firstSums(_ network: Network<Double>, _ x: Matrix<Double>) throws -> [Double] {
        scales.map { scale in
            largest(network, Matrix(rows: x.rows, columns: x.columns, storage: x.storage.map { $0 * scale })).firstSum
        }
    }

    /// exp of the mean of the logarithms: the typical factor of values that multiply up.
    static func geometricMean(_ values: [Double]) -> Double {
        Foundation.exp(Stats.mean(values.map { Foundation.log($0) }))
    }

    static func tables(tanh: [Double], relu: [Double], growths: [Double], sums: [Double]) -> [ResultTable] {
        var layers = ResultTable(
            title: "Largest |activation| per hidden layer (input scale 1) over the \(growths.count) nets of the seed",
            columns: ["layer", "tanh, largest over the nets", "relu, geometric mean over the nets"])
        layers.rows = (0..<depth).map { [String($0 + 1), Format.number(tanh[$0], 4), Format.number(relu[$0], 4)] }
        let sorted = growths.sorted()
        let spread = ResultTable(
            title: "ReLU: largest activation of layer 10 over that of layer 1, one value per drawn net",
            columns: ["nets", "lowest", "median", "highest", "geometric mean"],
            rows: [
                [
                    String(sorted.count), Format.number(sorted.first ?? .nan), Format.number(sorted[sorted.count / 2]),
                    Format.number(sorted.last ?? .nan), Format.number(geometricMean(growths)),
                ]
            ])
        let firstLayer = ResultTable(
            title: "Largest first-layer weighted sum as the input grows (first net)",
            columns: ["input scale", "largest |sum|"],
            rows: zip(scales, sums).map { [Format.number($0), Format.number($1, 4)] })
        return [layers, spread, firstLayer]
    }

    private func judge(tanh: [Double], growths: [Double], sums: [Double], _ result: inout ExperimentResult) {
        result.measure("first_layer_sum_ratio_100_over_1", sums[2] / sums[0])
        result.fact(
            "the largest first-layer |weighted sum| grows from \(Format.number(sums[0], 3)) at input scale 1 to "
                + "\(Format.number(sums[2], 3)) at scale 100 (×\(Format.number(sums[2] / sums[0], 4))): the sum is linear "
                + "in the input, so it is exactly 100× by construction",
            claims: [2])
        result.measure("tanh.largest_activation", tanh.max() ?? .nan)
        result.fact(
            "tanh's largest |activation| in any layer of any net is \(Format.number(tanh.max() ?? .nan, 6)): "
                + "tanh never exceeds 1 by definition",
            claims: [16])
        let growth = Self.geometricMean(growths)
        result.check(
            Criterion(
                "ReLU: largest activation of layer 10 over that of layer 1 (geometric mean over the nets)", .atLeast,
                10, claim: 22), growth,
            measured:
                "ReLU grows \(Format.number(growth, 3))× from layer 1 to layer 10 (nets range \(Format.number(growths.min() ?? .nan, 3))–\(Format.number(growths.max() ?? .nan, 3))×)"
        )
    }

    static func chart(_ profiles: [[Double]], draws: Int) -> ResultChart {
        var chart = LineChart(
            id: "activation-growth-layers", title: "Largest |activation| per layer (log₁₀)", xLabel: "hidden layer",
            yLabel: "log₁₀ largest |activation|")
        chart.series = zip(["tanh", "relu"], profiles).enumerated().map { index, pair in
            .init(
                label: pair.0, xs: pair.1.indices.map { Double($0 + 1) }, ys: pair.1.map { Foundation.log10($0) },
                colorIndex: index)
        }
        return ResultChart(name: "layers", chart: chart, caption: caption(profiles, draws: draws))
    }

    /// What the chart shows, from the profiles: each activation's largest |activation| at layer 1 and at
    /// the last layer.
    static func caption(_ profiles: [[Double]], draws: Int) -> String {
        let ends = { (p: [Double]) in
            "\(Format.number(p.first ?? .nan, 3)) at layer 1, \(Format.number(p.last ?? .nan, 3)) at layer \(p.count)"
        }
        return
            "Weights twice the usual scale, the same for both, over \(draws) drawn nets (first seed): tanh "
            + "\(ends(profiles[0])) (largest over the nets); ReLU \(ends(profiles[1])) (geometric mean over the nets)."
    }
}
