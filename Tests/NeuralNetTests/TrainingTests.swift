import Foundation
import TestSupport
import Testing

@testable import NeuralNet

@Suite("Training")
struct TrainingTests {
    static func configuration(
        hidden: [Int], activation: String, output: OutputHead = .softmax, epochs: Int,
        lr: Double = 0.03, seed: UInt64 = 1
    ) -> TrainingConfiguration {
        var c = TrainingConfiguration()
        (c.hidden, c.activations, c.output, c.epochs, c.seed) = (hidden, [activation], output, epochs, seed)
        c.optimizer = OptimizerSettings(kind: .adam, learningRate: lr)
        c.batchSize = 16
        return c
    }

    static func train(_ dataset: String, _ c: TrainingConfiguration, noise: Double = 0) throws -> TrainingSession {
        var session = try TrainingSession(
            configuration: c, data: try Datasets.named(dataset).generate(noise: noise, seed: 42))
        while !session.isFinished { try session.runEpoch() }
        return session
    }

    @Test(
        "XOR, circle and spiral reach their accuracies with fixed seeds",
        arguments: [
            ("xor", [8], "tanh", 60, 0.97), ("circle", [8], "relu", 60, 0.97), ("spiral", [16, 16], "tanh", 300, 0.95),
        ])
    func reachesAccuracy(dataset: String, hidden: [Int], activation: String, epochs: Int, target: Double) async throws {
        let session = try await onAThreadOfItsOwn {
            try Self.train(dataset, Self.configuration(hidden: hidden, activation: activation, epochs: epochs))
        }
        let last = session.history.last!
        #expect(last.testAccuracy! >= target, "\(dataset): test accuracy \(last.testAccuracy!)")
        #expect(last.trainLoss < session.history.first!.trainLoss)
    }

    @Test("a linear network cannot separate XOR: it stays near chance")
    func linearCannotLearnXOR() throws {
        let session = try Self.train("xor", Self.configuration(hidden: [8, 8], activation: "identity", epochs: 40))
        #expect(session.history.last!.testAccuracy! < 0.7)
    }

    @Test("the same seed gives identical weights and metrics; another seed does not")
    func determinism() throws {
        let c = Self.configuration(hidden: [6], activation: "relu", epochs: 5)
        let a = try Self.train("circle", c)
        let b = try Self.train("circle", c)
        #expect(a.network.layers.map(\.weights) == b.network.layers.map(\.weights))
        #expect(a.history.map(\.trainLoss) == b.history.map(\.trainLoss))
        var other = c
        other.seed = 2
        #expect(try Self.train("circle", other).network.layers[0].weights != a.network.layers[0].weights)
    }

    @Test("Float training follows Double training closely")
    func floatPrecision() throws {
        var c = Self.configuration(hidden: [8], activation: "tanh", epochs: 10)
        let double = try Self.train("xor", c)
        c.precision = .float
        let float = try Self.train("xor", c)
        for (a, b) in zip(double.history, float.history) {
            #expect(abs(a.trainLoss - b.trainLoss) < 1e-4 * max(1, a.trainLoss))
        }
    }

    @Test(
        "regression with tanh, linear and huber heads lowers the loss", arguments: [OutputHead.linear, .huber, .tanh])
    func regression(_ head: OutputHead) throws {
        let session = try Self.train(
            "reg-plane", Self.configuration(hidden: [4], activation: "tanh", output: head, epochs: 20))
        #expect(session.history.last!.trainLoss < session.history.first!.trainLoss / 2)
        #expect(session.history.last!.trainAccuracy == nil)
    }

    @Test("TensorFlow Playground's setup: tanh output, playground init, SGD, fixed order")
    func playgroundSetup() throws {
        var c = Self.configuration(hidden: [4, 2], activation: "tanh", output: .tanh, epochs: 200)
        (c.initializer, c.optimizer, c.batchSize, c.shuffle, c.trainFraction, c.normalize) =
            (.playground, OptimizerSettings(kind: .sgd, learningRate: 0.03), 10, false, 0.5, false)
        let session = try Self.train("gauss", c)
        #expect(session.history.last!.testAccuracy! > 0.95)
    }

    @Test("dead ReLU units are counted; leaky ReLU has none")
    func deadUnits() throws {
        var c = Self.configuration(hidden: [32], activation: "relu", epochs: 1)
        c.initializer = .he
        var session = try TrainingSession(configuration: c, data: try Datasets.named("circle").generate(seed: 1))
        let metrics = try session.runEpoch()
        #expect(metrics.layers[0].zeroFraction > 0.2 && metrics.layers[0].zeroFraction < 0.8)
        c.activations = ["leaky-relu"]
        var leaky = try TrainingSession(configuration: c, data: try Datasets.named("circle").generate(seed: 1))
        #expect(try leaky.runEpoch().layers[0].deadFraction == 0)
    }

    @Test("a huge learning rate stops training with a message naming the epoch, before NaN reaches the weights")
    func nonFiniteStops() throws {
        var c = Self.configuration(hidden: [8], activation: "exponential", output: .linear, epochs: 50, lr: 1e6)
        c.optimizer.kind = .sgd
        var session = try TrainingSession(
            configuration: c, data: try Datasets.named("reg-plane").generate(count: 200, seed: 3))
        var caught: NeuralNetError?
        do { while !session.isFinished { try session.runEpoch() } } catch { caught = error }
        guard case .nonFinite(let epoch, _, _) = caught else {
            Issue.record("expected a non-finite stop, got \(String(describing: caught))"); return
        }
        #expect(epoch >= 1)
        #expect(
            session.network.layers.allSatisfy {
                $0.weights.storage.allSatisfy(\.isFinite) && $0.bias.allSatisfy(\.isFinite)
            })
    }

    @Test("bad configurations are refused with what was wrong")
    func validation() throws {
        let data = try Datasets.named("xor").generate(seed: 1)
        var c = Self.configuration(hidden: [4], activation: "relu", epochs: 0)
        #expect(throws: NeuralNetError.self) { try TrainingSession(configuration: c, data: data) }
        c.epochs = 1
        c.batchSize = 0
        #expect(throws: NeuralNetError.self) { try TrainingSession(configuration: c, data: data) }
        c.batchSize = 8
        c.activations = ["relux"]
        #expect(throws: NeuralNetError.self) { try TrainingSession(configuration: c, data: data) }
        c.activations = ["relu"]
        c.output = .linear
        #expect(throws: NeuralNetError.self) { try TrainingSession(configuration: c, data: data) }
        #expect(throws: NeuralNetError.self) { try Datasets.named("xorr") }
    }
}

@Suite("dead units")
struct DeadUnitTests {
    @Test("Network.deadUnits names the units inactive on every input, per hidden layer")
    func deadUnits() throws {
        var rng = SeededGenerator(seed: 3)
        var network = try Network<Double>(
            inputs: 2, hidden: [4, 3], activations: [try .named("relu"), try .named("leaky-relu")],
            outputs: 1, head: .sigmoid, initializer: .he, rng: &rng)
        network.layers[0].bias = [-100, 0, -100, 0]  // units 0 and 2 can never fire on inputs in [−1, 1]
        network.layers[1].bias = [-100, -100, -100]  // leaky ReLU keeps a slope: never dead
        let x = Matrix(rows: 50, columns: 2, storage: (0..<100).map { _ in rng.uniform(-1, 1) })
        let dead = network.deadUnits(on: x)
        #expect(dead.count == 2)
        #expect(Set(dead[0]).isSuperset(of: [0, 2]))
        #expect(dead[1].isEmpty)
    }
}

@Suite("session measurements")
struct SessionMeasureTests {
    @Test("measure() before training reports the initial network; hiddenBias sets every hidden bias")
    func measureAtInitialisation() throws {
        var c = TrainingConfiguration()
        (c.hidden, c.activations, c.initializer, c.epochs) = ([16, 16], ["relu"], .he, 1)
        c.hiddenBias = -100  // every hidden unit starts on ReLU's flat side: all dead, all outputs 0
        let data = try Datasets.named("circle").generate(count: 100, seed: 1)
        var session = try TrainingSession(configuration: c, data: data)
        #expect(session.network.layers.dropLast().allSatisfy { $0.bias.allSatisfy { $0 == -100 } })
        let initial = session.measure()
        #expect(initial.epoch == 0)
        #expect(initial.layers.dropLast().allSatisfy { $0.deadFraction == 1 && $0.zeroFraction == 1 })
        #expect(session.history.isEmpty)  // measuring does not train
        let first = try session.runEpoch()
        #expect(first.layers[0].deadFraction == 1)  // no gradient reaches a dead unit, so it stays dead
        c.hiddenBias = .nan
        #expect(throws: NeuralNetError.self) { try TrainingSession(configuration: c, data: data) }
    }
}
