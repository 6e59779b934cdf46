import Foundation
import Testing

@Suite("activations experiment and report")
struct ExperimentCLITests {
    @Test("--list names every experiment with its claims; --list --json is an array of {id, title, claims}")
    func list() async throws {
        let result = try await CLI.run(["experiment", "--list"])
        #expect(result.status == 0)
        for id in [
            "step-no-gradient", "linear-collapse", "relu-sparsity", "dying-relu", "choosing", "sigmoid-classifier",
        ] { #expect(result.output.contains(id)) }
        let json = try await CLI.run(["experiment", "--list", "--json"])
        let array = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as! [[String: Any]]
        #expect(
            array.contains {
                $0["id"] as? String == "sigmoid-classifier" && $0["claims"] as? [Int] == [29] && $0["title"] is String
            })
    }

    @Test("an experiment prints its claim with its place in the article, its tables, and ends with the verdict line")
    func text() async throws {
        let result = try await CLI.run(["experiment", "sigmoid-steep-middle", "--quick"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        let scope = " (quick-run verdict: smaller data and nets, fewer epochs; the full run is the reference): "
        #expect(
            ["holds", "mixed", "does not hold"].contains { lines.last?.hasPrefix($0 + scope) == true },
            "\(result.output)")
        #expect(
            result.output.contains(
                "mode: quick run (smaller data and nets, fewer epochs; the full run is the reference), base seed 1"))
        #expect(result.output.contains("76.2%") && result.output.contains("sigmoid section, line 89"))
    }

    @Test("--json with --out writes the charts and lists their paths")
    func json() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "experiment-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await CLI.run([
            "experiment", "linear-constant-gradient", "--quick", "--seed", "3", "--json", "--out", directory.path,
        ])
        #expect(result.status == 0, "\(result.error)")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        // Its claim is a fact of calculus, shown, not judged: no criterion, so no verdict of the three.
        #expect(object["verdict"] as? String == "not judged")
        #expect(object["seed"] as? Int == 3 && object["seeds"] as? Int == 1)
        #expect((object["criteria"] as? [[String: Any]])?.isEmpty == true)
        let charts = object["charts"] as! [String]
        #expect(charts.count == 2)
        for path in charts { #expect(FileManager.default.fileExists(atPath: path)) }
    }

    /// dying-relu rather than choosing: both read --extra the same way, and dying-relu trains on one
    /// dataset, so the test stays short (choosing --quick trains five problems, the digits among them).
    @Test("--extra takes a formula with a comma: it trains exactly as the catalog function it spells out")
    func extraFormula() async throws {
        let formula = "f(x)=max(0.01*x, x)"  // leaky ReLU at the catalog's default slope, 0.01
        let result = try await CLI.run(["experiment", "dying-relu", "--quick", "--json", "--extra", "leaky-relu,\(formula)"])
        #expect(result.status == 0, "\(result.error)")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        let measured = object["measurements"] as! [String: Double?]
        let catalog = measured.filter { $0.key.contains(".leaky-relu.") }
        #expect(catalog.count >= 6, "\(measured.keys.sorted())")
        for (key, value) in catalog {
            let mine = measured[key.replacingOccurrences(of: ".leaky-relu.", with: ".\(formula).")]
            #expect(
                mine != nil && mine! == value,
                "\(key): leaky-relu \(String(describing: value)), the formula \(String(describing: mine))")
        }
        let bad = try await CLI.run(["experiment", "choosing", "--quick", "--extra", "relu,f(x)=max(0.01*x x)"])
        #expect(bad.status == 64 && bad.error.contains("column") && bad.output.isEmpty, "\(bad.error)")
    }

    /// A folder that takes no new file (/proc, /sys: as root, permissions alone would not stop it) was found out
    /// only when the charts or the report were written, after the whole run.
    @Test("an output folder that cannot be written into is refused before any experiment runs")
    func unwritableFolder() async throws {
        for (arguments, mentions) in [
            (
                ["experiment", "relu-sparsity", "--quick", "--out", "/proc/activationlab-out"],
                "cannot write the charts into /proc/activationlab-out"
            ),
            (
                ["report", "--quick", "-o", "/sys/activationlab-report"],
                "cannot write the report into /sys/activationlab-report"
            ),
        ] {
            let result = try await CLI.run(arguments)
            #expect(result.status == 64 && result.error.contains(mentions), "\(arguments): \(result.error)")
            #expect(result.error.contains("takes no new file or folder") && result.output.isEmpty, "\(result.error)")
            // Refused before the first experiment: no progress line (the report's), and nothing like the
            // minutes relu-sparsity takes in a debug build (the process's own time: the wait for a test
            // slot is not in it; a bound of 10 s on the whole call failed at 53 s on a machine running
            // two test suites).
            #expect(!result.error.contains("[ 1/"), "an experiment ran first: \(result.error)")
            #expect(result.seconds < 60, "\(arguments) took \(result.seconds) s")
        }
        // A folder that does take files is accepted, and nothing is left behind by the check.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("writable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ok = try await CLI.run(["experiment", "linear-constant-gradient", "--quick", "--out", folder.path])
        #expect(ok.status == 0, "\(ok.error)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!left.contains { $0.hasPrefix(".activations-write-check") } && left.contains { $0.hasSuffix(".svg") })
    }

    @Test("usage errors exit 64 and say what is valid")
    func errors() async throws {
        let unknown = try await CLI.run(["experiment", "relu-is-expensive"])
        #expect(unknown.status == 64 && unknown.error.contains("relu-is-cheap") && unknown.output.isEmpty)
        #expect(try await CLI.run(["experiment"]).status == 64)
        let extra = try await CLI.run(["experiment", "choosing", "--quick", "--extra", "nope"])
        #expect(extra.status == 64, "\(extra.error)")
    }
}
