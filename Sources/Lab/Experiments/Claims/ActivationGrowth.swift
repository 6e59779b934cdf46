import Foundation
import NeuralNet
import Plotting

/// Weighted sums are unbounded; tanh outputs stay in (−1, 1) however deep the net, while ReLU outputs,
/// unbounded above, can grow layer after layer.
struct ActivationGrowth: Experiment {
    let info = ExperimentInfo(
        id: "activation-growth", title: "Bounded tanh against unbounded ReLU: can activations blow up?",
        claims: [2, 16, 22], source: "activation section, line 33; tanh section, line 111; ReLU section, line 123",
        claim: "A neuron's weighted sum has no bounds, so it cannot tell by itself where firing starts. tanh is bounded in (−1, 1), so its activations cannot blow up; ReLU's range is [0, ∞), so it can blow them up.",
        method: "Feed the normalised circle data, scaled by 1, 10 and 100, to a net of 10 hidden layers of 32 units whose weights are drawn with standard deviation 2/√fan-in (twice LeCun's: a start on the large side, the same weights for tanh and ReLU, zero biases), and record the largest weighted sum of the first layer and the largest |activation| of every layer.",
        reading: "The article says ReLU can blow activations up, not that it must: we show it under weights somewhat larger than the usual start, where it does; with He initialisation the scale stays level (the vanishing-gradient experiment shows the gradient side).")

    static let depth = 10, width = 32, gain = 2.0
    static let scales: [Double] = [1, 10, 100]

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let data = try Runs.data("circle", count: settings.pick(quick: 100, full: 500), seed: settings.seed(1))
        let x = Normalization(fitting: data.inputs).apply(data.inputs)
        var table = ResultTable(title: "Largest |activation| per hidden layer (input scale 1)", columns: ["layer"] + ["tanh", "relu"])
        var profiles: [[Double]] = []
        var firstSums: [Double] = []
        for id in ["tanh", "relu"] {
            let network = try Self.network(id, seed: settings.seed(2))
            profiles.append(Self.largest(network, x).outputs)
            if id == "relu" { firstSums = Self.scales.map { scale in Self.largest(network, Matrix(rows: x.rows, columns: x.columns, storage: x.storage.map { $0 * scale })).firstSum } }
        }
        for layer in 0..<Self.depth { table.rows.append([String(layer + 1), Format.number(profiles[0][layer], 4), Format.number(profiles[1][layer], 4)]) }
        result.tables.append(table)
        result.tables.append(ResultTable(title: "Largest first-layer weighted sum as the input grows", columns: ["input scale", "largest |sum|"],
                                         rows: zip(Self.scales, firstSums).map { [Format.number($0), Format.number($1, 4)] }))
        judge(tanh: profiles[0], relu: profiles[1], sums: firstSums, &result)
        result.charts.append(Self.chart(profiles))
        return result
    }

    static func network(_ id: String, seed: UInt64) throws -> Network<Double> {
        var rng = SeededGenerator(seed: seed)
        var network = try Network<Double>(inputs: 2, hidden: [Int](repeating: width, count: depth),
                                          activations: [HiddenActivation](repeating: try .named(id), count: depth),
                                          outputs: 1, head: .sigmoid, initializer: .lecun, rng: &rng)
        for l in network.layers.indices { network.layers[l].weights.storage = network.layers[l].weights.storage.map { $0 * gain } }
        return network
    }

    /// The largest |output| of each hidden layer and the largest |weighted sum| of the first.
    static func largest(_ network: Network<Double>, _ x: Matrix<Double>) -> (outputs: [Double], firstSum: Double) {
        var rng = SeededGenerator(seed: 0)
        let caches = network.forward(x, training: false, rng: &rng).dropLast()
        return (caches.map { $0.output.storage.map(abs).max() ?? .nan }, caches.first?.sums.storage.map(abs).max() ?? .nan)
    }

    private func judge(tanh: [Double], relu: [Double], sums: [Double], _ result: inout ExperimentResult) {
        result.check(Criterion("largest first-layer |sum| at input scale 100 over that at scale 1", .atLeast, 50, claim: 2), sums[2] / sums[0],
                     measured: "largest |sum| \(Format.number(sums[0], 3)) → \(Format.number(sums[2], 3))")
        result.check(Criterion("tanh: largest |activation| in any layer", .atMost, 1, claim: 16), tanh.max() ?? .nan,
                     measured: "tanh peaks at \(Format.number(tanh.max() ?? .nan, 6))")
        let growth = relu[Self.depth - 1] / relu[0]
        result.check(Criterion("ReLU: largest activation of layer 10 over that of layer 1", .atLeast, 10, claim: 22), growth,
                     measured: "ReLU grows \(Format.number(growth, 3))× from layer 1 to layer 10")
    }

    static func chart(_ profiles: [[Double]]) -> ResultChart {
        var chart = LineChart(id: "activation-growth-layers", title: "Largest |activation| per layer (log₁₀)", xLabel: "hidden layer", yLabel: "log₁₀ largest |activation|")
        chart.series = zip(["tanh", "relu"], profiles).enumerated().map { index, pair in
            .init(label: pair.0, xs: pair.1.indices.map { Double($0 + 1) }, ys: pair.1.map { Foundation.log10($0) }, colorIndex: index)
        }
        return ResultChart(name: "layers", chart: chart, caption: "The same weights, twice the usual scale: tanh saturates at 1, ReLU keeps growing.")
    }
}
