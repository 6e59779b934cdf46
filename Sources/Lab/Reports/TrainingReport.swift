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
        /// The layer's name as the charts label it, e.g. "hidden 1".
        public var name: String
        /// A gradient size per epoch, e.g. the mean |∂loss/∂W|; must be > 0 to show on the log scale.
        public var gradientMagnitude: [Double]
        /// Fraction (0–1) of units whose output was zero for every example in the epoch.
        public var deadFraction: [Double]
        /// Fraction (0–1) of outputs that were exactly zero.
        public var sparsity: [Double]

        /// A layer's series; dead-unit and sparsity series may be left empty.
        public init(name: String, gradientMagnitude: [Double], deadFraction: [Double] = [], sparsity: [Double] = []) {
            self.name = name
            self.gradientMagnitude = gradientMagnitude
            self.deadFraction = deadFraction
            self.sparsity = sparsity
        }
    }

    /// The model's output over the input plane after training, and the data.
    public struct Boundary: Sendable {
        /// The model's output at each point of a grid over the input plane.
        public var grid: Grid2D
        /// The data points drawn over the grid, with their classes.
        public var points: [DecisionBoundaryChart.Point]
        /// Maps outputs to colours (by default diverging around 0.5 on [0, 1]).
        public var colorScale: ColorScale

        /// A boundary of `grid` with `points` drawn over it.
        public init(
            grid: Grid2D, points: [DecisionBoundaryChart.Point],
            colorScale: ColorScale = .diverging(lower: 0, center: 0.5, upper: 1)
        ) {
            self.grid = grid
            self.points = points
            self.colorScale = colorScale
        }
    }

    /// The page's heading, e.g. "circle, 2-8-8-1".
    public var title: String
    /// The catalog id of the hidden layers' activation; drawn with its derivative.
    public var activationID: String
    /// The activation's parameter values, by name (empty: its defaults).
    public var activationParameters: [String: Double] = [:]
    /// Facts shown at the top, in order: dataset, architecture, optimiser, learning rate, seed…
    public var facts: [Fact] = []
    /// Epoch numbers; empty means 1, 2, 3, … as long as the longest series.
    public var epochs: [Double] = []
    /// Mean training loss per epoch.
    public var trainLoss: [Double] = []
    /// Loss on the test set per epoch.
    public var testLoss: [Double] = []
    /// Training accuracy per epoch, a fraction in [0, 1].
    public var trainAccuracy: [Double] = []
    /// Test accuracy per epoch, a fraction in [0, 1].
    public var testAccuracy: [Double] = []
    /// In network order, input side first.
    public var layers: [Layer] = []
    /// The final decision boundary, for 2-D inputs; nil leaves it out.
    public var boundary: Boundary?

    /// An empty report titled `title` for the activation `activationID`; fill the series, then `write(to:)`.
    public init(title: String, activationID: String, activationParameters: [String: Double] = [:]) {
        self.title = title
        self.activationID = activationID
        self.activationParameters = activationParameters
    }

    /// A labelled value for the facts table.
    public struct Fact: Sendable, Equatable {
        /// The fact's name, e.g. "optimiser".
        public var label: String
        /// Its value as shown, e.g. "Adam".
        public var value: String
        /// A fact labelled `label` with value `value`.
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
