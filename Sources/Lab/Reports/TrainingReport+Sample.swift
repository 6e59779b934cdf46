import Foundation
import NeuralNet
import Plotting

extension TrainingReport {
    /// A report filled with synthetic, made-up series (no training happens): a preview of the page for
    /// screenshots and tests until a trainer fills real ones. Deterministic for a given `seed`.
    ///
    /// The made-up run: a 2-8-8-8-1 network on two concentric rings, 60 epochs, gradients shrinking
    /// towards the input as they would with a saturating activation, units dying in the first layer.
    public static func sample(activationID: String = "sigmoid", epochs: Int = 60, seed: UInt64 = 7) -> TrainingReport {
        var random = SeededGenerator(seed: seed)
        var report = TrainingReport(title: "Sample report: rings, 2-8-8-8-1, \(activationID) (synthetic data)", activationID: activationID)
        report.facts = [.init("data", "synthetic series, for previewing the page"), .init("dataset", "two rings, 200 train / 80 test"),
                        .init("network", "2-8-8-8-1"), .init("optimiser", "SGD, learning rate 0.1"), .init("epochs", "\(epochs)")]
        let t = (0..<epochs).map { Double($0) / Double(max(epochs - 1, 1)) }
        report.trainLoss = t.map { 0.69 * exp(-4 * $0) + 0.03 + 0.01 * random.uniform(0, 1) }
        report.testLoss = t.map { 0.69 * exp(-3.5 * $0) + 0.06 + 0.015 * random.uniform(0, 1) }
        report.trainAccuracy = report.trainLoss.map { min(1, 1.02 - $0 * 0.7) }
        report.testAccuracy = report.testLoss.map { min(1, 0.99 - $0 * 0.7) }
        report.layers = (1...4).map { layer in
            let scale = pow(0.22, Double(4 - layer))  // each layer nearer the input gets ~ a quarter
            let name = layer == 4 ? "output" : "hidden \(layer)"
            return Layer(name: name,
                         gradientMagnitude: t.map { scale * 0.05 * exp(-1.5 * $0 * Double(5 - layer)) * (1 + 0.2 * random.uniform(0, 1)) },
                         deadFraction: layer == 4 ? [] : t.map { min(1, Double(4 - layer) * 0.12 * $0) },
                         sparsity: layer == 4 ? [] : t.map { 0.3 + 0.1 * Double(4 - layer) * $0 })
        }
        report.boundary = ringsBoundary(&random)
        return report
    }

    /// Two rings (inner: class 1, outer: class 0) and a smooth made-up output separating them.
    static func ringsBoundary(_ random: inout SeededGenerator) -> Boundary {
        let grid = Grid2D(xRange: -6...6, yRange: -6...6, columns: 48, rows: 48) { x, y in
            1 / (1 + exp(2.2 * ((x * x + y * y).squareRoot() - 3.4)))
        }
        let points = (0..<280).map { index -> DecisionBoundaryChart.Point in
            let inner = index % 2 == 0
            let radius = inner ? 2.2 * random.uniform(0, 1) : 4 + 1.6 * random.uniform(0, 1)
            let angle = 2 * Double.pi * random.uniform(0, 1)
            return .init(x: radius * cos(angle), y: radius * sin(angle), label: inner ? 1 : 0, isTest: index >= 200)
        }
        return Boundary(grid: grid, points: points, colorScale: .diverging(lower: 0, center: 0.5, upper: 1))
    }
}
