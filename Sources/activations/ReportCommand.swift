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

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The directory to write the site into.", valueName: "dir"))
    var output: String

    @Flag(help: "Run the experiments in quick mode.")
    var quick = false

    @Option(help: "Seed for every experiment.")
    var seed: UInt64 = 1

    func run() throws {
        try reportingFailures {
            let settings = ExperimentSettings(seed: seed, quick: quick)
            let results = try Experiments.all.map { experiment in
                let result = try Experiments.run(experiment, settings)
                var progress = StandardError()  // progress on standard error; the index path alone on standard output
                print("\(result.info.id): \(result.verdict.rawValue) (\(String(format: "%.1f", result.seconds)) s)", to: &progress)
                return result
            }
            let files = try writeDirectory(output) { try LabReport(results: results).write(to: $0) }
            print(files[0].path)
        }
    }
}
