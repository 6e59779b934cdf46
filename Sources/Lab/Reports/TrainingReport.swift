import ActivationFunctions
import Foundation
import Plotting

/// The page of one training run, built from plain per-epoch series so that any trainer can fill it:
/// loss and accuracy (train and test), per-layer gradient magnitude on a log scale, dead-unit and
/// sparsity fractions per layer, the final decision boundary for 2-D inputs, and the activation used.
///
/// Every series is indexed by epoch: element `i` belongs to `epochs[i]` (by default 1, 2, 3, …).
/// Empty series are left out of the page; so is the boundary when it is `nil`.
///
/// ```swift
/// var report = TrainingReport(title: "circle, 2-8-8-1", activationID: "relu")
/// report.trainLoss = losses; report.testLoss = testLosses
/// report.layers = [.init(name: "hidden 1", gradientMagnitude: g1, deadFraction: d1, sparsity: s1), …]
/// report.boundary = .init(grid: outputs, points: points, colorScale: .diverging(lower: 0, center: 0.5, upper: 1))
/// try report.write(to: URL(fileURLWithPath: "report"))       // report/index.html and report/*.svg
/// ```
public struct TrainingReport: Sendable {
    /// What one layer did over the epochs.
    public struct Layer: Sendable {
        public var name: String
        /// A gradient size per epoch, e.g. the mean |∂loss/∂W|; must be > 0 to show on the log scale.
        public var gradientMagnitude: [Double]
        /// Fraction (0–1) of units whose output was zero for every example in the epoch.
        public var deadFraction: [Double]
        /// Fraction (0–1) of outputs that were exactly zero.
        public var sparsity: [Double]

        public init(name: String, gradientMagnitude: [Double], deadFraction: [Double] = [], sparsity: [Double] = []) {
            self.name = name
            self.gradientMagnitude = gradientMagnitude
            self.deadFraction = deadFraction
            self.sparsity = sparsity
        }
    }

    /// The model's output over the input plane after training, and the data.
    public struct Boundary: Sendable {
        public var grid: Grid2D
        public var points: [DecisionBoundaryChart.Point]
        public var colorScale: ColorScale

        public init(grid: Grid2D, points: [DecisionBoundaryChart.Point],
                    colorScale: ColorScale = .diverging(lower: 0, center: 0.5, upper: 1)) {
            self.grid = grid
            self.points = points
            self.colorScale = colorScale
        }
    }

    public var title: String
    /// The catalog id of the hidden layers' activation; drawn with its derivative.
    public var activationID: String
    public var activationParameters: [String: Double] = [:]
    /// Facts shown at the top, in order: dataset, architecture, optimiser, learning rate, seed…
    public var facts: [Fact] = []
    /// Epoch numbers; empty means 1, 2, 3, … as long as the longest series.
    public var epochs: [Double] = []
    public var trainLoss: [Double] = []
    public var testLoss: [Double] = []
    public var trainAccuracy: [Double] = []
    public var testAccuracy: [Double] = []
    /// In network order, input side first.
    public var layers: [Layer] = []
    public var boundary: Boundary?

    public init(title: String, activationID: String, activationParameters: [String: Double] = [:]) {
        self.title = title
        self.activationID = activationID
        self.activationParameters = activationParameters
    }

    /// A labelled value for the facts table.
    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// Writes `index.html` (charts inline) and each chart as a standalone `.svg` into `directory`.
    @discardableResult
    public func write(to directory: URL) throws -> [URL] {
        let page = TrainingReportPage(report: self)
        let files = [(name: "index.html", text: page.html)] + page.charts.map { ("\($0.name).svg", $0.chart.svg) }
        return try SiteFiles.write(files, to: directory)
    }

    /// The page's HTML.
    public var html: String { TrainingReportPage(report: self).html }

    /// The charts of the page, by file name (without `.svg`): `loss`, `accuracy`, `gradients`, `dead-units`,
    /// `sparsity`, `boundary`, `activation`; those without data are left out.
    public var charts: [(name: String, chart: any SVGChart)] { TrainingReportPage(report: self).charts }
}
