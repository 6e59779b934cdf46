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
            "Feed the normalised circle data, scaled by 1, 10 and 100, to nets of 10 hidden layers of 32 units whose weights are drawn with standard deviation 2/√fan-in (twice LeCun's: a start on the large side, the same weights for tanh and ReLU, zero biases), and record the largest weighted sum of the first layer and the largest |activation| and |weighted sum| of every layer. One drawn net is a noisy sample of what the start does (its ReLU growth over 10 layers varies several-fold between draws: see the spread table), so every seed draws 16 nets (32 in full mode): tanh's bound is checked on all of them, and ReLU's growth is their geometric mean. For tanh's bound, the same nets read the input scaled by 100: the largest |weighted sum| of layers 2 to 10 at scale 100 over that at scale 1, per layer and net. Then the first net of each kind is trained (Adam, learning rate 0.01, 20 epochs; 100 in full mode) and its largest |activation| and |weighted sum| compared before and after.",
        reading:
            "The article says ReLU can blow activations up, not that it must: we show it under weights somewhat larger than the usual start, where it does; with He initialisation the scale stays level (the vanishing-gradient experiment shows the gradient side). That tanh's outputs stay inside (−1, 1) is its definition and is shown, not judged. What the bound adds is judged: a layer fed bounded outputs has sums bounded by its weights, so a 100 times larger input, which reaches every ReLU layer 100 times larger (zero biases), must not reach tanh's deeper layers; 'blow-up' uses the threshold of claim 22, a factor of 10. Over training tanh's sums can still grow with its weights: that is saturation (claims 14 and 19), not activations blowing up, so it is shown, not judged."
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
        try bounded(draws: draws, x, settings, &result)
        try training(data, x, settings, &result)
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

    /// The largest |weighted sum| of each hidden layer of `network` on `x`.
    static func largestSums(_ network: Network<Double>, _ x: Matrix<Double>) -> [Double] {
        var rng = SeededGenerator(seed: 0)
        return network.forward(x, training: false, rng: &rng).dropLast().map {
            $0.sums.storage.map(abs).max() ?? .nan
        }
    }

    /// `x` with every entry times `scale`.
    static func scaled(_ x: Matrix<Double>, _ scale: Double) -> Matrix<Double> {
        Matrix(rows: x.rows, columns: x.columns, storage: x.storage.map { $0 * scale })
    }

    /// Claim 16, fixed before the run: a 100× input must not reach tanh's deeper layers 10× larger (claim 22's
    /// threshold for a blow-up).
    static let boundCriterion = Criterion(
        "tanh: largest |weighted sum| of layers 2–10 at input scale 100 over that at scale 1 (largest over layers and nets)",
        .lessThan, 10, claim: 16)

    /// Per net, per hidden layer from the second on: the largest |weighted sum| with the input scaled by 100 over
    /// that at scale 1. The largest of these is what claim 16's criterion reads.
    static func sumRatios(_ id: String, draws: Int, _ x: Matrix<Double>, _ settings: ExperimentSettings) throws
        -> [[Double]]
    {
        try (0..<draws).map { net in sumRatios(try Self.network(id, seed: settings.seed(UInt64(100 + net))), x) }
    }

    /// Per hidden layer from the second on, the largest |weighted sum| of `network` on `x` scaled by 100 over
    /// that on `x`.
    static func sumRatios(_ network: Network<Double>, _ x: Matrix<Double>) -> [Double] {
        let (small, large) = (largestSums(network, x), largestSums(network, scaled(x, 100)))
        return (1..<small.count).map { large[$0] / small[$0] }
    }

    /// Claim 16: what tanh's bound adds beyond its definition. A 100× input reaches every ReLU layer 100×
    /// (zero biases: ReLU is positively homogeneous); through tanh it must stop at the first layer.
    private func bounded(
        draws: Int, _ x: Matrix<Double>, _ settings: ExperimentSettings, _ result: inout ExperimentResult
    ) throws {
        let tanh = try Self.sumRatios("tanh", draws: draws, x, settings)
        let relu = try Self.sumRatios("relu", draws: draws, x, settings)
        var table = ResultTable(
            title: "Largest |weighted sum| at input scale 100 over that at scale 1, per layer (over the \(draws) nets)",
            columns: ["layer", "tanh, largest over the nets", "relu, largest over the nets"])
        for layer in 0..<(Self.depth - 1) {
            let (t, r) = (tanh.map { $0[layer] }.max() ?? .nan, relu.map { $0[layer] }.max() ?? .nan)
            table.rows.append([String(layer + 2), Format.number(t, 4), Format.number(r, 4)])
        }
        result.tables.append(table)
        let largest = tanh.flatMap { $0 }.max() ?? .nan
        let reluLowest = relu.flatMap { $0 }.min() ?? .nan
        result.measure("tanh.sum_ratio_scale100_over_1.largest", largest)
        result.measure("relu.sum_ratio_scale100_over_1.lowest", reluLowest)
        result.check(
            Self.boundCriterion, largest,
            measured:
                "a 100× input reaches tanh's layers 2–10 at most \(Format.number(largest, 3))× larger; ReLU's at least \(Format.number(reluLowest, 4))× (same weights)"
        )
    }

    /// Claims 16 and 22 over training: the first net of each kind trained, its largest |activation| and
    /// |weighted sum| over the hidden layers before and after (shown, not judged).
    private func training(
        _ data: Dataset, _ x: Matrix<Double>, _ settings: ExperimentSettings, _ result: inout ExperimentResult
    ) throws {
        let epochs = settings.pick(quick: 20, full: 100)
        let train = try LabeledData(inputs: x, targets: try data.labeled(Double.self).targets)
        var table = ResultTable(
            title: "Over training (first net, Adam 0.01, \(epochs) epochs): largest over the hidden layers",
            columns: ["activation", "|activation| before", "|activation| after", "|sum| before", "|sum| after", "accuracy"])
        var tanhLargest = 0.0
        for id in ["tanh", "relu"] {
            let start = try Self.network(id, seed: settings.seed(100))
            var trainer = try Trainer(
                network: start, settings: OptimizerSettings(kind: .adam, learningRate: 0.01), batchSize: 32,
                seed: settings.seed(200))
            var accuracy = Double.nan
            var stopped = ""
            do {
                for _ in 0..<epochs { accuracy = try trainer.trainEpoch(train).trainAccuracy ?? .nan }
            } catch {
                stopped = " (stopped: \(error))"
            }
            let before = Self.largest(start, x).outputs.max() ?? .nan
            let after = Self.largest(trainer.network, x).outputs.max() ?? .nan
            let (sumsBefore, sumsAfter) = (
                Self.largestSums(start, x).max() ?? .nan, Self.largestSums(trainer.network, x).max() ?? .nan
            )
            if id == "tanh" { tanhLargest = max(before, after) }
            result.measure("\(id).trained.largest_activation_before", before)
            result.measure("\(id).trained.largest_activation_after", after)
            result.measure("\(id).trained.largest_sum_before", sumsBefore)
            result.measure("\(id).trained.largest_sum_after", sumsAfter)
            table.rows.append([
                id, Format.number(before, 4), Format.number(after, 4), Format.number(sumsBefore, 4),
                Format.number(sumsAfter, 4), Format.percent(accuracy) + stopped,
            ])
        }
        result.tables.append(table)
        result.fact(
            "tanh's largest |activation| before and after \(epochs) epochs of training: \(Format.number(tanhLargest, 6)); "
                + "tanh cannot exceed 1 by definition, whatever training does to the weights",
            claims: [16])
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
