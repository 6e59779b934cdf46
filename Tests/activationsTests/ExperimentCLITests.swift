import Foundation
import Testing

@Suite("activations experiment and report")
struct ExperimentCLITests {
    @Test("--list names every experiment")
    func list() throws {
        let result = try CLI.run(["experiment", "--list"])
        #expect(result.status == 0)
        for id in ["step-no-gradient", "linear-collapse", "relu-sparsity", "dying-relu", "choosing"] { #expect(result.output.contains(id)) }
    }

    @Test("an experiment prints its tables and ends with the verdict line")
    func text() throws {
        let result = try CLI.run(["experiment", "sigmoid-steep-middle", "--quick"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.last?.hasPrefix("holds: ") == true, "\(result.output)")
        #expect(result.output.contains("76.2%"))
    }

    @Test("--json with --out writes the charts and lists their paths")
    func json() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("experiment-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["experiment", "linear-constant-gradient", "--quick", "--seed", "3", "--json", "--out", directory.path])
        #expect(result.status == 0, "\(result.error)")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        #expect(object["holds"] as? Bool == true)
        #expect(object["seed"] as? Int == 3)
        let charts = object["charts"] as! [String]
        #expect(charts.count == 2)
        for path in charts { #expect(FileManager.default.fileExists(atPath: path)) }
    }

    @Test("usage errors exit 64 and say what is valid")
    func errors() throws {
        let unknown = try CLI.run(["experiment", "relu-is-expensive"])
        #expect(unknown.status == 64 && unknown.error.contains("relu-is-cheap") && unknown.output.isEmpty)
        #expect(try CLI.run(["experiment"]).status == 64)
        let extra = try CLI.run(["experiment", "choosing", "--quick", "--extra", "nope"])
        #expect(extra.status == 64, "\(extra.error)")
    }
}
