import Testing

@testable import NeuralNet

/// Each optimiser against steps computed by hand from its definition (torch.optim's conventions).
@Suite("Optimisers")
struct OptimizerTests {
    /// Two steps on p = [1, −2] with gradients g₁ = [0.5, −1] then g₂ = [0.25, 0.5], lr 0.1.
    static func run(_ settings: OptimizerSettings, isWeight: Bool = false) -> [Double] {
        var optimizer = Optimizer<Double>(settings)
        var p: [Double] = [1, -2]
        optimizer.update(&p, [0.5, -1], slot: 0, learningRate: settings.learningRate, isWeight: isWeight)
        optimizer.update(&p, [0.25, 0.5], slot: 0, learningRate: settings.learningRate, isWeight: isWeight)
        return p
    }

    static func settings(_ kind: OptimizerKind) -> OptimizerSettings {
        OptimizerSettings(kind: kind, learningRate: 0.1)
    }

    func close(_ a: [Double], _ b: [Double]) -> Bool { zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 } }

    @Test func sgd() {
        // p − 0.1·g₁ − 0.1·g₂
        #expect(close(Self.run(Self.settings(.sgd)), [1 - 0.05 - 0.025, -2 + 0.1 - 0.05]))
    }

    @Test func momentum() {
        // v₁ = g₁ = [0.5, −1]; v₂ = 0.9·v₁ + g₂ = [0.7, −0.4]
        #expect(close(Self.run(Self.settings(.momentum)), [1 - 0.05 - 0.07, -2 + 0.1 + 0.04]))
    }

    @Test func nesterov() {
        // step 1: g₁ + 0.9·v₁ = [0.95, −1.9]; step 2: g₂ + 0.9·v₂ = [0.88, 0.14]
        #expect(close(Self.run(Self.settings(.nesterov)), [1 - 0.095 - 0.088, -2 + 0.19 - 0.014]))
    }

    @Test func rmsprop() {
        // s₁ = 0.01·g₁² = [0.0025, 0.01]; s₂ = 0.99·s₁ + 0.01·g₂² = [0.003100, 0.012400]
        let p0 = 1 - 0.1 * 0.5 / (0.05 + 1e-8) - 0.1 * 0.25 / ((0.0031).squareRoot() + 1e-8)
        let p1 = -2 + 0.1 * 1 / (0.1 + 1e-8) - 0.1 * 0.5 / ((0.0124).squareRoot() + 1e-8)
        #expect(close(Self.run(Self.settings(.rmsprop)), [p0, p1]))
    }

    @Test func adam() {
        // Step 1 moves each parameter by lr·sign(g) (m̂/√v̂ = ±1 up to ε).
        // Step 2: m = [0.07, −0.04], v = [0.0003124375, 0.0012490], corrected by 0.19 and 0.001999.
        let m = [0.9 * 0.05 + 0.1 * 0.25, 0.9 * -0.1 + 0.1 * 0.5]
        let v = [0.999 * 0.00025 + 0.001 * 0.0625, 0.999 * 0.001 + 0.001 * 0.25]
        let (c1, c2) = (1 - 0.9 * 0.9, 1 - 0.999 * 0.999)
        let step1 = [0.1 * 0.5 / (0.5 + 1e-8), 0.1 * -1 / (1 + 1e-8)]
        let expected = (0..<2).map { i in
            [1.0, -2.0][i] - step1[i] - 0.1 * (m[i] / c1) / ((v[i] / c2).squareRoot() + 1e-8)
        }
        #expect(close(Self.run(Self.settings(.adam)), expected))
    }

    @Test("Adam over a long array (vector body and scalar tail) matches the per-element definition")
    func adamVectorised() {
        var optimizer = Optimizer<Float>(OptimizerSettings(kind: .adam, learningRate: 0.01))
        var p = (0..<37).map { Float($0) / 10 - 1.5 }
        let start = p
        let g1 = p.indices.map { Float(($0 * 7) % 11) / 5 - 1 }
        let g2 = p.indices.map { Float(($0 * 3) % 5) / 4 - 0.5 }
        optimizer.update(&p, g1, slot: 0, learningRate: 0.01, isWeight: false)
        optimizer.update(&p, g2, slot: 0, learningRate: 0.01, isWeight: false)
        for i in p.indices {  // torch.optim.Adam, two steps, in Double
            let (a, b) = (Double(g1[i]), Double(g2[i]))
            let m1 = 0.1 * a
            let v1 = 0.001 * a * a
            let m2 = 0.9 * m1 + 0.1 * b
            let v2 = 0.999 * v1 + 0.001 * b * b
            let step1 = 0.01 / 0.1 * m1 / ((v1 / 0.001).squareRoot() + 1e-8)
            let step2 = 0.01 / (1 - 0.81) * m2 / ((v2 / (1 - 0.999 * 0.999)).squareRoot() + 1e-8)
            #expect(abs(Double(p[i]) - (Double(start[i]) - step1 - step2)) < 1e-5, "element \(i)")
        }
    }

    @Test func adamwDecaysWeightsOnly() {
        var settings = Self.settings(.adamw)
        settings.weightDecay = 0.5
        let decayed = Self.run(settings, isWeight: true)
        let plain = Self.run(settings, isWeight: false)
        #expect(plain == Self.run(Self.settings(.adam)))
        #expect(decayed != plain)
    }

    @Test("L2 adds rate·w and L1 adds rate·sgn(w) to a weight's gradient, never a bias's")
    func regularization() {
        var l2 = Self.settings(.sgd)
        (l2.regularization, l2.regularizationRate) = (.l2, 0.1)
        var l1 = l2
        l1.regularization = .l1
        var optimizer = Optimizer<Double>(l2)
        var p: [Double] = [1, -2]
        optimizer.update(&p, [0, 0], slot: 0, learningRate: 0.1, isWeight: true)
        #expect(close(p, [1 - 0.01, -2 + 0.02]))
        var o1 = Optimizer<Double>(l1)
        var q: [Double] = [1, -2]
        o1.update(&q, [0, 0], slot: 0, learningRate: 0.1, isWeight: true)
        #expect(close(q, [1 - 0.01, -2 + 0.01]))
        #expect(Self.run(l2, isWeight: false) == Self.run(Self.settings(.sgd)))
    }

    @Test("schedules: step halves, cosine reaches the minimum")
    func schedules() {
        #expect(LearningRateSchedule.step(every: 10, gamma: 0.5).rate(base: 0.1, epoch: 25) == 0.025)
        #expect(abs(LearningRateSchedule.cosine(epochs: 100, minimum: 0).rate(base: 0.1, epoch: 100)) < 1e-15)
        #expect(LearningRateSchedule.cosine(epochs: 100, minimum: 0).rate(base: 0.1, epoch: 50) == 0.05)
        #expect(LearningRateSchedule.parse("step:5:0.1", epochs: 10) == .step(every: 5, gamma: 0.1))
        #expect(LearningRateSchedule.parse("step:0:0.1", epochs: 10) == nil)
    }

    @Test("bad hyper-parameters are refused", arguments: [0.0, -0.1, .nan, .infinity])
    func badLearningRate(_ rate: Double) {
        #expect(throws: NeuralNetError.self) { try OptimizerSettings(kind: .sgd, learningRate: rate).validate() }
    }
}
