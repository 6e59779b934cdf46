import Foundation
import NeuralNet
import Testing

@testable import Playground

/// The engine behind a session: training, the controls, and the article's claims as presets.
@Suite struct EngineTests {
    @Test func theDefaultLearnsTheCircleWithTanh() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        #expect(engine.train(epochs: 300) == nil)
        let records = engine.records
        #expect(records.count == 300)
        #expect(
            records.last!.trainLoss < records.first!.trainLoss / 2,
            "\(records.first!.trainLoss) → \(records.last!.trainLoss)")
        #expect((records.last!.testAccuracy ?? 0) > 0.9)
    }

    @Test func resetReturnsToTheSameWeightsAndReseedChangesThem() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        let initial = engine.network.layers.map(\.weights)
        _ = engine.train(epochs: 5)
        #expect(engine.network.layers.map(\.weights) != initial)
        try engine.reset()
        #expect(engine.network.layers.map(\.weights) == initial)
        #expect(engine.epoch == 0 && engine.records.isEmpty)
        try engine.reseed(99)
        #expect(engine.network.layers.map(\.weights) != initial)
        var again = try PlaygroundEngine(config: PlaygroundConfig())
        _ = again.train(epochs: 5)
        var first = try PlaygroundEngine(config: PlaygroundConfig())
        _ = first.train(epochs: 5)
        #expect(
            first.records
                == again.records.map {
                    var r = $0; r.milliseconds = first.records[$0.epoch - 1].milliseconds; return r
                },
            "one configuration, one trajectory")
    }

    /// Adam at 0.01, trained `total` epochs straight, against the same trained `before` epochs, then
    /// changed by `change` (which must keep the network) and trained the rest: the weights must agree.
    func expectTheRunGoesOn(
        before: Int, total: Int, _ change: (inout PlaygroundEngine, PlaygroundConfig) throws -> Void
    ) throws {
        var config = PlaygroundConfig()
        (config.optimizer, config.learningRate) = (.adam, 0.01)
        var straight = try PlaygroundEngine(config: config)
        _ = straight.train(epochs: total)
        var changed = try PlaygroundEngine(config: config)
        _ = changed.train(epochs: before)
        try change(&changed, config)
        _ = changed.train(epochs: total - before)
        #expect(changed.network.layers.map(\.weights) == straight.network.layers.map(\.weights))
    }

    /// Settings the trainer does not read (pause conditions, epochs per frame) leave it untouched, so
    /// Adam's moments and the batch order go on as if nothing had changed.
    @Test func aPauseSettingMidRunLeavesTheTrainerAlone() throws {
        try expectTheRunGoesOn(before: 5, total: 10) { engine, config in
            var paused = config
            (paused.maxEpochs, paused.stopLoss, paused.epochsPerFrame) = (1000, 0.001, 3)
            let change = try engine.apply(paused)
            #expect(change == .kept)
        }
    }

    /// A learning-rate change retunes the trainer in place: changed and changed back before training
    /// on, the run is the one that never changed (a restarted Adam would take its first step again).
    @Test func aLearningRateChangeKeepsAdamsMoments() throws {
        try expectTheRunGoesOn(before: 3, total: 6) { engine, config in
            var faster = config
            faster.learningRate = 0.03
            let changes = [try engine.apply(faster), try engine.apply(config)]
            #expect(changes == [.kept, .kept])
        }
    }

    /// The frame reuses the trainer's end-of-epoch pass only while it describes the current points and weights.
    @Test func theFrameReusesTheEpochsPassOnlyWhileItIsCurrent() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        _ = engine.train(epochs: 2)
        let kept = try #require(engine.trainingPass())
        var rng = SeededGenerator(seed: 0)
        let fresh = engine.network.gradients(
            engine.data.train.inputs, engine.data.train.targets, training: false, rng: &rng)
        #expect(
            kept.caches.map(\.output) == fresh.caches.map(\.output)
                && kept.gradients.map(\.weights) == fresh.gradients.map(\.weights))
        let before = engine.data.train.count
        try engine.add(AddedPoint(x1: 1, x2: 1, label: 1))
        #expect(
            engine.trainingPass()?.caches[0].output.rows == before + 1, "a pass over the new points, not the kept one")
    }

    @Test func regenerateKeepsTheNetwork() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        _ = engine.train(epochs: 3)
        let weights = engine.network.layers.map(\.weights)
        try engine.regenerate(42)
        #expect(engine.network.layers.map(\.weights) == weights)
        #expect(engine.epoch == 3 && engine.dataVersion == 1)
    }

    /// The issue's diverging run: a linear network on the plane, learning rate 10, batch size 1. (Three
    /// layers of exponential, used here before, overflow at their initial weights: the next test.)
    @Test func theNaNGuardPausesAndExplains() throws {
        var config = PlaygroundConfig()
        (config.problem, config.dataset, config.activations) = (.regression, "reg-plane", ["identity"])
        (config.learningRate, config.networkShape, config.batchSize) = (10, [8, 8], 1)
        var engine = try PlaygroundEngine(config: config)
        #expect(engine.chartRecords[0].trainLoss.isFinite)  // the premise: the step, not the start, overflows
        var pause: PlaygroundEngine.Pause?
        for _ in 0..<50 where pause == nil { pause = engine.train(epochs: 1) }
        let reason = try #require(pause)
        #expect(reason.isError)
        #expect(reason.message.contains("lower it, then Reset"), "\(reason.message)")
        #expect(engine.network.layers.allSatisfy { $0.weights.storage.allSatisfy(\.isFinite) })
    }

    /// Eight layers of exponential overflow at their initial weights: the message blamed a learning
    /// rate of 1e−9.
    @Test func aNetworkThatOverflowsAtItsInitialWeightsIsNotBlamedOnTheLearningRate() throws {
        var config = PlaygroundConfig()
        (config.activations, config.learningRate) = (["exponential"], 1e-9)
        config.networkShape = Array(repeating: 16, count: 8)
        var engine = try PlaygroundEngine(config: config)
        #expect(!engine.chartRecords[0].trainLoss.isFinite)  // the premise: NaN or ∞ before any step
        let pause = engine.train(epochs: 1)
        let reason = try #require(pause)
        #expect(reason.isError && reason.message.contains("NaN or ∞ already at its initial weights"), "\(reason.message)")
        #expect(!reason.message.contains("learning rate"), "\(reason.message)")
    }

    @Test func maxEpochsAndStopAtLossPause() throws {
        var config = PlaygroundConfig()
        config.maxEpochs = 7
        var engine = try PlaygroundEngine(config: config)
        #expect(engine.train(epochs: 100)?.message.contains("maximum of 7") == true)
        #expect(engine.epoch == 7)
        config = PlaygroundConfig()
        config.stopLoss = 0.2
        engine = try PlaygroundEngine(config: config)
        let pause = engine.train(epochs: 2000)
        #expect(pause?.message.contains("stop-at-loss") == true)
        #expect(engine.records.last!.trainLoss <= 0.2)
    }

    @Test func dyingReLUShowsDeadUnitsAndLeakyReLUDoesNot() throws {
        var dying = try PlaygroundEngine(config: Presets.named("dying-relu")!.config)
        _ = dying.train(epochs: 60)
        let dead = dying.frameContent().network.layers.dropLast().flatMap(\.dead).filter { $0 }.count
        #expect(dead >= 3, "dead units after 60 epochs: \(dead)")
        var leaky = try PlaygroundEngine(config: Presets.named("leaky-relu")!.config)
        _ = leaky.train(epochs: 60)
        #expect(leaky.frameContent().network.layers.dropLast().flatMap(\.dead).allSatisfy { !$0 })
    }

    /// The Dying ReLU note said units die "within a few dozen epochs" at the high learning rate, but 2 of 8
    /// in layer 3 are dead at epoch 0, and units die at 0.03 too. Each number the note gives is checked here.
    @Test func dyingReLUNoteSaysWhatHappens() throws {
        let preset = Presets.named("dying-relu")!
        #expect(!preset.watch.contains("few dozen"))
        /// Dead units per layer at epochs 0…20, and the test accuracy at the end.
        func run(seed: UInt64, rate: Double) throws -> (dead: [[Int]], accuracy: Double) {
            var config = preset.config
            (config.seed, config.learningRate) = (seed, rate)
            var engine = try PlaygroundEngine(config: config)
            var dead: [[Int]] = []
            dead.append(engine.frameContent().network.layers.dropLast().map { $0.dead.filter { $0 }.count })
            for _ in 1...20 {  // the epoch's record has the share of dead units per layer (the frame's, without its pictures)
                _ = engine.train(epochs: 1)
                dead.append(engine.records.last!.dead.map { Int(($0 * 8).rounded()) })
            }
            return (dead, engine.records.last?.testAccuracy ?? 0)
        }
        let total = { (layers: [Int]) in layers.reduce(0, +) }
        for seed: UInt64 in 1...5 {
            let high = try run(seed: seed, rate: 1), low = try run(seed: seed, rate: 0.03)
            // Dead before training, at any learning rate: 1–3 of 24, in layers 2 and 3.
            #expect((1...3).contains(total(high.dead[0])) && high.dead[0][0] == 0, "seed \(seed): \(high.dead[0])")
            // At 1: it moves for the first 15 epochs or so, then stays.
            #expect(Set(high.dead[15...].map(total)).count == 1, "seed \(seed) at 1: \(high.dead.map(total))")
            let end = total(high.dead[20])
            switch seed {
            case 1: #expect(total(high.dead[1]) == 5 && end == 5 && high.accuracy > 0.95, "\(high)")
            case 2, 5: #expect((6...7).contains(end) && high.accuracy < 0.75, "seed \(seed): \(high)")
            default: #expect(end == 1 && high.accuracy > 0.95, "seed \(seed): \(high)")
            }
            // At 0.03: settles at 0–2, with fewer than at the start or none, and fits.
            let settled = low.dead[10...].map(total)
            #expect(settled.allSatisfy { $0 <= 2 } && low.accuracy > 0.95, "seed \(seed) at 0.03: \(low.dead.map(total)), \(low.accuracy)")
            if seed == 3 || seed == 4 { #expect(total(low.dead[20]) == 0, "seed \(seed) at 0.03: \(low.dead.map(total))") }
        }
    }

    @Test func vanishingGradientIsVisibleInADeepSigmoidNet() throws {
        var engine = try PlaygroundEngine(config: Presets.named("vanishing-gradient")!.config)
        _ = engine.train(epochs: 5)
        let g = engine.records.last!.gradients
        #expect(g.first! * 100 < g.last!, "first layer \(g.first!) vs output \(g.last!)")
    }

    @Test func linearLayersCollapseToOneMatrix() throws {
        var engine = try PlaygroundEngine(config: Presets.named("linear-collapse")!.config)
        _ = engine.train(epochs: 20)
        let collapse = engine.frameContent().collapse
        #expect(collapse.allLinear)
        #expect(try #require(collapse.maxDifference) < 1e-4, "equal up to Float rounding (the grids are computed in Float)")
        #expect(collapse.matrix.count == 2 && collapse.matrix[0].count == 1)
        var tanh = try PlaygroundEngine(config: PlaygroundConfig())
        _ = tanh.train(epochs: 20)
        #expect(!tanh.frameContent().collapse.allLinear)
        #expect(try #require(tanh.frameContent().collapse.maxDifference) > 0.05)
    }

    /// A page that does not show the collapse panel gets the map (M and v) but neither its maps nor
    /// the difference, which are most of its cost.
    @Test func theCollapseMapsOnlyWhenShown() throws {
        var engine = try PlaygroundEngine(config: Presets.named("linear-collapse")!.config)
        _ = engine.train(epochs: 3)
        let (shown, hidden) = (engine.frameContent().collapse, engine.frameContent(shown: Shown(collapse: false)).collapse)
        #expect(shown.output?.count == 1 && shown.maxDifference != nil)
        #expect(hidden.output == nil && hidden.maxDifference == nil)
        #expect(hidden.matrix == shown.matrix && hidden.bias == shown.bias && hidden.allLinear == shown.allLinear)
    }

    @Test func reluIsSparseAndTheStepFunctionPassesNoGradient() throws {
        var relu = try PlaygroundEngine(config: Presets.named("relu-sparsity")!.config)
        _ = relu.train(epochs: 20)
        let zeros = relu.records.last!.zeros.dropLast()
        #expect(zeros.allSatisfy { $0 > 0.2 }, "\(zeros)")
        var step = try PlaygroundEngine(config: Presets.named("step-cannot-learn")!.config)
        _ = step.train(epochs: 20)
        #expect(step.records.last!.gradients.dropLast().allSatisfy { $0 == 0 })
    }

    @Test func everyPresetIsValidAndSoftmaxHandlesThreeClasses() throws {
        for preset in Presets.all { _ = try PlaygroundEngine(config: preset.config) }
        var engine = try PlaygroundEngine(config: Presets.named("softmax-spiral")!.config)
        #expect(engine.head == .softmax)
        let content = engine.frameContent()
        #expect(content.grids.output.count == 3)
        _ = engine.train(epochs: 3)
        #expect(engine.records.last!.trainAccuracy != nil)
    }

    @Test func exportThenImportGivesTheSameNetwork() throws {
        var config = PlaygroundConfig()
        config.normalize = true
        config.features = [.x1, .x2, .x1Squared]
        var engine = try PlaygroundEngine(config: config)
        _ = engine.train(epochs: 10)
        let json = engine.exportModel()
        var other = try PlaygroundEngine(config: PlaygroundConfig())
        try other.importModel(json)
        #expect(other.config == engine.config)
        #expect(other.network.layers.map(\.weights) == engine.network.layers.map(\.weights))
        #expect(other.frameContent().grids.output.first?.data == engine.frameContent().grids.output.first?.data)
        let file = try ModelFile.decode(json)
        #expect(file.features == [.x1, .x2, .x1Squared])
    }

    /// A layer's `alpha` edited to 50 in the file trained with 50 while the settings, the page and the
    /// next reset said 0.5; another function in a layer was named as a shape mismatch.
    @Test func anImportWhoseLayersContradictItsSettingsIsRefused() throws {
        var config = PlaygroundConfig()
        (config.networkShape, config.activations, config.activationParameters) = ([3], ["elu"], ["0": ["alpha": 0.5]])
        let engine = try PlaygroundEngine(config: config)
        var file = try #require(try JSONSerialization.jsonObject(with: engine.exportModel()) as? [String: Any])
        var layers = try #require(file["layers"] as? [[String: Any]])
        #expect((layers[0]["parameters"] as? [String: Double])?["alpha"] == 0.5, "\(layers[0])")
        layers[0]["parameters"] = ["alpha": 50.0]
        file["layers"] = layers
        var other = try PlaygroundEngine(config: PlaygroundConfig())
        let edited = try JSONSerialization.data(withJSONObject: file)
        do { try other.importModel(edited); Issue.record("accepted") } catch {
            #expect(error.message.contains("layer 1: the weights were trained with elu (alpha=50.0)"), "\(error.message)")
            #expect(error.message.contains("settings say elu (alpha=0.5)"), "\(error.message)")
        }
        layers[0]["activation"] = "selu"
        layers[0]["parameters"] = [String: Double]()
        file["layers"] = layers
        let otherFunction = try JSONSerialization.data(withJSONObject: file)
        do { try other.importModel(otherFunction); Issue.record("accepted") } catch {
            #expect(error.message.contains("trained with selu") && error.message.contains("say elu"), "\(error.message)")
        }
        // Unchanged, a default given in one place and left out in the other compares equal.
        try other.importModel(engine.exportModel())
    }

    @Test func clickedPointsTravelInTheExportAndABadOneAddsNone() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        let points = [AddedPoint(x1: 1, x2: 2, label: 1), AddedPoint(x1: -3, x2: 0.5, label: 0)]
        try engine.add(points)
        #expect(engine.added == points)
        #expect(throws: PlaygroundError.self) {
            try engine.add([AddedPoint(x1: 0, x2: 0, label: 1), AddedPoint(x1: 0, x2: 0, label: 5)])
        }
        #expect(engine.added == points, "a batch with one bad point adds none of them")
        var other = try PlaygroundEngine(config: PlaygroundConfig())
        try other.importModel(engine.exportModel())
        #expect(other.added == points)
        #expect(other.pointsView().train.count == engine.pointsView().train.count)
    }

    @Test func anUploadTravelsInTheExport() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        let csv = (0..<60).map { i in "\(Double(i % 7) - 3),\(Double(i % 5) - 2),\(i % 3)" }.joined(separator: "\n")
        try engine.upload(csv: csv, header: false)
        _ = engine.train(epochs: 3)
        var other = try PlaygroundEngine(config: PlaygroundConfig())
        try other.importModel(engine.exportModel())
        #expect(other.config.dataset == "custom" && other.data.classCount == 3)
        #expect(
            other.pointsView().train == engine.pointsView().train && other.pointsView().test == engine.pointsView().test
        )
        #expect(other.network.layers.map(\.weights) == engine.network.layers.map(\.weights))
    }

    /// The grid pass is written out for Float; it must agree with the network's own forward pass.
    @Test(arguments: [["tanh"], ["relu", "sigmoid", "prelu"]])
    func theGridPassMatchesTheNetworksForwardPass(activations: [String]) throws {
        var config = PlaygroundConfig()
        (config.networkShape, config.activations, config.features) = (
            activations.count == 1 ? [5, 3] : [6, 4, 3], activations, [.x1, .x2, .x1TimesX2]
        )
        var engine = try PlaygroundEngine(config: config)
        _ = engine.train(epochs: 5)
        var rng = SeededGenerator(seed: 0)
        let reference = engine.network.converted(to: Float.self).forward(
            engine.data.gridInputs, training: false, rng: &rng
        ).map(\.output)
        let grid = GridForward.outputs(engine.network, engine.data.gridInputs)
        #expect(grid.count == reference.count)
        for (mine, theirs) in zip(grid, reference) {
            #expect(mine.columns == theirs.columns)
            let largest = zip(mine.storage, theirs.storage).map { abs($0 - $1) }.max() ?? .infinity
            #expect(largest < 1e-4, "largest difference \(largest)")
        }
    }

    @Test func historyStaysBounded() {
        var history = History(capacity: 100)
        for epoch in 1...10_000 {
            history.append(EpochRecord(epoch: epoch, trainLoss: 1, gradients: [], dead: [], zeros: [], milliseconds: 0))
        }
        #expect(history.records.count <= 100)
        #expect(history.records.last?.epoch == 10_000)
        #expect(history.records.first?.epoch == 1)
    }

    @Test func idleSessionsAreRemoved() async throws {
        final class Clock: @unchecked Sendable { var now = Date(timeIntervalSince1970: 0) }
        let clock = Clock()
        var limits = PlaygroundLimits()
        limits.idleSeconds = 60
        let store = SessionStore(limits: limits, now: { clock.now })
        let old = try await store.create(PlaygroundConfig())
        clock.now += 50
        let fresh = try await store.create(PlaygroundConfig())
        clock.now += 20
        #expect(await store.sweep() == 1)
        await #expect(throws: PlaygroundError.self) { try await store.session(old.id) }
        #expect(try await store.session(fresh.id) === fresh)
    }
}
