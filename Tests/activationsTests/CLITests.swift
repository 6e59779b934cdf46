import ActivationFunctions
import Dispatch
import Foundation
import Testing
import TestSupport

/// Runs the built `activations` executable, as a user would.
struct CLI {
    struct Result: Sendable {
        let status: Int32
        let output: String
        let error: String
        /// From the process's launch to its exit (not the wait for a slot before it).
        let seconds: Double
    }

    static let executable: URL = {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            directory.appendingPathComponent("activations"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "activations"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// Runs the executable on a thread of its own: waiting for it on the test runner's cooperative
    /// threads (two on CI) held up the async tests of the run, past their time limits on a loaded machine.
    /// At most `slots` run at once, as many as there are cores: the cooperative threads had bounded them
    /// so, and some 70 CLI tests launched together would load the machine for every other test.
    static func run(_ arguments: [String], input: String? = nil) async throws -> Result {
        try await onAThreadOfItsOwn {
            slots.wait()
            defer { slots.signal() }
            return try runAndWait(arguments, input: input)
        }
    }

    private static let slots = DispatchSemaphore(value: max(2, ProcessInfo.processInfo.activeProcessorCount))

    /// `run` on the calling thread, for work timed on it (`Timing.scalingRatio`).
    static func runAndWait(_ arguments: [String], input: String? = nil) throws -> Result {
        let start = ContinuousClock.now
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        return Result(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            error: String(decoding: err, as: UTF8.self),
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
}

@Suite("activations command line")
struct CLITests {
    @Test("the executable was built next to the tests")
    func executableExists() {
        #expect(FileManager.default.isExecutableFile(atPath: CLI.executable.path), "\(CLI.executable.path)")
    }

    @Test("list --json carries every id with complete metadata")
    func listJSON() async throws {
        let result = try await CLI.run(["list", "--json"])
        #expect(result.status == 0)
        let entries = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [[String: Any]]
        #expect(entries.map { $0["id"] as! String } == Activations.all.map { $0.info.id })
        let keys = [
            "id", "name", "aliases", "family", "formula", "derivativeFormula", "parameters", "outputRange",
            "smoothness", "zeroCentred", "kinks", "reference", "kind", "defaultKinkPoints", "plotDomain",
        ]
        for entry in entries {
            for key in keys { #expect(entry[key] != nil, "\(entry["id"]!) lacks \(key)") }
        }
        let leaky = entries.first { $0["id"] as? String == "leaky-relu" }!
        let slope = (leaky["parameters"] as! [[String: Any]])[0]
        #expect(slope["name"] as? String == "slope" && slope["defaultValue"] as? Double == 0.01)
    }

    @Test("list --markdown has a row per function")
    func listMarkdown() async throws {
        let result = try await CLI.run(["list", "--markdown"])
        #expect(result.output.split(separator: "\n").count == Activations.all.count + 2)
    }

    @Test("eval prints the shortest round-tripping form, one per line")
    func eval() async throws {
        // relu passes positive inputs through unchanged, so the digits printed are the format's alone.
        let result = try await CLI.run(["eval", "relu", "3.720075976020836e-44", "0.1", "nan", "inf", "-inf"])
        #expect(result.status == 0)
        #expect(result.output == "3.720075976020836e-44\n0.1\nnan\ninf\n0.0\n")
    }

    @Test("eval reads standard input, in float, with parameters and derivatives")
    func evalOptions() async throws {
        let float = try await CLI.run(["eval", "sigmoid", "--type", "float"], input: "-100\n 1  2\n")
        // σ(−100), σ(1), σ(2) from mpmath; Float's σ is within 2.5 ulp, so compare within 4.
        let exact: [Double] = [3.7200759760208356e-44, 0.7310585786300049, 0.8807970779778823]
        let printed = float.output.split(separator: "\n").compactMap { Float(String($0)) }
        #expect(printed.count == 3, "\(float.output)")
        for (got, value) in zip(printed, exact) {
            #expect(abs(Double(got) - value) <= 4 * Double(Float(value).ulp), "σ printed \(got), exact \(value)")
        }
        let leaky = try await CLI.run(["eval", "leaky-relu", "--param", "slope=0.2", "--derivative", "--", "-1", "0", "1"])
        #expect(leaky.output == "0.2\n0.2\n1.0\n")
    }

    @Test("row functions: one row per line, spaces or commas")
    func rows() async throws {
        let result = try await CLI.run(["eval", "sparsemax"], input: "1 0.5 -1\n1,0.5,-1\n\n")
        #expect(result.output == "0.75 0.25 0.0\n0.75 0.25 0.0\n\n")
        let jacobian = try await CLI.run(["eval", "softmax", "--derivative", "0", "0"])
        #expect(jacobian.output == "0.25 -0.25\n-0.25 0.25\n\n")
    }

    struct Failure: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let input: String?
        let status: Int32
        let mentions: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let failures: [Failure] = [
        Failure(arguments: ["eval", "relux", "1"], input: nil, status: 64, mentions: "relu"),
        Failure(arguments: ["show", "sigmiod"], input: nil, status: 64, mentions: "sigmoid"),
        Failure(
            arguments: ["eval", "leaky-relu", "--param", "slope=5", "1"], input: nil, status: 64, mentions: "[0, 1]"),
        Failure(
            arguments: ["eval", "relu", "--param", "alpha=1", "1"], input: nil, status: 64, mentions: "no parameters"),
        Failure(arguments: ["eval", "elu", "--param", "alpha", "1"], input: nil, status: 64, mentions: "NAME=VALUE"),
        Failure(arguments: ["eval", "relu", "--derivatve", "1"], input: nil, status: 64, mentions: "--derivatve"),
        Failure(arguments: ["eval", "relu", "1", "abc", "3"], input: nil, status: 65, mentions: "input 2"),
        Failure(arguments: ["eval", "relu"], input: "1 2\n3 x\n", status: 65, mentions: "line 2, number 2"),
        Failure(arguments: ["eval", "relu", "--type", "float", "1e39"], input: nil, status: 65, mentions: "too large"),
        Failure(arguments: ["eval", "glu"], input: "1 2 3\n", status: 65, mentions: "even"),
        // A good row before the bad one: nothing printed for it either.
        Failure(arguments: ["eval", "glu"], input: "1 2\n1 2 3\n", status: 65, mentions: "even"),
        Failure(arguments: ["eval", "glu", "--derivative"], input: "1 2\n3 4 5 6\n1 2 3\n", status: 65, mentions: "even"),
        Failure(arguments: ["eval", "relu", "--type", "half", "1"], input: nil, status: 64, mentions: "half"),
    ]

    @Test("bad input: a clear message on standard error, nothing on standard output, 64 or 65", arguments: failures)
    func failure(_ failure: Failure) async throws {
        let result = try await CLI.run(failure.arguments, input: failure.input)
        #expect(result.status == failure.status)
        #expect(result.output.isEmpty, "stdout: \(result.output)")
        #expect(result.error.contains(failure.mentions), "stderr: \(result.error)")
    }

    @Test("show prints formulas, properties, values and a plot", arguments: ["relu", "leaky-relu", "softmax", "gelu"])
    func show(id: String) async throws {
        let result = try await CLI.run(["show", id])
        #expect(result.status == 0)
        #expect(result.output.contains("f′(x)") && result.output.contains("range"))
        #expect(result.output.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "braille plot")
        #expect(!result.output.contains("\u{1B}"), "no colour when not a terminal")
    }
}
