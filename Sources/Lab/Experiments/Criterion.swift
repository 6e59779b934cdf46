/// A criterion fixed in the code before the run: a measured number compared with a threshold.
///
/// Every check of an experiment is one of these, so that the verdict is computed from numbers (and a
/// doctored measurement flips it) and the JSON can print the threshold beside the mean.
public struct Criterion: Sendable, Equatable, Hashable {
    /// Which side of the threshold passes.
    public enum Comparison: String, Sendable, Equatable, Hashable {
        /// value ≥ threshold.
        case atLeast = "≥"
        /// value > threshold.
        case greaterThan = ">"
        /// value ≤ threshold.
        case atMost = "≤"
        /// value < threshold.
        case lessThan = "<"
    }

    /// What the criterion says, e.g. "ReLU zero fraction at every width, lowest".
    public let name: String
    /// Which side of `threshold` passes.
    public let comparison: Comparison
    /// The number the measurement is compared with, fixed in the code before the run.
    public let threshold: Double
    /// The numbers of the article's claims this criterion tests (a subset of its experiment's claims, never
    /// empty). A claim is judged only by the criteria that name it: a control for one claim does not count
    /// against another claim of the same experiment.
    public let claims: [Int]

    /// A criterion named `name` that passes when the measured value compares with `threshold` as `comparison` says,
    /// testing the claims numbered `claims`.
    public init(_ name: String, _ comparison: Comparison, _ threshold: Double, claims: [Int]) {
        (self.name, self.comparison, self.threshold, self.claims) = (name, comparison, threshold, claims)
    }

    /// A criterion testing the single claim numbered `claim`.
    public init(_ name: String, _ comparison: Comparison, _ threshold: Double, claim: Int) {
        self.init(name, comparison, threshold, claims: [claim])
    }

    /// True when `value` is on the passing side; NaN never passes (a seed that measured nothing is left out of
    /// the verdict, see ``CriterionSummary``).
    public func passes(_ value: Double) -> Bool {
        switch comparison {
        case .atLeast: value >= threshold
        case .greaterThan: value > threshold
        case .atMost: value <= threshold
        case .lessThan: value < threshold
        }
    }

    /// How far `value` is past the threshold on the passing side (negative on the failing side).
    func margin(_ value: Double) -> Double {
        switch comparison {
        case .atLeast, .greaterThan: value - threshold
        case .atMost, .lessThan: threshold - value
        }
    }

    /// "name ≥ 0.9".
    public var statement: String { "\(name) \(comparison.rawValue) \(Format.number(threshold, 4))" }

    /// "claim 9" or "claims 14, 19": which of the article's claims this criterion tests.
    public var claimLabel: String {
        "claim\(claims.count == 1 ? "" : "s") " + claims.map(String.init).joined(separator: ", ")
    }
}

/// The verdicts an experiment (or one criterion) can reach: holds, mixed, does not hold; or not measured, when
/// no seed had anything to measure.
public enum Verdict: String, Sendable, Equatable, Codable, CaseIterable {
    /// Every seed passed, or at least 80% did and the mean clears the threshold by at least one standard deviation.
    case holds
    /// Neither of the other two.
    case mixed
    /// No seed passed, or at most 20% did and the mean misses by at least one standard deviation.
    case doesNotHold = "does not hold"
    /// No seed had anything to measure (every value NaN, e.g. no unit dead halfway to follow).
    case notMeasured = "not measured"
    /// No criterion: the experiment only shows facts, true by definition or construction, which a criterion
    /// could not fail (see ``ExperimentResult/facts``). Never the verdict of a criterion.
    case notJudged = "not judged"

    /// The rule, fixed before any run, for one criterion measured on several seeds:
    /// - holds: it passed on every seed, or on at least 80% of them with the mean past the threshold
    ///   by at least one standard deviation;
    /// - does not hold: it failed on every seed, or on at least 80% of them with the mean on the failing
    ///   side by at least one standard deviation;
    /// - mixed: anything between;
    /// - not measured: no seed had anything to measure.
    /// The shares count the seeds that measured the criterion; a seed that had nothing to measure (NaN) is
    /// left out, neither passing nor failing.
    static func of(_ summary: CriterionSummary) -> Verdict {
        guard !summary.measured.isEmpty else { return .notMeasured }
        let margin = summary.criterion.margin(summary.mean)
        let clearly = margin.isFinite && abs(margin) >= summary.standardDeviation && abs(margin) > 0
        if summary.share == 1 || (summary.share >= 0.8 && clearly && margin > 0) { return .holds }
        if summary.share == 0 || (summary.share <= 0.2 && clearly && margin < 0) { return .doesNotHold }
        return .mixed
    }

    /// An experiment's verdict from its criteria's: holds when all hold, does not hold when none holds
    /// and none is mixed, mixed otherwise (some parts of the claim hold, others do not). Criteria not measured
    /// on any seed are left out; when no criterion was measured, not measured.
    static func combining(_ verdicts: [Verdict]) -> Verdict {
        guard !verdicts.isEmpty else { return .doesNotHold }
        let verdicts = verdicts.filter { $0 != .notMeasured }
        guard !verdicts.isEmpty else { return .notMeasured }
        if verdicts.allSatisfy({ $0 == .holds }) { return .holds }
        if verdicts.allSatisfy({ $0 == .doesNotHold }) { return .doesNotHold }
        return .mixed
    }
}

/// One criterion over all the seeds run: the values measured, their mean and sd, the share passing.
public struct CriterionSummary: Sendable, Equatable {
    /// The criterion the values were measured against.
    public let criterion: Criterion
    /// One value per seed (NaN where a seed had nothing to measure: left out of the share and the verdict).
    public let values: [Double]

    /// The values of the seeds that measured the criterion (the finite ones).
    public var measured: [Double] { values.filter(\.isFinite) }
    /// How many seeds had nothing to measure.
    public var unmeasuredCount: Int { values.count - measured.count }
    /// How many seeds passed.
    public var passingCount: Int { values.filter(criterion.passes).count }

    /// The mean of the finite values.
    public var mean: Double { Stats.mean(values.filter(\.isFinite)) }
    /// The sample standard deviation of the finite values (0 for fewer than two).
    public var standardDeviation: Double { Stats.standardDeviation(values.filter(\.isFinite)) }
    /// The share of the seeds that measured the criterion on which it passed (0 when none measured it).
    public var share: Double {
        measured.isEmpty ? 0 : Double(passingCount) / Double(measured.count)
    }
    /// Holds, does not hold, or mixed: from the share of seeds that passed and how far the mean clears the threshold
    /// (by at least one standard deviation).
    public var verdict: Verdict { Verdict.of(self) }
}

extension CriterionSummary {
    /// "name ≥ 0.9: 0.95 ± 0.02, 3/3 seeds", or "…, 8/9 seeds measured (1 of 10 had nothing to measure)".
    public var line: String {
        if measured.isEmpty {
            return
                "\(criterion.statement): not measured (none of \(values.count) seed\(values.count == 1 ? "" : "s") had anything to measure)"
        }
        let spread = measured.count > 1 ? " ± " + Format.number(standardDeviation) : ""
        return "\(criterion.statement): \(Format.number(mean))\(spread), \(seedsPassing)"
    }

    /// "3/3 seeds", or "8/9 seeds measured (1 of 10 had nothing to measure)".
    public var seedsPassing: String {
        let plural = measured.count == 1 ? "" : "s"
        guard unmeasuredCount > 0 else { return "\(passingCount)/\(measured.count) seed\(plural)" }
        return
            "\(passingCount)/\(measured.count) seed\(plural) measured (\(unmeasuredCount) of \(values.count) had nothing to measure)"
    }
}
