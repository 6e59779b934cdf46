import Plotting

/// What an experiment measured, and whether the claim holds by its stated criteria.
public struct ExperimentResult: Sendable {
    /// Which experiment ran.
    public let info: ExperimentInfo
    /// The settings it ran with.
    public let settings: ExperimentSettings
    /// Each criterion with the number measured against it on this seed.
    public var checks: [Check] = []
    /// Each criterion over every seed run (filled by `Experiments.run`; from `checks` before that).
    public var summaries: [CriterionSummary] = []
    /// The seeds run, derived from `settings.seed` (one for a deterministic experiment).
    public var seeds: [UInt64] = []
    /// The measured numbers behind the verdict, by name (the mean over the seeds after `Experiments.run`).
    public var measurements: [Measurement] = []
    /// Tables of the numbers behind the charts and checks, for the page and the terminal.
    public var tables: [ResultTable] = []
    /// Charts for the page, each written also as its own `.svg`.
    public var charts: [ResultChart] = []
    /// Caveats and observations that are not criteria.
    public var notes: [String] = []
    /// Measured facts shown beside the criteria but not judged: true by definition or by construction, so a
    /// criterion on them could not fail (first seed).
    public var facts: [Fact] = []
    /// Wall-clock seconds the run took.
    public var seconds = 0.0

    /// An empty result of `info` under `settings`, for the experiment to fill.
    public init(info: ExperimentInfo, settings: ExperimentSettings) {
        (self.info, self.settings) = (info, settings)
    }

    /// The criteria with their values: the summaries over the seeds, or this run's checks alone.
    public var criteria: [CriterionSummary] {
        summaries.isEmpty ? checks.map { CriterionSummary(criterion: $0.criterion, values: [$0.value]) } : summaries
    }

    /// Holds, mixed or does not hold, from the criteria by the rule in `Verdict`; not judged when the experiment
    /// has no criterion and only shows facts (with neither, does not hold: it showed nothing).
    public var verdict: Verdict {
        if criteria.isEmpty && !facts.isEmpty { return .notJudged }
        return Verdict.combining(criteria.map(\.verdict))
    }

    /// The criteria that test claim `number`: those naming it, and no others (empty when none does).
    public func criteria(forClaim number: Int) -> [CriterionSummary] {
        criteria.filter { $0.criterion.claims.contains(number) }
    }

    /// The verdict on claim `number` alone, from its own criteria (`criteria(forClaim:)`); nil when no
    /// criterion of this experiment tests it.
    public func verdict(forClaim number: Int) -> Verdict? {
        let own = criteria(forClaim: number)
        return own.isEmpty ? nil : Verdict.combining(own.map(\.verdict))
    }

    /// True when the verdict is "holds".
    public var holds: Bool { verdict == .holds }

    /// The verdict followed by each criterion's mean and share, those not holding first; a quick run's
    /// verdict is labelled as one ("holds (quick-run verdict: smaller data and nets, fewer epochs; …): …").
    public var verdictLine: String {
        if verdict == .notJudged {
            return verdict.rawValue + ": no criterion (everything shown is true by definition or construction, "
                + "so a criterion could not fail); \(facts.count) fact\(facts.count == 1 ? "" : "s") shown, not judged"
        }
        let ordered = criteria.filter { $0.verdict != .holds } + criteria.filter { $0.verdict == .holds }
        return verdict.rawValue + scopeLabel + ": " + ordered.map(\.line).joined(separator: "; ")
    }

    /// " (quick-run verdict: smaller data and nets, fewer epochs; the full run is the reference)" after a quick
    /// run's verdict, empty after a full run's.
    public var scopeLabel: String {
        settings.quick ? " (quick-run verdict: \(ExperimentSettings.quickCaveat))" : ""
    }

    /// Records `value` against `criterion`; `measured` says it in words for the tables.
    mutating func check(_ criterion: Criterion, _ value: Double, measured: String) {
        assert(
            !criterion.claims.isEmpty && criterion.claims.allSatisfy(info.claims.contains),
            "\(info.id): criterion '\(criterion.name)' names claims \(criterion.claims), not among \(info.claims)")
        checks.append(Check(criterion: criterion, value: value, measured: measured))
    }

    /// Records a fact that cannot fail (by definition or construction), shown for claims `claims`, not judged.
    mutating func fact(_ text: String, claims: [Int]) {
        assert(!claims.isEmpty && claims.allSatisfy(info.claims.contains), "\(info.id): fact for \(claims)")
        facts.append(Fact(claims: claims, text: text))
    }

    /// The facts shown for claim `number`.
    public func facts(forClaim number: Int) -> [Fact] { facts.filter { $0.claims.contains(number) } }

    mutating func measure(_ name: String, _ value: Double) {
        measurements.append(Measurement(name: name, value: value))
    }

    /// The value measured under `name`, if any.
    public func value(_ name: String) -> Double? { measurements.first { $0.name == name }?.value }
}

/// A measured fact shown, not judged: it holds by definition or by construction, so as a criterion it could
/// not fail.
public struct Fact: Sendable, Equatable {
    /// The claims it is shown for.
    public let claims: [Int]
    /// The fact in words, with the number measured and why it cannot fail.
    public let text: String
}

/// A criterion and the number measured against it on one seed.
public struct Check: Sendable, Equatable {
    /// The criterion applied.
    public let criterion: Criterion
    /// The number measured on this seed (NaN when it could not be measured; NaN never passes).
    public let value: Double
    /// The measurement in words, e.g. "ReLU zero fraction 47–52%".
    public let measured: String
    /// Whether `value` is on the passing side of the criterion.
    public var passed: Bool { criterion.passes(value) }

    /// `criterion` measured as `value` on one seed, said in words as `measured`.
    public init(criterion: Criterion, value: Double, measured: String) {
        (self.criterion, self.value, self.measured) = (criterion, value, measured)
    }
}

/// One named number, e.g. `relu.zero_fraction.w1024` = 0.5012.
public struct Measurement: Sendable, Equatable {
    /// Dotted name, e.g. `relu.zero_fraction.w1024`.
    public let name: String
    /// The measured value (the mean over the seeds after `Experiments.run`).
    public let value: Double
}

/// A table of text cells, the first row of `rows` under `columns`.
public struct ResultTable: Sendable {
    /// The table's heading.
    public var title: String
    /// Column headings.
    public var columns: [String]
    /// The rows, each with one cell per column.
    public var rows: [[String]]

    /// A table titled `title` with headings `columns`.
    public init(title: String, columns: [String], rows: [[String]] = []) {
        (self.title, self.columns, self.rows) = (title, columns, rows)
    }
}

/// A chart with the file name it is written under (`<experiment>-<name>.svg`) and a caption.
public struct ResultChart: Sendable {
    /// The name in the file name `<experiment>-<name>.svg`.
    public let name: String
    /// The chart.
    public let chart: any SVGChart
    /// What the chart shows, printed under it.
    public let caption: String

    /// A chart to be written as `<experiment>-<name>.svg` with `caption` under it.
    public init(name: String, chart: any SVGChart, caption: String) {
        (self.name, self.chart, self.caption) = (name, chart, caption)
    }
}
