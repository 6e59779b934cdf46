import Foundation
import NeuralNet
import Plotting

/// At random initialisation about half of the ReLU outputs are exactly 0; sigmoid and tanh give none.
struct ReLUSparsity: Experiment {
    let info = ExperimentInfo(
        id: "relu-sparsity", title: "About half of the ReLU units output 0 at initialisation",
        claims: [23, 24],
        claim:
            "With sigmoid or tanh nearly every unit fires, in a graded way, so activation is dense and costly. With random (or normalised) initial weights about half of ReLU's outputs are 0: activation is sparse and the network lighter.",
        method:
            "Build nets of two hidden layers of widths 16 to 1024 (He initialisation for ReLU, Glorot for sigmoid and tanh, zero biases) and count, on the normalised circle data, the outputs of each hidden layer that are exactly 0. Narrow widths average several nets (up to 8), since one net of 16 units is a small sample. The same at width 64 on the UCI digits (64 pixel inputs). For claim 23, nets of two hidden layers of 32 are trained on circle and on the digits (Adam, learning rate 0.01, 20 epochs; 60 in full mode) with each function, and in each hidden layer we count the outputs that fire: whose magnitude exceeds 1% of the layer's largest |output| on the training inputs.",
        reading:
            "'Lighter' is read as the work a sparse kernel could skip: a multiply-add in the next layer whose input is exactly 0 — the same share as the zeros. Our kernels are dense, so we report the share, not a time saved. Sigmoid and tanh are never exactly 0 (tanh only at a sum of exactly 0), so their density in exact zeros is their definition and is shown, not judged; claim 23 is judged by how many of their outputs in trained nets are more than negligible (above 1% of the layer's largest), against 'almost every': at least 90%. 'Costly' is shown as the work a sparse pass could skip, not timed."
    )

    static let activations = ["relu", "sigmoid", "tanh"]
    static let band = 0.4...0.6

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let widths = settings.pick(quick: [16, 64, 256, 1024], full: [16, 32, 64, 128, 256, 512, 1024])
        let data = try Runs.data("circle", count: settings.pick(quick: 64, full: 500), seed: settings.seed(1))
        var table = ResultTable(
            title: "Exactly-zero outputs at initialisation, layer 1 / layer 2 (mean over nets)",
            columns: ["width", "nets"] + Self.activations)
        var zeros: [String: [[Double]]] = [:]
        for width in widths {
            let shape = Shape(
                width: width, layers: width <= settings.pick(quick: 128, full: 1024) ? 2 : 1,
                nets: max(1, min(8, 256 / width)))
            var row = [String(width), String(shape.nets)]
            for id in Self.activations {
                let fractions = try Self.zeroFractions(id, shape, data: data, seed: settings.seed(UInt64(width)))
                zeros[id, default: []].append(fractions)
                for (layer, fraction) in fractions.enumerated() {
                    result.measure("\(id).zero_fraction.w\(width).layer\(layer + 1)", fraction)
                }
                row.append(fractions.map(Format.percent).joined(separator: " / "))
            }
            table.rows.append(row)
        }
        let digits = try digitsZeros(settings, &result)
        table.rows.append(
            ["64 (digits)", "4"]
                + Self.activations.map { id in digits[id, default: []].map(Format.percent).joined(separator: " / ") })
        result.tables.append(table)
        if settings.quick { result.notes.append("Quick mode measures the second layer only up to width 128.") }
        judge(zeros.mapValues { $0.flatMap { $0 } }.merging(digits) { $0 + $1 }, widths: widths, &result)
        try firing(settings, &result)
        result.charts.append(Self.chart(widths, zeros))
        return result
    }

    /// Zero fractions per layer of two hidden layers of 64 on the real digits, per activation.
    private func digitsZeros(_ settings: ExperimentSettings, _ result: inout ExperimentResult) throws -> [String:
        [Double]]
    {
        let digits = try Runs.data("digits", count: settings.pick(quick: 300, full: 1797), seed: settings.seed(2))
        var zeros: [String: [Double]] = [:]
        for id in Self.activations {
            let fractions = try Self.zeroFractions(
                id, Shape(width: 64, layers: 2, nets: 4), data: digits, seed: settings.seed(3))
            zeros[id] = fractions
            for (layer, fraction) in fractions.enumerated() {
                result.measure("\(id).zero_fraction.digits.layer\(layer + 1)", fraction)
            }
        }
        return zeros
    }

    /// Nets of `layers` hidden layers of `width` units, `nets` of them averaged.
    struct Shape {
        let width: Int, layers: Int, nets: Int
    }

    /// The fraction of exact zeros in each hidden layer at initialisation, averaged over `shape.nets` fresh nets.
    static func zeroFractions(_ id: String, _ shape: Shape, data: Dataset, seed: UInt64) throws -> [Double] {
        var sums = [Double](repeating: 0, count: shape.layers)
        for net in 0..<shape.nets {
            var c = Runs.configuration(
                hidden: [Int](repeating: shape.width, count: shape.layers), activation: id, epochs: 1,
                seed: seed &+ UInt64(net), initializer: id == "relu" ? .he : .glorotUniform)
            c.trainFraction = 1
            c.output = data.classNames.count > 2 ? .softmax : .sigmoid  // ten digits need ten outputs
            let layers = try TrainingSession(configuration: c, data: data).measure().layers.dropLast()
            for (layer, metrics) in layers.enumerated() { sums[layer] += metrics.zeroFraction }
        }
        return sums.map { $0 / Double(shape.nets) }
    }

    private func judge(_ zeros: [String: [Double]], widths: [Int], _ result: inout ExperimentResult) {
        let relu = zeros["relu"] ?? []
        result.check(
            Criterion("ReLU: largest |zero fraction − 50%| over layers and widths", .atMost, 0.1, claim: 24),
            relu.map { abs($0 - 0.5) }.max() ?? .nan,
            measured: "ReLU zeros \(Format.percentRange(relu)) at widths \(widths.first!)–\(widths.last!)")
        let smooth = (zeros["sigmoid"] ?? []) + (zeros["tanh"] ?? [])
        result.fact(
            "sigmoid and tanh exact-zero fraction \(Format.percentRange(smooth)): sigmoid is never 0 and tanh only at a "
                + "sum of exactly 0, so their outputs are dense by definition (how costly that density is: a note, as a share of the work, not timed)",
            claims: [23])
        result.notes.append(
            "ReLU's zeros come from the sign of the weighted sum: with symmetric weights, zero biases and centred inputs, each sum is negative half the time. A layer with a positive bias start (TensorFlow Playground's 0.1) would give fewer."
        )
    }

    /// An output "fires" when its magnitude exceeds this share of its layer's largest |output| on the same inputs.
    static let firingCut = 0.01
    /// "Almost every" unit: the share of outputs that must fire.
    static let almostEvery = 0.9
    /// Claim 23, fixed before the run.
    static let firingCriterion = Criterion(
        "sigmoid and tanh, trained: lowest share of outputs above 1% of their layer's largest", .atLeast, almostEvery,
        claim: 23)

    /// The share of the entries of `outputs` whose magnitude exceeds `firingCut` times the largest magnitude
    /// (0 when every entry is 0).
    static func firingShare(_ outputs: [Double]) -> Double {
        let magnitudes = outputs.map(abs)
        guard let largest = magnitudes.max(), largest > 0 else { return 0 }
        return Double(magnitudes.filter { $0 > firingCut * largest }.count) / Double(magnitudes.count)
    }

    /// The firing share of each hidden layer of a trained session on its training inputs.
    static func firingShares(_ session: TrainingSession) -> [Double] {
        var rng = SeededGenerator(seed: 0)  // evaluation draws nothing
        let caches = session.network.forward(Runs.networkInputs(session), training: false, rng: &rng)
        return caches.dropLast().map { firingShare($0.output.storage) }
    }

    /// Claim 23 in trained nets: the share of outputs that fire, per function, dataset and layer.
    private func firing(_ settings: ExperimentSettings, _ result: inout ExperimentResult) throws {
        let epochs = settings.pick(quick: 20, full: 60)
        var shares: [String: [Double]] = [:]
        var table = ResultTable(
            title:
                "Trained nets (2 × 32, \(epochs) epochs): outputs above 1% of their layer's largest, layer 1 / layer 2",
            columns: ["dataset"] + Self.activations)
        for name in ["circle", "digits"] {
            let problem = Problem.all.first { $0.dataset == name }!
            let data = try problem.data(settings)
            var row = [name]
            for id in Self.activations {
                let session = try problem.train(id, hidden: [32, 32], epochs: epochs, on: data, settings)
                let layers = Self.firingShares(session)
                for (layer, share) in layers.enumerated() {
                    result.measure("\(id).trained.firing_share.\(name).layer\(layer + 1)", share)
                }
                shares[id, default: []] += layers
                row.append(layers.map(Format.percent).joined(separator: " / "))
            }
            table.rows.append(row)
        }
        result.tables.append(table)
        let smooth = (shares["sigmoid"] ?? []) + (shares["tanh"] ?? [])
        let relu = shares["relu"] ?? []
        let lowest = smooth.min() ?? .nan
        result.check(
            Self.firingCriterion, lowest,
            measured:
                "sigmoid and tanh fire on \(Format.percentRange(smooth)) of outputs (ReLU \(Format.percentRange(relu)))")
        result.notes.append(
            "'Costly' (claim 23), shown, not judged: the next layer's multiply-adds a sparse pass could skip (inputs at most 1% of "
                + "their layer's largest) in the trained nets are \(Format.percentRange(smooth.map { 1 - $0 })) for sigmoid and "
                + "tanh, \(Format.percentRange(relu.map { 1 - $0 })) for ReLU (first seed); a share of the work, not a time.")
    }

    static func chart(_ widths: [Int], _ zeros: [String: [[Double]]]) -> ResultChart {
        let xs = widths.map { Foundation.log2(Double($0)) }
        var chart = LineChart(
            id: "relu-sparsity-zeros", title: "Exact zeros at initialisation (layer 1)", xLabel: "log₂ width",
            yLabel: "fraction of outputs = 0")
        chart.yDomain = 0...1
        chart.series = activations.enumerated().map { index, id in
            .init(label: id, xs: xs, ys: (zeros[id] ?? []).map { $0[0] }, colorIndex: index)
        }
        return ResultChart(
            name: "zeros", chart: chart,
            caption: caption(widths, zeros))
    }

    /// What the chart shows, from the zero fractions of layer 1.
    static func caption(_ widths: [Int], _ zeros: [String: [[Double]]]) -> String {
        let first = { (id: String) in (zeros[id] ?? []).map { $0[0] } }
        return "Exact zeros in layer 1 at widths \(widths.first!)–\(widths.last!) (first seed): ReLU "
            + "\(Format.percentRange(first("relu"))), sigmoid \(Format.percentRange(first("sigmoid"))), "
            + "tanh \(Format.percentRange(first("tanh")))."
    }
}
