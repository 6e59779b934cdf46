/// One claim of the article as a runnable measurement: deterministic under a seed, with a quick mode
/// (a few seconds) and a full mode, returning numbers, tables, charts and a verdict computed from them.
///
/// ```swift
/// let result = try Experiments.named("relu-sparsity")!.run(ExperimentSettings(seed: 1, quick: true))
/// print(result.verdictLine)   // holds: ReLU zero fraction 0.48–0.52 at widths 16–1024 (…)
/// ```
public protocol Experiment: Sendable {
    var info: ExperimentInfo { get }
    /// Runs the measurement. The verdict comes from the result's checks, each a stated criterion
    /// applied to a measured number.
    func run(_ settings: ExperimentSettings) throws -> ExperimentResult
}

/// What an experiment is about: its id (kebab-case: CLI argument, file and page name), the article's
/// sentence it tests, and how it tests it.
public struct ExperimentInfo: Sendable, Equatable {
    public let id: String
    public let title: String
    /// The sentence of the article under test, as the article puts it.
    public let claim: String
    /// What is measured, in a sentence or two.
    public let method: String

    public init(id: String, title: String, claim: String, method: String) {
        (self.id, self.title, self.claim, self.method) = (id, title, claim, method)
    }
}

/// How to run an experiment.
public struct ExperimentSettings: Sendable, Equatable {
    /// Fixes the data, the initial weights and the batch order.
    public var seed: UInt64
    /// Smaller data, nets and epoch counts: a few seconds, for tests and a first look.
    public var quick: Bool
    /// Extra hidden activations to compare where an experiment compares several (choosing, dying-relu).
    public var extraActivations: [String]

    public init(seed: UInt64 = 1, quick: Bool = false, extraActivations: [String] = []) {
        (self.seed, self.quick, self.extraActivations) = (seed, quick, extraActivations)
    }

    /// `quick` in quick mode, else `full`.
    func pick<V>(quick: V, full: V) -> V { self.quick ? quick : full }

    /// A seed for one part of an experiment, so that parts do not share random streams.
    func seed(_ part: UInt64) -> UInt64 { seed &* 1_000_003 &+ part }
}
