import ActivationFunctions
import Foundation

/// The standard training benchmarks (`activations bench --training`), on synthetic data, one thread.
public enum TrainingBenchmarks {
    /// One benchmark's result, as `activations bench --training --json` writes it.
    public struct Measurement: Sendable, Codable {
        /// Which benchmark: `playground-epoch`, `playground-epoch-metrics`, `mnist-step` or `gemm-128x784x256`.
        public var id: String
        /// The median wall-clock time of one repetition, in seconds.
        public var seconds: Double?
        /// Billions of floating-point operations per second (the matrix product only); nil for the others.
        public var gflops: Double?
        /// The training points of one epoch (the playground epochs only); nil for the others.
        public var trainCount: Int?

        enum CodingKeys: String, CodingKey {
            case id
            case seconds
            case gflops
            case trainCount = "train_count"
        }
    }

    /// The median of `repeats` timings of `body`, after one warm-up run.
    static func medianSeconds(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        try body()
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
        }
        return Statistics.median(times)
    }

    /// One epoch of TensorFlow Playground's default: 2-8-8-1 tanh, squared error (tanh output), SGD 0.03, batch 10,
    /// 500 points, through `TrainingSession.runEpoch`: 50 steps, then the epoch's train loss and accuracy from a
    /// forward pass over the 500 points: the work PyTorch's loop in `Scripts/bench/compare-training-speed.py` does.
    /// With `withLayerMetrics` (id `playground-epoch-metrics`) the epoch ends as `activations train` ends it: a
    /// full-batch forward and backward pass for the per-layer gradient flow and dead, zero and saturated units.
    public static func playgroundEpoch(withLayerMetrics: Bool = false, repeats: Int = 21) throws(NeuralNetError)
        -> Measurement
    {
        var c = TrainingConfiguration()
        (c.hidden, c.activations, c.output, c.batchSize, c.trainFraction, c.precision) = (
            [8, 8], ["tanh"], .tanh, 10, 1, .float
        )
        (c.initializer, c.optimizer, c.shuffle) = (
            .playground, OptimizerSettings(kind: .sgd, learningRate: 0.03), false
        )
        c.epochs = repeats + 2
        var session = try TrainingSession(
            configuration: c, data: try Datasets.named("circle").generate(count: 500, seed: 1))
        session.measuresLayers = withLayerMetrics
        var failure: NeuralNetError?
        let seconds = medianSeconds(repeats) {
            do throws(NeuralNetError) { try session.runEpoch() } catch { failure = error }
        }
        if let failure { throw failure }
        return Measurement(
            id: withLayerMetrics ? "playground-epoch-metrics" : "playground-epoch", seconds: seconds, trainCount: 500)
    }

    /// One step of an MNIST-sized net: 784-256-128-10 ReLU, softmax cross-entropy, Adam, batch 128 (random data):
    /// forward, backward, the NaN guard and the Adam update (`Trainer.step`).
    public static func mnistStep(repeats: Int = 11) throws(NeuralNetError) -> Measurement {
        var rng = SeededGenerator(seed: 7)
        let inputs = Matrix<Float>(
            rows: 128, columns: 784, storage: (0..<(128 * 784)).map { _ in Float(rng.uniform(0, 1)) })
        let labels = (0..<128).map { $0 % 10 }
        let batch = try LabeledData(inputs: inputs, targets: .classes(labels, count: 10))
        let relu = try HiddenActivation.named("relu")
        let network = try Network<Float>(
            inputs: 784, hidden: [256, 128], activations: [relu, relu], outputs: 10,
            head: .softmax, initializer: .he, rng: &rng)
        var trainer = try Trainer(
            network: network, settings: OptimizerSettings(kind: .adam, learningRate: 1e-3),
            batchSize: 128, shuffle: false, seed: 1)
        var failure: NeuralNetError?
        let seconds = medianSeconds(repeats) {
            do throws(NeuralNetError) { try trainer.step(batch) } catch { failure = error }
        }
        if let failure { throw failure }
        return Measurement(id: "mnist-step", seconds: seconds)
    }

    /// C = A·B with A 128×784 and B 784×256, in Float.
    public static func gemm(repeats: Int = 21) -> Measurement {
        var rng = SeededGenerator(seed: 3)
        let a = Matrix<Float>(
            rows: 128, columns: 784, storage: (0..<(128 * 784)).map { _ in Float(rng.uniform(-1, 1)) })
        let b = Matrix<Float>(
            rows: 784, columns: 256, storage: (0..<(784 * 256)).map { _ in Float(rng.uniform(-1, 1)) })
        var sink: Float = 0
        let seconds = medianSeconds(repeats) { sink += a.multiplied(by: b).storage[0] }
        precondition(sink.isFinite || !sink.isFinite)  // keeps the product from being optimised away
        return Measurement(id: "gemm-128x784x256", seconds: seconds, gflops: 2 * 128 * 784 * 256 / seconds / 1e9)
    }
}
