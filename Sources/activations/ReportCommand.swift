import ActivationFunctions
import ArgumentParser
import Foundation
import Lab

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run every experiment and write one offline HTML site: verdicts, tables, charts and the gallery.",
        discussion: """
            Examples:
              activations report -o report            (full mode: minutes in a release build)
              activations report -o report --quick    (seconds)

            Open DIR/index.html in a browser; it needs no server and no network.
            """
    )

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("The directory to write the site into.", valueName: "dir"))
    var output: String

    @Flag(help: "Run the experiments in quick mode.")
    var quick = false

    @Option(
        parsing: .unconditional, help: "Base seed for every experiment, 0 to 18446744073709551615.",
        transform: SeedOption.parse)
    var seed: UInt64 = 1

    func run() throws {
        try reportingFailures {
            if let problem = OutputPath.directoryProblem(output) {  // before the experiments, not after
                throw CommandFailure.usage("cannot write the report into \(output): \(problem)")
            }
            let settings = ExperimentSettings(seed: seed, quick: quick)
            var progress = StandardError()  // progress on standard error; the index path alone on standard output
            let results = try Experiments.all.enumerated().map { index, experiment in
                print(
                    ReportProgress.start(index, of: Experiments.all.count, experiment.info.id), terminator: "",
                    to: &progress)
                let result = try Experiments.run(experiment, settings)
                print(ReportProgress.finish(result), to: &progress)
                return result
            }
            print(ReportProgress.total(results), to: &progress)
            let files = try writeDirectory(output) { try LabReport(results: results).write(to: $0) }
            print(files[0].path)
        }
    }
}

/// The report's progress lines, for a person watching a run of seconds (quick) or half an hour (full):
/// "[ 3/15] graded-outputs … holds (5 seeds, 42 s)", then the total and the verdicts counted.
enum ReportProgress {
    /// What runs now, before it finishes: "[ 3/15] graded-outputs … ".
    static func start(_ index: Int, of count: Int, _ id: String) -> String {
        let number = String(index + 1)
        let total = String(count)
        return "[" + String(repeating: " ", count: max(total.count - number.count, 0)) + number + "/" + total + "] "
            + id + " … "
    }

    /// The verdict, the mode, the seeds run and the time: "holds (full run, 5 seeds, 42 s)",
    /// "holds (quick run, deterministic, 0.01 s)".
    static func finish(_ result: ExperimentResult) -> String {
        let seeds = result.seeds.count == 1 ? "deterministic" : "\(result.seeds.count) seeds"
        let mode = result.settings.quick ? "quick run" : "full run"
        return "\(result.verdict.rawValue) (\(mode), \(seeds), \(Experiments.durationText(result.seconds)))"
    }

    /// "15 experiments in 8 min 20 s, full run, base seed 1: 9 hold, 4 mixed, 2 do not hold".
    static func total(_ results: [ExperimentResult]) -> String {
        let seconds = results.map(\.seconds).reduce(0, +)
        let count = { (verdict: Verdict) in results.filter { $0.verdict == verdict }.count }
        let mode =
            results.first.map {
                $0.settings.quick ? "quick-run verdicts (\(ExperimentSettings.quickCaveat)), " : "full run, "
            }
            ?? ""
        let (holds, doesNotHold) = (count(.holds), count(.doesNotHold))
        return
            "\(results.count) experiment\(results.count == 1 ? "" : "s") in \(Experiments.durationText(seconds)), \(mode)"
            + "base seed \(results.first?.settings.seed ?? 0): \(holds) \(holds == 1 ? "holds" : "hold"), "
            + "\(count(.mixed)) mixed, \(doesNotHold) \(doesNotHold == 1 ? "does" : "do") not hold"
            + (count(.notMeasured) > 0 ? ", \(count(.notMeasured)) not measured" : "")
            + (count(.notJudged) > 0 ? ", \(count(.notJudged)) not judged (facts only)" : "")
    }
}

/// `--seed` as a whole number in words: "-1" was "Missing value for '--seed'".
enum SeedOption {
    static func parse(_ text: String) throws -> UInt64 {
        guard let seed = UInt64(text) else {
            throw ValidationError(
                "--seed takes a whole number from 0 to \(UInt64.max); got \(NumberText.excerpt(text))")
        }
        return seed
    }
}
