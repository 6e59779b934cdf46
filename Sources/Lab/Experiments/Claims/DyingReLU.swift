import Foundation
import NeuralNet
import Plotting

/// ReLU units pushed to the flat side get no gradient and stay there; leaky ReLU (slope 0.01, the
/// article's) keeps a small gradient, and we measure whether its fully inactive units come back.
struct DyingReLU: Experiment {
    let info = ExperimentInfo(
        id: "dying-relu", title: "ReLU units die and stay dead; does leaky ReLU bring them back?",
        claims: [25, 26],
        claim:
            "On ReLU's flat side the gradient is 0, so the weights of a unit that lands there stop moving and it no longer responds to error or input (dying ReLU); a large part of the network can go passive. Variants such as leaky ReLU, 0.01·x for negative x, keep a non-zero gradient there, so the network can gradually recover.",
        method:
            "Train the same 2-16-16-1 net (He initialisation, plain SGD) on the moons data with ReLU and with leaky ReLU (slope 0.01), from the same initial weights and batch order, under two ways of pushing units to the flat side: a high learning rate (2), and a bias start of −1 at an ordinary one (0.3). After every epoch count the hidden units inactive on every training input: the activation's own slope |f′(sum)| at most the article's leak, 0.01, on every input (for ReLU a slope of 0: dead; for leaky ReLU every slope is the leak; a function added with --extra is held to the same bound on its own derivative, so the identity, slope 1, is never inactive). Take the units inactive halfway and ask, at the end, whether they are still inactive or active on some input again.",
        reading:
            "The article says nothing about how units get to the flat side; the high learning rate and the negative bias start are our ways to provoke it, not part of the claim. For leaky ReLU, 'dead' cannot mean a zero slope (it never is), so we count units whose every slope is the leak, a measure leaky ReLU can fail."
    )

    static let activations = ["relu", "leaky-relu"]

    /// How the units are pushed into the flat side.
    struct Condition {
        let tag: String, name: String, learningRate: Double, biasStart: Double
    }

    static let conditions = [
        Condition(tag: "high-lr", name: "high learning rate (SGD at 2)", learningRate: 2, biasStart: 0),
        Condition(tag: "bias-start", name: "bias start −1 (SGD at 0.3)", learningRate: 0.3, biasStart: -1),
    ]

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        let data = try Runs.data(
            "moons", count: settings.pick(quick: 160, full: 500), noise: 0.1, seed: settings.seed(1))
        let ids = Self.activations + settings.extraActivations.filter { !Self.activations.contains($0) }
        var table = ResultTable(
            title: "Same net, same start, per condition: hidden units inactive on every training input",
            columns: [
                "condition", "activation", "inactive at the start", "inactive at the end", "inactive halfway",
                "of those, active again at the end", "test accuracy",
            ])
        for (index, condition) in Self.conditions.enumerated() {
            let runs = try ids.map { try InactiveUnits.train($0, condition, data, settings) }
            for run in runs {
                table.rows.append([
                    condition.name, run.id, Format.percent(run.inactive.first ?? 0),
                    Format.percent(run.inactive.last ?? 0),
                    Format.percent(run.inactiveHalfway), run.recovered.map(Format.percent) ?? "– (none inactive)",
                    run.diverged == nil ? Format.percent(run.accuracy) : "stopped: non-finite loss",
                ])
                if let message = run.diverged { result.notes.append("\(condition.name), \(run.id): \(message)") }
                Self.record(run, condition, &result)
            }
            judge(runs[0], runs[1], condition, &result)
            result.charts.append(Self.chart(runs, condition, index: index))
        }
        result.tables.append(table)
        return result
    }

    static func record(_ run: InactiveUnits.Run, _ condition: Condition, _ result: inout ExperimentResult) {
        let key = "\(condition.tag).\(run.id)"
        result.measure("\(key).inactive_fraction.end", run.inactive.last ?? .nan)
        result.measure("\(key).inactive_fraction.halfway", run.inactiveHalfway)
        result.measure("\(key).test_accuracy", run.accuracy)
        if let recovered = run.recovered { result.measure("\(key).recovered_share", recovered) }
    }

    private func judge(
        _ relu: InactiveUnits.Run, _ leaky: InactiveUnits.Run, _ condition: Condition, _ result: inout ExperimentResult
    ) {
        let tag = condition.name
        result.check(
            Criterion("\(tag): share of ReLU units dead at the end", .atLeast, 0.1, claim: 25),
            relu.inactive.last ?? .nan,
            measured: "ReLU ends with \(Format.percent(relu.inactive.last ?? 0)) dead")
        result.check(
            Criterion("\(tag): of the ReLU units dead halfway, share still dead at the end", .atLeast, 0.9, claim: 25),
            relu.recovered.map { 1 - $0 } ?? .nan,
            measured: relu.recovered.map { "\(Format.percent(1 - $0)) stayed dead" } ?? "none dead halfway")
        result.check(
            Criterion(
                "\(tag): leaky ReLU units inactive on every input at the end, minus ReLU's dead", .lessThan, 0,
                claim: 26),
            (leaky.inactive.last ?? .nan) - (relu.inactive.last ?? .nan),
            measured:
                "leaky \(Format.percent(leaky.inactive.last ?? 0)) against ReLU \(Format.percent(relu.inactive.last ?? 0))"
        )
        result.check(
            Criterion(
                "\(tag): of the leaky units inactive on every input halfway, share active on some input at the end",
                .greaterThan, 0, claim: 26),
            leaky.recovered ?? .nan,
            measured: leaky.recovered.map { "\(Format.percent($0)) came back" } ?? "none inactive halfway")
    }

    static func chart(_ runs: [InactiveUnits.Run], _ condition: Condition, index: Int) -> ResultChart {
        var chart = LineChart(
            id: "dying-relu-inactive-\(index + 1)", title: "Units inactive on every input: \(condition.name)",
            xLabel: "epoch (0 = start)", yLabel: "fraction of hidden units")
        chart.yDomain = 0...1
        chart.zeroLines = false
        chart.series = runs.enumerated().map { index, run in
            .init(label: run.id, xs: run.inactive.indices.map(Double.init), ys: run.inactive, colorIndex: index)
        }
        return ResultChart(
            name: "inactive-\(index + 1)", chart: chart,
            caption: "A ReLU unit inactive on every input gets no gradient. A leaky unit there still gets 0.01 of it.")
    }
}
