import Plotting

/// What an experiment measured, and whether the claim holds by its stated criteria.
public struct ExperimentResult: Sendable {
    public let info: ExperimentInfo
    public let settings: ExperimentSettings
    /// Each criterion with the number measured against it; the claim holds when all pass.
    public var checks: [Check] = []
    /// The measured numbers behind the verdict, by name (machine-readable; `--json`).
    public var measurements: [Measurement] = []
    public var tables: [ResultTable] = []
    public var charts: [ResultChart] = []
    /// Caveats and observations that are not criteria.
    public var notes: [String] = []
    /// Wall-clock seconds the run took.
    public var seconds = 0.0

    public init(info: ExperimentInfo, settings: ExperimentSettings) {
        (self.info, self.settings) = (info, settings)
    }

    /// True when there is at least one check and every check passed.
    public var holds: Bool { !checks.isEmpty && checks.allSatisfy(\.passed) }

    /// "holds: …" or "does not hold: …" followed by the measured numbers (failed checks first).
    public var verdictLine: String {
        let ordered = checks.filter { !$0.passed } + checks.filter(\.passed)
        return (holds ? "holds: " : "does not hold: ") + ordered.map(\.measured).joined(separator: "; ")
    }

    mutating func check(_ criterion: String, measured: String, passed: Bool) {
        checks.append(Check(criterion: criterion, measured: measured, passed: passed))
    }

    mutating func measure(_ name: String, _ value: Double) {
        measurements.append(Measurement(name: name, value: value))
    }

    /// The value measured under `name`, if any.
    public func value(_ name: String) -> Double? { measurements.first { $0.name == name }?.value }
}

/// A stated criterion and the measurement it was applied to.
public struct Check: Sendable, Equatable {
    /// E.g. "ReLU zero fraction in [0.4, 0.6] at every width".
    public let criterion: String
    /// E.g. "ReLU zero fraction 0.47–0.52".
    public let measured: String
    public let passed: Bool
}

/// One named number, e.g. `relu.zero_fraction.w1024` = 0.5012.
public struct Measurement: Sendable, Equatable {
    public let name: String
    public let value: Double
}

/// A table of text cells, the first row of `rows` under `columns`.
public struct ResultTable: Sendable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]

    public init(title: String, columns: [String], rows: [[String]] = []) {
        (self.title, self.columns, self.rows) = (title, columns, rows)
    }
}

/// A chart with the file name it is written under (`<experiment>-<name>.svg`) and a caption.
public struct ResultChart: Sendable {
    public let name: String
    public let chart: any SVGChart
    public let caption: String

    public init(name: String, chart: any SVGChart, caption: String) {
        (self.name, self.chart, self.caption) = (name, chart, caption)
    }
}
