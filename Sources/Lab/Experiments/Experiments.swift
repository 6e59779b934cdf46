import Foundation

/// The catalog of experiments, in the article's order: every surface (CLI, report, tests) reads it.
public enum Experiments {
    /// Every experiment, in the order the article makes its claims.
    public static let all: [any Experiment] = [
        ActivationGrowth(),
        StepNoGradient(),
        GradedOutputs(),
        LinearConstantGradient(),
        LinearCollapse(),
        SigmoidSteepMiddle(),
        SigmoidExtremes(),
        VanishingGradient(),
        SigmoidOrTanh(),
        UniversalApproximation(),
        ReLUSparsity(),
        DyingReLU(),
        ReLUIsCheap(),
        Choosing(),
        SigmoidClassifier(),
    ]

    /// The ids of `all`, in order: the choices of `activations experiment`.
    public static var ids: [String] { all.map(\.info.id) }

    /// The claim numbers not tested on purpose: definitions (1, 3, 7, 13, 20, 32) and the custom
    /// activation (30), which the custom-activation feature covers.
    public static let untestedClaims: Set<Int> = [1, 3, 7, 13, 20, 30, 32]

    /// The experiment with this id, or nil.
    public static func named(_ id: String) -> (any Experiment)? {
        all.first { $0.info.id == id.lowercased() }
    }

    /// A duration for people, as the experiments' pages print it: "0.41 s", "3.2 s", "42 s", "8 min 20 s", "1 h 5 min".
    public static func durationText(_ seconds: Double) -> String { Format.duration(seconds) }

    /// Runs `experiment` on every seed derived from `settings.seed` (one run when it is deterministic),
    /// and combines the runs: each criterion's values over the seeds, the mean of every measurement,
    /// and the first seed's tables and charts. Records how long it all took.
    public static func run(_ experiment: any Experiment, _ settings: ExperimentSettings) throws -> ExperimentResult {
        let start = Date()
        let seeds = experiment.isDeterministic ? [settings.seed] : settings.seeds
        let runs = try seeds.map { seed in
            var each = settings
            each.seed = seed
            return try experiment.run(each)
        }
        var result = SeedCombination.combine(runs, settings: settings)
        result.seeds = seeds
        result.seconds = Date().timeIntervalSince(start)
        return result
    }
}
