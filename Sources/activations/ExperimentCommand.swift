import ActivationFunctions
import ArgumentParser
import Foundation
import Lab
import NeuralNet

struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Run one of the article's claims as an experiment: measured numbers, charts and a verdict.",
        discussion: """
            Each experiment runs on several seeds derived from --seed (5, or 10 with --quick; one for \
            the deterministic ones), so the same --seed gives the same numbers. It prints its tables and \
            one verdict line, "holds", "mixed" or "does not hold", with each criterion's threshold, \
            mean ± sd over the seeds and the seeds passing. A criterion holds when it passed on every \
            seed (or on 80% with the mean past the threshold by at least one sd), does not hold when it \
            failed on every seed (or on 80% likewise), and is mixed otherwise; a seed with nothing to \
            measure (NaN) is left out of the count, and a criterion no seed could measure is "not \
            measured". An experiment holds when all its criteria hold, does not hold when none holds \
            and none is mixed, and is mixed otherwise (some hold, others do not, or one is mixed); each \
            claim it tests gets its own verdict from the criteria that name it. What is true by definition \
            or construction is shown as a fact, not judged: a claim with facts only has no verdict, and \
            an experiment with no criterion at all (linear-constant-gradient) is "not judged". With --quick \
            (smaller data and nets, fewer epochs) the verdict is a quick-run verdict, labelled so: the full run is the \
            reference, and the two can differ. A claim that does not hold is a result, not an error: \
            the exit code is still 0.

            Examples:
              activations experiment --list
              activations experiment --list --json
              activations experiment relu-sparsity --quick
              activations experiment vanishing-gradient --out charts --json
              activations experiment choosing --extra gelu,silu
              activations experiment choosing --quick --extra 'f(x)=max(0.1*x, x)'
              activations experiment --all --quick
            """
    )

    @Argument(help: "Experiment id (see --list).")
    var id: String?

    @Flag(help: "List the experiments with the claim each tests.")
    var list = false

    @Flag(help: "Run every experiment.")
    var all = false

    @Flag(help: "Small data and nets, few epochs, 10 seeds: seconds each.")
    var quick = false

    // Unconditional: "--seed -1" was read as a missing value followed by an option "-1".
    @Option(
        parsing: .unconditional,
        help: "Base seed, 0 to 18446744073709551615: the seeds run (data, weights, batch order) are derived from it.",
        transform: SeedOption.parse)
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "Extra hidden activations to compare (choosing, dying-relu): ids or formulas, e.g. gelu,silu or relu,'f(x)=max(0.1*x, x)' (a comma inside parentheses belongs to the formula).",
            valueName: "list"))
    var extra: String?

    @Option(
        name: .customLong("out"), help: ArgumentHelp("Write the charts (SVG) into this directory.", valueName: "dir"))
    var outputDirectory: String?

    @Flag(
        help:
            "Print JSON instead of text: one object per experiment (an array with --all); with --list, an array of {id, title, claims}."
    )
    var json = false

    func run() throws {
        try reportingFailures {
            if list {
                if let id { throw CommandFailure.usage("--list lists every experiment and takes no id (got \(id))") }
                if all { throw CommandFailure.usage("--list lists every experiment; --all runs them: use one") }
                return print(json ? JSONText.listing : ExperimentRunner.listing)
            }
            let experiments = try ExperimentRunner.select(id: id, all: all)
            if let extra, !all, let chosen = experiments.first?.info.id, !ExperimentRunner.takingExtra.contains(chosen)
            {
                throw CommandFailure.usage(  // was silently ignored
                    "--extra \(extra) adds activations to \(ExperimentRunner.takingExtra.joined(separator: " and ")) only; "
                        + "\(chosen) compares its own")
            }
            if let outputDirectory, let problem = OutputPath.directoryProblem(outputDirectory) {  // before the runs
                throw CommandFailure.usage("cannot write the charts into \(outputDirectory): \(problem)")
            }
            let settings = ExperimentSettings(
                seed: seed, quick: quick, extraActivations: try ExperimentRunner.activations(extra))
            // Each experiment's text is printed as it finishes (the full --all takes half an hour); JSON
            // waits for the array to be whole, with progress on a terminal's standard error meanwhile.
            var outputs: [String] = []
            for (index, experiment) in experiments.enumerated() {
                if json && all && isatty(STDERR_FILENO) != 0 {
                    var standardError = StandardError()
                    print("running \(index + 1)/\(experiments.count): \(experiment.info.id)", to: &standardError)
                }
                let output = try ExperimentRunner.run(
                    experiment, settings, outputDirectory: outputDirectory, json: json)
                if json {
                    outputs.append(output)
                } else {
                    print(index == 0 ? output : "\n" + output)
                    StandardOutput.flush()
                }
            }
            if json { print(all ? "[" + outputs.joined(separator: ",\n") + "]" : outputs.joined(separator: "\n\n")) }
        }
    }
}

/// Choosing, running and printing experiments for the command.
enum ExperimentRunner {
    static var listing: String {
        Experiments.all.map { experiment in
            let claims = "claims " + experiment.info.claims.map(String.init).joined(separator: ", ")
            return experiment.info.id.padding(toLength: 26, withPad: " ", startingAt: 0)
                + claims.padding(toLength: 18, withPad: " ", startingAt: 0) + experiment.info.title
        }.joined(separator: "\n")
    }

    /// The experiments that compare the activations given with `--extra` besides their own.
    static let takingExtra = ["choosing", "dying-relu"]

    static func select(id: String?, all: Bool) throws -> [any Experiment] {
        if all, let id { throw CommandFailure.usage("name an experiment or use --all, not both (got \(id) and --all)") }
        if all { return Experiments.all }
        guard let id else { throw CommandFailure.usage("name an experiment, or use --list or --all") }
        guard let experiment = Experiments.named(id) else {
            let close = Activations.closest(to: id, among: Experiments.ids)
            let hint = close.isEmpty ? "" : " Did you mean \(close.joined(separator: ", "))?"
            throw CommandFailure.usage(
                "unknown experiment '\(NumberText.excerpt(id))'.\(hint) The experiments are "
                    + Experiments.ids.joined(separator: ", "))
        }
        return [experiment]
    }

    /// The most activations `--extra` adds (each is trained on every dataset and seed: 201 ran past a minute).
    static let maxExtra = 8

    static func activations(_ text: String?) throws -> [String] {
        let ids = ActivationList.split(text ?? "")
        guard ids.count <= maxExtra else {
            throw CommandFailure.usage("--extra adds at most \(maxExtra) activations, got \(ids.count)")
        }
        if let twice = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
            throw CommandFailure.usage("--extra names \(NumberText.excerpt(twice)) twice")
        }
        // An unknown id or a bad formula is a usage error saying what is wrong.
        for id in ids { _ = try HiddenActivation.named(id) }
        return ids
    }

    static func run(_ experiment: any Experiment, _ settings: ExperimentSettings, outputDirectory: String?, json: Bool)
        throws -> String
    {
        let result = try Experiments.run(experiment, settings)
        let charts =
            try outputDirectory.map { try writeDirectory($0) { try result.writeCharts(to: $0).map(\.path) } } ?? []
        return json ? result.json(chartPaths: charts) : result.text
    }
}
