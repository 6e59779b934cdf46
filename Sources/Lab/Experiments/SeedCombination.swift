/// Combines the runs of one experiment on several seeds into one result.
enum SeedCombination {
    /// The first run's tables, charts and notes; each criterion's values over all runs (a run that did
    /// not measure a criterion counts as NaN: not measured, left out of its verdict); each measurement's mean
    /// over the runs; and a
    /// table of the criteria, first.
    static func combine(_ runs: [ExperimentResult], settings: ExperimentSettings) -> ExperimentResult {
        guard let first = runs.first else { return ExperimentResult(info: Experiments.all[0].info, settings: settings) }
        var result = ExperimentResult(info: first.info, settings: settings)
        result.checks = first.checks
        result.summaries = criteria(runs)
        result.measurements = means(runs)
        result.tables = [table(result.summaries, seeds: runs.count)] + first.tables
        result.charts = first.charts
        result.notes = first.notes
        result.facts = first.facts
        if runs.count > 1 {
            result.notes.insert(
                "Tables and charts below the criteria show the first of the \(runs.count) seeds; the criteria and the measurements cover them all.",
                at: 0)
        }
        return result
    }

    static func criteria(_ runs: [ExperimentResult]) -> [CriterionSummary] {
        var order: [Criterion] = []
        for run in runs {
            for check in run.checks where !order.contains(check.criterion) { order.append(check.criterion) }
        }
        return order.map { criterion in
            CriterionSummary(
                criterion: criterion,
                values: runs.map { run in run.checks.first { $0.criterion == criterion }?.value ?? .nan })
        }
    }

    static func means(_ runs: [ExperimentResult]) -> [Measurement] {
        var names: [String] = []
        for run in runs { for m in run.measurements where !names.contains(m.name) { names.append(m.name) } }
        return names.map { name in Measurement(name: name, value: Stats.mean(runs.compactMap { $0.value(name) })) }
    }

    /// The criteria as a table: threshold, mean ± sd, seeds passing, verdict.
    static func table(_ summaries: [CriterionSummary], seeds: Int) -> ResultTable {
        ResultTable(
            title: "Criteria (fixed before the run) over \(seeds) seed\(seeds == 1 ? "" : "s")",
            columns: ["criterion", "threshold", "mean ± sd", "seeds passing", "verdict"],
            rows: summaries.map { s in
                [
                    s.criterion.name, s.criterion.comparison.rawValue + " " + Format.number(s.criterion.threshold, 4),
                    Format.number(s.mean, 4) + " ± " + Format.number(s.standardDeviation, 2),
                    s.seedsPassing, s.verdict.rawValue,
                ]
            })
    }
}
