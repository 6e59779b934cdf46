import Foundation
import Testing

@testable import NeuralNet

/// Calls a Swift developer can make with data or settings that do not fit: each used to trap, or to
/// train on nothing, or to write NaN into the weights. Each is now an error that says what is wrong.
@Suite struct APIMisuseTests {
    static func network() throws -> Network<Double> {
        var rng = SeededGenerator(seed: 1)
        return try Network<Double>(
            inputs: 2, hidden: [3], activations: [.named("relu")], outputs: 2, head: .softmax, initializer: .he,
            rng: &rng)
    }

    @Test("Trainer.step refuses a batch of another width, other classes, or no rows")
    func stepChecksItsBatch() throws {
        var trainer = try Trainer(network: Self.network(), settings: OptimizerSettings(), batchSize: 2, seed: 1)
        let wide = try LabeledData<Double>(inputs: Matrix([[1, 2, 3]]), targets: .classes([1], count: 2))
        #expect(throws: NeuralNetError.self) { try trainer.step(wide) }
        let five = try LabeledData<Double>(inputs: Matrix([[1, 2]]), targets: .classes([4], count: 5))
        #expect(throws: NeuralNetError.self) { try trainer.step(five) }
        let empty = try LabeledData<Double>(inputs: Matrix(rows: 0, columns: 2), targets: .classes([], count: 2))
        #expect(throws: NeuralNetError.self) { try trainer.step(empty) }
        #expect(throws: NeuralNetError.self) { _ = try trainer.trainEpoch(empty) }
        // The right shape still trains.
        try trainer.step(try LabeledData(inputs: Matrix([[1, 2]]), targets: .classes([1], count: 2)))
    }

    /// Adam's kernel reads and writes through pointers over the parameters' length: a shorter gradient,
    /// or a slot reused for a longer array, was read and written past its end (in release builds
    /// without a word). Both now stop the program with a message.
    @Test("Optimizer.update stops on a gradient or a slot of another length")
    func optimizerLengths() async {
        await #expect(processExitsWith: .failure) {
            var optimizer = Optimizer<Double>(OptimizerSettings())
            var parameters: [Double] = [1, 2, 3]
            optimizer.update(&parameters, [1], slot: 0, learningRate: 0.1, isWeight: true)
        }
        await #expect(processExitsWith: .failure) {
            var optimizer = Optimizer<Double>(OptimizerSettings())
            var short: [Double] = [1]
            optimizer.update(&short, [1], slot: 0, learningRate: 0.1, isWeight: true)
            var long: [Double] = [1, 2, 3]
            optimizer.update(&long, [1, 1, 1], slot: 0, learningRate: 0.1, isWeight: true)
        }
    }

    @Test("a value that is not a number is named at its own row, for training and for prediction")
    func notANumberIsNamedWhereItIs() throws {
        // Row 8 of 10: found after the split's shuffle and the normalisation, it was "row 1", and ∞ "-nan".
        for (bad, normalize, shown) in [(Double.nan, true, "nan"), (.infinity, false, "inf"), (.infinity, true, "inf")] {
            var rows = (0..<10).map { [Double($0), Double($0 % 3)] }
            rows[7][1] = bad
            let data = Dataset(
                inputs: Matrix(rows), labels: .classes((0..<10).map { $0 % 2 }, names: ["a", "b"]), featureNames: ["x1", "x2"])
            var configuration = TrainingConfiguration()
            configuration.normalize = normalize
            do {
                _ = try TrainingSession(configuration: configuration, data: data)
                Issue.record("\(bad) in row 8 trained")
            } catch { #expect("\(error)".contains("input row 8, column 2 is \(shown)"), "\(error)") }
        }
        let data = Dataset(
            inputs: Matrix((0..<10).map { [Double($0), Double($0 % 3)] }), labels: .classes((0..<10).map { $0 % 2 }, names: ["a", "b"]),
            featureNames: ["x1", "x2"])
        let session = try TrainingSession(configuration: TrainingConfiguration(), data: data)
        do {
            _ = try session.predict(Matrix([[1, 2], [Double.nan, 2]]))
            Issue.record("a NaN input was predicted")
        } catch { #expect("\(error)".contains("input row 2, column 1 is nan"), "\(error)") }
    }

    @Test("a Dataset whose parts do not fit together, or has no rows, is refused before training")
    func datasetParts() throws {
        let short = Dataset(
            inputs: Matrix([[1, 1], [0, 1], [3, 3]]), labels: .classes([0, 1], names: ["a", "b"]),
            featureNames: ["x1", "x2"])
        do {
            _ = try TrainingSession(configuration: TrainingConfiguration(), data: short)
            Issue.record("3 rows with 2 labels trained")
        } catch { #expect("\(error)".contains("3 rows of inputs but 2 labels"), "\(error)") }
        let empty = Dataset(
            inputs: Matrix(rows: 0, columns: 2), labels: .classes([], names: ["a", "b"]), featureNames: ["x1", "x2"])
        #expect(throws: NeuralNetError.self) { _ = try TrainingSession(configuration: TrainingConfiguration(), data: empty) }
        let unnamed = Dataset(inputs: Matrix([[1, 1], [0, 1]]), labels: .classes([0, 1], names: ["a", "b"]), featureNames: ["x1"])
        #expect(throws: NeuralNetError.self) { _ = try unnamed.split(trainFraction: 0.5, seed: 1) }
    }

    @Test("TrainingSession.predict refuses points with another number of columns")
    func predictChecksColumns() throws {
        let session = try TrainingSession(
            configuration: TrainingConfiguration(), data: Datasets.named("circle").generate(count: 50, seed: 1))
        do {
            _ = try session.predict(Matrix([[1, 2, 3]]))
            Issue.record("3 columns predicted")
        } catch { #expect("\(error)".contains("the input has 3"), "\(error)") }
        #expect(try session.predict(Matrix([[0.5, 0.5]])).rows == 1)
    }

    @Test("settings Float cannot hold (an epsilon that is 0 there, a rate that is ∞) are refused for a Float network")
    func floatSettings() throws {
        for change: (inout OptimizerSettings) -> Void in [{ $0.epsilon = 1e-50 }, { $0.learningRate = 1e39 }] {
            var configuration = TrainingConfiguration()
            (configuration.hidden, configuration.activations, configuration.precision) = ([4], ["relu"], .float)
            configuration.initializer = .zeros
            change(&configuration.optimizer)
            #expect(throws: NeuralNetError.self) { try configuration.validate() }
            configuration.precision = .double
            try configuration.validate()  // the same numbers are fine in Double
        }
    }

    /// Finite gradients times a learning rate of 1e308 overflow in the update; the next step's loss
    /// was the first to notice, and blamed the loss.
    @Test("an update that overflows stops training at once and says why")
    func overflowingUpdate() throws {
        var rng = SeededGenerator(seed: 1)
        let network = try Network<Double>(
            inputs: 1, hidden: [2], activations: [.named("identity")], outputs: 1, head: .linear, initializer: .he,
            rng: &rng)
        var trainer = try Trainer(
            network: network, settings: OptimizerSettings(kind: .sgd, learningRate: 1e308), batchSize: 1, seed: 1)
        let batch = try LabeledData<Double>(inputs: Matrix([[3]]), targets: .values(Matrix([[1e6]])))
        do {
            try trainer.step(batch)
            Issue.record("the update overflowed without a word")
        } catch { #expect("\(error)".contains("the update made layer"), "\(error)") }
    }

    @Test("a learning-rate schedule that is negative, NaN or overflows is refused")
    func schedules() throws {
        for schedule: LearningRateSchedule in [
            .step(every: 1, gamma: -1), .step(every: 0, gamma: 0.5), .step(every: 1, gamma: 1e300),
            .cosine(epochs: 0, minimum: .nan), .cosine(epochs: 10, minimum: -1),
        ] {
            var configuration = TrainingConfiguration()
            configuration.schedule = schedule
            #expect(throws: NeuralNetError.self, "\(schedule)") { try configuration.validate() }
        }
        var fine = TrainingConfiguration()
        fine.schedule = .step(every: 10, gamma: 0.5)
        try fine.validate()
        fine.schedule = .cosine(epochs: 100, minimum: 0)
        try fine.validate()
    }

    @Test("a model file with a NaN is an error on encoding, not a stopped program")
    func modelFileWithNaN() throws {
        let session = try TrainingSession(
            configuration: TrainingConfiguration(), data: Datasets.named("circle").generate(count: 50, seed: 1))
        var file = session.modelFile(inputNames: ["x1", "x2"])
        _ = try file.encoded()
        file.normalization.mean[0] = .nan
        do {
            _ = try file.encoded()
            Issue.record("a NaN was encoded")
        } catch { #expect("\(error)".contains("normalization.mean[0]"), "\(error)") }
    }

    @Test("TrainingRun.replaceData refuses data of another width")
    func replaceData() throws {
        var run = try TrainingRun<Double>(
            trainer: Trainer(network: Self.network(), settings: OptimizerSettings(), batchSize: 2, seed: 1),
            train: LabeledData(inputs: Matrix([[1, 2], [3, 4]]), targets: .classes([0, 1], count: 2)), test: nil)
        let wide = try LabeledData<Double>(inputs: Matrix([[1, 2, 3]]), targets: .classes([1], count: 2))
        #expect(throws: NeuralNetError.self) { try run.replaceData(train: wide, test: nil) }
    }

    @Test("an identity whose c Float cannot hold is still linear, and validate() knows the weight cap")
    func wrappedIdentityAndCap() throws {
        var rng = SeededGenerator(seed: 1)
        let network = try Network<Double>(
            inputs: 2, hidden: [3], activations: [.named("identity", parameters: ["c": 1e-39])], outputs: 1,
            head: .linear, initializer: .he, rng: &rng)
        #expect(network.isLinear && network.linearCollapse() != nil)
        var configuration = TrainingConfiguration()
        configuration.hidden = [Int](repeating: 4096, count: 18)  // 17 × 4096² > 2²⁸
        #expect(throws: NeuralNetError.self) { try configuration.validate() }
        #expect(try Dataset(inputs: Matrix(rows: 0, columns: 2), labels: .classes([], names: ["a"]), featureNames: ["x1", "x2"])
            .split(trainFraction: 0.5, seed: 1).train.count == 0, "no rows splits into nothing, as the Playground's own data starts")
    }

    @Test("a network too large to allocate is refused before allocating")
    func hugeNetwork() throws {
        var rng = SeededGenerator(seed: 1)
        do {
            _ = try Network<Double>(
                inputs: 1 << 20, hidden: [1 << 20], activations: [.named("relu")], outputs: 2, head: .softmax,
                initializer: .he, rng: &rng)
            Issue.record("built")
        } catch { #expect("\(error)".contains("weights; at most"), "\(error)") }
        #expect(throws: NeuralNetError.self, "2⁴⁰ × 2⁴⁰ overflows Int") {
            _ = try Network<Double>(
                inputs: 1 << 40, hidden: [1 << 40], activations: [.named("relu")], outputs: 2, head: .softmax,
                initializer: .he, rng: &rng)
        }
    }
}
