import ActivationFunctions
import Testing

@testable import NeuralNet

/// Backpropagation against central finite differences in Double (gradcheck: h = 1e−6).
@Suite("Gradients against finite differences")
struct GradientCheckTests {
    static let h = 1e-6

    /// A small random batch and targets fitting `head`.
    static func batch(_ head: OutputHead, inputs: Int, seed: UInt64) -> (Matrix<Double>, Targets<Double>) {
        var rng = SeededGenerator(seed: seed)
        let x = Matrix(rows: 5, columns: inputs, storage: (0..<(5 * inputs)).map { _ in rng.uniform(-2, 2) })
        switch head {
        case .softmax: return (x, .classes([0, 2, 1, 2, 0], count: 3))
        case .sigmoid, .tanh: return (x, .classes([0, 1, 1, 0, 1], count: 2))
        case .linear, .huber:
            return (x, .values(Matrix(rows: 5, columns: 2, storage: (0..<10).map { _ in rng.uniform(-3, 3) })))
        }
    }

    static func network(_ activation: HiddenActivation, _ head: OutputHead, seed: UInt64) throws -> Network<Double> {
        var rng = SeededGenerator(seed: seed)
        let outputs = head == .softmax ? 3 : (head == .sigmoid || head == .tanh ? 1 : 2)
        var network = try Network<Double>(
            inputs: 3, hidden: [4, 3], activations: [activation, activation], outputs: outputs,
            head: head, initializer: .glorotUniform, rng: &rng)
        for index in network.layers.indices {  // non-zero biases, so every term of the gradient is exercised
            network.layers[index].bias = network.layers[index].bias.map { _ in rng.uniform(-0.5, 0.5) }
        }
        return network
    }

    /// Every parameter's analytic gradient against the numeric one; returns the worst mismatch description.
    static func check(_ network: Network<Double>, _ x: Matrix<Double>, _ targets: Targets<Double>) -> [String] {
        var rng = SeededGenerator(seed: 0)
        let (_, gradients, _) = network.gradients(x, targets, training: false, rng: &rng)
        var failures: [String] = []
        func loss(_ n: Network<Double>) -> Double {
            var r = SeededGenerator(seed: 0)
            return n.gradients(x, targets, training: false, rng: &r).loss
        }
        for layer in network.layers.indices {
            let slots: [(WritableKeyPath<DenseLayer<Double>, [Double]>, [Double], String)] = [
                (\.weights.storage, gradients[layer].weights.storage, "W"), (\.bias, gradients[layer].bias, "b"),
                (\.activationParameters, gradients[layer].activationParameters, "a"),
            ]
            for (path, analytic, name) in slots {
                for i in analytic.indices {
                    var up = network
                    var down = network
                    up.layers[layer][keyPath: path][i] += h
                    down.layers[layer][keyPath: path][i] -= h
                    let numeric = (loss(up) - loss(down)) / (2 * h)
                    if abs(numeric - analytic[i]) > 1e-6 + 1e-4 * abs(numeric) {
                        failures.append("layer \(layer + 1) \(name)[\(i)]: analytic \(analytic[i]), numeric \(numeric)")
                    }
                }
            }
        }
        return failures
    }

    @Test("every output and loss pairing", arguments: OutputHead.allCases)
    func heads(_ head: OutputHead) throws {
        let (x, targets) = Self.batch(head, inputs: 3, seed: 7)
        let failures = Self.check(try Self.network(.function(Tanh(), parameters: [:]), head, seed: 3), x, targets)
        #expect(failures.isEmpty, "\(failures.prefix(4))")
    }

    @Test(
        "structured activations: learned PReLU, SReLU, APL and soft exponential (shared and per unit), maxout, BReLU, RReLU in evaluation",
        arguments: [
            "prelu", "prelu-shared", "srelu", "apl", "soft-exponential", "soft-exponential-shared", "maxout", "brelu",
            "rrelu",
        ])
    func structured(_ name: String) throws {
        let shared = name.hasSuffix("-shared")
        let id = shared ? String(name.dropLast("-shared".count)) : name
        let activation = try HiddenActivation.named(id, parameters: shared ? ["shared": 1] : [:])
        var network = try Self.network(activation, .softmax, seed: 11)
        for index in network.layers.indices where !network.layers[index].activationParameters.isEmpty {
            // Parameters that differ from unit to unit and keep the learned functions away from their
            // kinks at the test points (SReLU joints at ±(1.5 + …), APL's hinge below the sums, α ≠ 0).
            let count = network.layers[index].activationParameters.count
            network.layers[index].activationParameters = (0..<count).map { k -> Double in
                switch id {
                case "srelu": [-1.5 - 0.01 * Double(k), 0.2, 1.5 + 0.01 * Double(k), 0.3][k % 4]
                case "apl": [0.3 + 0.05 * Double(k), -5][k % 2]
                case "soft-exponential": 0.2 + 0.05 * Double(k)
                default: 0.1 + 0.1 * Double(k)
                }
            }
        }
        let (x, targets) = Self.batch(.softmax, inputs: 3, seed: 5)
        #expect(Self.check(network, x, targets).isEmpty)
    }

    @Test("every catalog activation as a hidden activation, away from its kinks", arguments: Activations.elementwiseIDs)
    func catalog(_ id: String) throws {
        let f = try Activations.elementwise(id)
        let kinks = f.info.kinks.map { $0.location(in: f.info.defaultParameters) }
        var network = try Self.network(.function(f, parameters: [:]), .linear, seed: 21)
        // Small weights keep fast-growing functions (eˣ) in a range where differences resolve.
        for index in network.layers.indices {
            network.layers[index].weights.storage = network.layers[index].weights.storage.map { $0 / 2 }
        }
        let (x, targets) = Self.batch(.linear, inputs: 3, seed: 9)
        var rng = SeededGenerator(seed: 0)
        let sums = network.forward(x, rng: &rng).dropLast().flatMap(\.sums.storage)
        try #require(
            sums.allSatisfy { z in kinks.allSatisfy { abs(z - $0) > 1e-3 } },
            "a sum landed on a kink; pick another seed")
        let failures = Self.check(network, x, targets)
        #expect(failures.isEmpty, "\(id): \(failures.prefix(3))")
    }
}
