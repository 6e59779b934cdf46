import Foundation
import PropertyBased
import Testing

@testable import NeuralNet

/// The model loader (`predict --model` and the playground's Import): mutated model files are refused
/// with a message, or load into a network whose prediction has the promised shape; never a crash.
@Suite("Fuzz: the model loader", .timeLimit(.minutes(1)))
struct ModelFuzzTests {
    /// Valid files: a PReLU softmax classifier, a maxout regressor with features, a sigmoid classifier.
    static let seeds: [[UInt8]] = {
        func file(
            _ activation: String, hidden: [Int], outputs: Int, head: OutputHead, features: [Feature]?, classes: [String]
        ) -> [UInt8] {
            var rng = SeededGenerator(seed: 9)
            let activations = hidden.map { _ in try! HiddenActivation.named(activation) }
            let network = try! Network<Double>(
                inputs: features?.count ?? 2, hidden: hidden, activations: activations, outputs: outputs,
                head: head, initializer: .glorotUniform, rng: &rng)
            let count = features?.count ?? 2
            let normalization = Normalization(
                mean: [Double](repeating: 0.5, count: count), standardDeviation: [Double](repeating: 2, count: count))
            return try! Array(
                ModelFile(
                    network: network, inputNames: ["x1", "x2"], features: features, normalization: normalization,
                    classNames: classes
                ).encoded())
        }
        return [
            file("prelu", hidden: [3], outputs: 3, head: .softmax, features: nil, classes: ["a", "b", "c"]),
            file(
                "maxout", hidden: [2, 2], outputs: 1, head: .linear, features: [.x1, .x1Squared, .sinX2], classes: []),
            file("tanh", hidden: [2], outputs: 1, head: .sigmoid, features: nil, classes: ["no", "yes"]),
        ]
    }()

    static let point = Matrix(rows: 2, columns: 2, storage: [0.25, -1, 3, 1e10])

    /// Decode, validate, prepare a point and predict: a clear error or outputs of the promised shape.
    static func load(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = Fuzz.bounded(text.debugDescription) {
            let file = try ModelFile.decode(Data(bytes))
            let network = try file.network()
            let outputs = network.predict(try file.prepare(point))
            #expect(outputs.rows == 2 && outputs.columns == network.outputCount)
            _ = Prediction(file: file, outputs: outputs).csv()
        }
    }

    @Test("the seeds load")
    func seedsLoad() throws {
        for seed in Self.seeds { _ = try ModelFile.decode(Data(seed)).network() }
    }

    @Test("files mutated byte by byte")
    func mutated() async {
        await propertyCheck(count: 1500, input: Gen.int(in: 0..<Self.seeds.count), Fuzz.recipes) { seed, recipe in
            Self.load(Fuzz.mutate(Self.seeds[seed], recipe))
        }
    }

    /// Numbers in the file swapped for hostile ones (0, negative, huge, fractional), one field at a time.
    @Test("numbers replaced by hostile values")
    func hostileNumbers() async {
        let values = ["0", "-1", "1e308", "-1e308", "0.5", "1e-320", "4096", "99999999999999999999"]
        await propertyCheck(
            count: 1500, input: Gen.int(in: 0..<Self.seeds.count), Gen.int(in: 0...10_000),
            Gen.int(in: 0..<values.count)
        ) { seed, which, value in
            var text = String(decoding: Self.seeds[seed], as: UTF8.self)
            let numbers = text.ranges(of: /-?[0-9][0-9.eE+-]*/)
            guard !numbers.isEmpty else { return }
            text.replaceSubrange(numbers[which % numbers.count], with: values[value])
            Self.load(Array(text.utf8))
        }
    }
}
