/// One claim of the article as a runnable measurement: deterministic under a seed, with a quick mode
/// (a few seconds) and a full mode, returning numbers, tables, charts and a verdict computed from them.
///
/// ```swift
/// let result = try Experiments.named("relu-sparsity")!.run(ExperimentSettings(seed: 1, quick: true))
/// print(result.verdictLine)   // holds: ReLU zero fraction 0.48–0.52 at widths 16–1024 (…)
/// ```
public protocol Experiment: Sendable {
    /// Its id, title, the claims it tests and how.
    var info: ExperimentInfo { get }
    /// Runs the measurement. The verdict comes from the result's checks, each a stated criterion
    /// applied to a measured number.
    func run(_ settings: ExperimentSettings) throws -> ExperimentResult
    /// True when the measurement involves no randomness (identities, derivatives): one seed suffices.
    var isDeterministic: Bool { get }
}

extension Experiment {
    /// False: an experiment is statistical, run on several seeds, unless it says otherwise.
    public var isDeterministic: Bool { false }
}

/// What an experiment is about: its id (kebab-case: CLI argument, file and page name), the claim it
/// tests in our own words with where the article makes it, and how it is tested.
public struct ExperimentInfo: Sendable, Equatable {
    /// Kebab-case id: the CLI argument (`activations experiment <id>`), and the file and page name.
    public let id: String
    /// A short title for lists and page headings.
    public let title: String
    /// The numbers of the claims tested, as numbered in the project's list of the article's 32 claims
    /// (`ArticleClaims.all`).
    public let claims: [Int]
    /// The claim, in our words (the article's sentences are not copied).
    public let claim: String
    /// What is measured, in a sentence or two.
    public let method: String
    /// Where we test a narrower or different reading than the article states, and why; empty if not.
    public let reading: String

    /// Where the article says it, from the claims' places in ``ArticleClaims``: section and lines of the
    /// article's text, e.g. "step section, lines 51, 53".
    public var source: String { ArticleClaims.source(of: claims) }

    /// Describes an experiment; `reading` is empty when the claim is tested as the article states it.
    public init(id: String, title: String, claims: [Int], claim: String, method: String, reading: String = "") {
        (self.id, self.title, self.claims) = (id, title, claims)
        (self.claim, self.method, self.reading) = (claim, method, reading)
    }
}

/// How to run an experiment.
public struct ExperimentSettings: Sendable, Equatable {
    /// Fixes the data, the initial weights and the batch order.
    public var seed: UInt64
    /// Smaller data, nets and epoch counts (and more seeds, which are cheap there): for a first look and
    /// for checking that verdicts do not hang on the base seed.
    public var quick: Bool
    /// Extra hidden activations to compare where an experiment compares several (choosing, dying-relu).
    public var extraActivations: [String]
    /// The seed count set at init, or nil for the mode's default.
    private var chosenSeedCount: Int?

    /// Settings for one run: base seed `seed`, the quick or full mode, extra activation ids to compare, and
    /// how many seeds a statistical experiment runs (nil: the mode's, ``defaultSeedCount(quick:)``; at least 1).
    public init(seed: UInt64 = 1, quick: Bool = false, extraActivations: [String] = [], seedCount: Int? = nil) {
        (self.seed, self.quick, self.extraActivations) = (seed, quick, extraActivations)
        chosenSeedCount = seedCount.map { max($0, 1) }
    }

    /// The seed-count policy: 10 seeds in quick mode, 5 in full mode.
    ///
    /// Quick mode runs every statistical experiment in 0.1–2 s of CPU per seed in a release build, so 10 seeds
    /// cost under a minute in all; with 3, a criterion whose measurement sits at its threshold fails on all of
    /// them for about one base seed in eight (0.5³), which the verdict rule counts as decisive (0.5¹⁰ with 10).
    /// Full mode costs minutes per seed (23 min for all experiments on 5 seeds, 2 cores), so it keeps 5.
    public static func defaultSeedCount(quick: Bool) -> Int { quick ? 10 : 5 }

    /// How many seeds a statistical experiment runs: the count given at init, else the mode's default.
    public var seedCount: Int { chosenSeedCount ?? Self.defaultSeedCount(quick: quick) }

    /// Equal when they run the same: a seed count given at init equals the mode's default of the same size.
    public static func == (a: Self, b: Self) -> Bool {
        (a.seed, a.quick, a.extraActivations, a.seedCount) == (b.seed, b.quick, b.extraActivations, b.seedCount)
    }

    /// The seeds run for base seed `seed`: derived by a SplitMix64 step, so that neighbouring base seeds
    /// give unrelated seed sets.
    public var seeds: [UInt64] {
        (0..<UInt64(seedCount)).map { index in
            var z = seed &+ (index &+ 1) &* 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// What a quick run's verdicts are worth, said wherever one is shown.
    public static let quickCaveat = "smaller data and nets, fewer epochs; the full run is the reference"

    /// "quick run (smaller data and nets, fewer epochs; the full run is the reference), base seed 1" or
    /// "full run, base seed 1".
    public var modeDescription: String {
        (quick ? "quick run (\(Self.quickCaveat))" : "full run") + ", base seed \(seed)"
    }

    /// `quick` in quick mode, else `full`.
    func pick<V>(quick: V, full: V) -> V { self.quick ? quick : full }

    /// A seed for one part of an experiment, so that parts do not share random streams.
    func seed(_ part: UInt64) -> UInt64 { seed &* 1_000_003 &+ part }
}
