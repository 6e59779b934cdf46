import Foundation

/// The catalog of experiments, in the article's order: every surface (CLI, report, tests) reads it.
public enum Experiments {
    public static let all: [any Experiment] = [
        StepNoGradient(),
        LinearConstantGradient(),
        LinearCollapse(),
        SigmoidSteepMiddle(),
        VanishingGradient(),
        ReLUSparsity(),
        DyingReLU(),
        ReLUIsCheap(),
        UniversalApproximation(),
        Choosing(),
    ]

    public static var ids: [String] { all.map(\.info.id) }

    /// The experiment with this id, or nil.
    public static func named(_ id: String) -> (any Experiment)? {
        all.first { $0.info.id == id.lowercased() }
    }

    /// Runs `experiment` and records how long it took.
    public static func run(_ experiment: any Experiment, _ settings: ExperimentSettings) throws -> ExperimentResult {
        let start = Date()
        var result = try experiment.run(settings)
        result.seconds = Date().timeIntervalSince(start)
        return result
    }
}
