import NeuralNet

/// The classification problems the comparison experiments share: four 2-D sets and the real digits.
struct Problem: Sendable {
    let dataset: String
    /// Points (images) used in quick and in full mode.
    let quickCount: Int, fullCount: Int
    /// Hidden widths of the standard net (the last is the widest used).
    let hidden: [Int]

    static let all = [
        Problem(dataset: "xor", quickCount: 200, fullCount: 500, hidden: [8]),
        Problem(dataset: "circle", quickCount: 200, fullCount: 500, hidden: [8]),
        Problem(dataset: "moons", quickCount: 200, fullCount: 500, hidden: [8]),
        Problem(dataset: "spiral", quickCount: 200, fullCount: 500, hidden: [16, 16]),
        Problem(dataset: "digits", quickCount: 600, fullCount: 1797, hidden: [32]),
    ]

    /// The test accuracy whose first epoch counts as "reached".
    static let target = 0.9

    func data(_ settings: ExperimentSettings, noise: Double = 0.1) throws -> Dataset {
        try Runs.data(
            dataset, count: settings.pick(quick: quickCount, full: fullCount), noise: dataset == "digits" ? 0 : noise,
            seed: settings.seed(11))
    }

    /// Softmax for the ten digits, one sigmoid output for two classes.
    var head: OutputHead { dataset == "digits" ? .softmax : .sigmoid }

    /// A trained session of `activation` at `hidden` widths with Adam at `learningRate` (stopped early,
    /// and not `isFinished`, if the loss turned non-finite). Another `start` draws other initial weights,
    /// split and batch order.
    func train(
        _ activation: String, hidden: [Int]? = nil, learningRate: Double = 0.01, epochs: Int, on data: Dataset,
        _ settings: ExperimentSettings, start: UInt64 = 0
    ) throws -> TrainingSession {
        let c = Runs.configuration(
            hidden: hidden ?? self.hidden, activation: activation, output: head, epochs: epochs,
            seed: settings.seed(12 + 1000 * start),
            optimizer: OptimizerSettings(kind: .adam, learningRate: learningRate),
            initializer: activation.contains("relu") ? .he : .glorotUniform)
        return try Runs.trainedOrStopped(c, on: data)
    }

    /// The first epoch (1-based) at which the test accuracy reached `target`, or nil.
    static func epochsToTarget(_ session: TrainingSession) -> Int? {
        session.history.firstIndex { ($0.testAccuracy ?? 0) >= target }.map { $0 + 1 }
    }
}

/// Epochs to 90% test accuracy compared between two runs on several problems, where a run that never got
/// there within the budget is known only to need more than the budget, never "budget + 1" as a fact.
///
/// The gap on one problem is `first − second` epochs: exact when both reached the target, a lower bound when
/// only `second` did (`first` needs more than the budget), an upper bound when only `first` did. Problems where
/// neither reached it say nothing about the gap and are left out. The mean gap is bounded accordingly.
struct EpochGap {
    /// One problem: its name and each run's epochs to the target, nil when never within the budget.
    struct Pair {
        let name: String, first: Int?, second: Int?
    }
    let budget: Int
    let pairs: [Pair]

    /// The problems where at least one of the two reached the target.
    var compared: [Pair] { pairs.filter { $0.first != nil || $0.second != nil } }
    /// The problems where neither reached it: left out of the mean.
    var leftOut: [String] { pairs.filter { $0.first == nil && $0.second == nil }.map(\.name) }
    /// The compared problems where one of the two never reached it (the gap is only bounded there).
    var censored: [Pair] { compared.filter { $0.first == nil || $0.second == nil } }

    /// Lower and upper bounds of the mean of `first − second` over the compared problems (NaN when none).
    var bounds: (lower: Double, upper: Double) {
        guard !compared.isEmpty else { return (.nan, .nan) }
        let never = Double(budget + 1)
        var (lower, upper) = (0.0, 0.0)
        for pair in compared {
            switch (pair.first, pair.second) {
            case (let a?, let b?): (lower, upper) = (lower + Double(a - b), upper + Double(a - b))
            case (nil, let b?): (lower, upper) = (lower + never - Double(b), .infinity)
            case (let a?, nil): (lower, upper) = (-.infinity, upper + Double(a) - never)
            case (nil, nil): break
            }
        }
        let n = Double(compared.count)
        return (lower / n, upper / n)
    }

    /// The mean gap as far as it is known, for a "> 0" criterion: the lower bound when that is positive (the
    /// gap is surely positive), the upper bound when that is 0 or less (surely not positive), NaN when the
    /// bounds straddle 0 or nothing was compared (not measured).
    var value: Double {
        let (lower, upper) = bounds
        if lower > 0 { return lower }
        if upper <= 0 { return upper }
        return .nan
    }

    /// In words, naming `firstName` and `secondName` (e.g. "sigmoid", "tanh"): "tanh reaches 90% at least 35.3
    /// epochs sooner than sigmoid on average over circle, moons, digits (sigmoid never reached 90% within 20
    /// epochs on circle, digits: 'at least')", and which problems were left out or why the sign is unknown.
    func describe(_ firstName: String, _ secondName: String) -> String {
        var parts: [String] = []
        let names = compared.map(\.name).joined(separator: ", ")
        let v = value
        if compared.isEmpty {
            parts.append("nothing to compare: neither \(firstName) nor \(secondName) reached 90% on any problem")
        } else if v.isNaN {
            parts.append(
                "not measured: the runs that never reached 90% within \(budget) epochs leave the sign of the mean gap "
                    + "over \(names) unknown (between \(Format.number(bounds.lower, 3)) and \(Format.number(bounds.upper, 3)))"
            )
        } else {
            let bound = censored.isEmpty ? "" : "at least "
            let direction = v > 0 ? "sooner" : v < 0 ? "later" : ""
            parts.append(
                v == 0 && censored.isEmpty
                    ? "\(secondName) and \(firstName) reach 90% at the same epoch on average over \(names)"
                    : "\(secondName) reaches 90% \(bound)\(Format.number(abs(v), 3)) epochs \(direction) than \(firstName) on average over \(names)"
            )
        }
        for (name, missing) in [
            (firstName, censored.filter { $0.first == nil }), (secondName, censored.filter { $0.second == nil }),
        ]
        where !missing.isEmpty {
            parts.append(
                "\(name) never reached 90% within \(budget) epochs on \(missing.map(\.name).joined(separator: ", ")), "
                    + "so the gap there is a bound, not a measurement")
        }
        if !leftOut.isEmpty {
            parts.append("left out: \(leftOut.joined(separator: ", ")), where neither reached 90%")
        }
        return parts.joined(separator: "; ")
    }
}
