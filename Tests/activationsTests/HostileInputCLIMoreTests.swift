import Foundation
import Testing

/// A second hostile tester's findings (6 Dec, later): each case lost a file, ran without bound,
/// printed NaN or dropped input without a word, and failed before its fix.
@Suite("activations: a second hostile tester's findings")
struct HostileInputCLIMoreTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-more-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A model saved onto a full disk replaced the good model with a truncated one (exit 64). Files
    /// are now written beside themselves and renamed: a failed write is an I/O error (74) and leaves
    /// what was there; a symbolic link stays a link to the file it names.
    @Test("an output file that cannot be written is exit 74; a link stays a link")
    func outputFiles() async throws {
        if FileManager.default.fileExists(atPath: "/dev/full") {  // Linux
            let full = try await CLI.run(["plot", "sigmoid", "-o", "/dev/full"])
            #expect(full.status == 74 && full.error.contains("cannot write /dev/full"), "\(full.status) \(full.error)")
        }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (target, link) = (folder.appendingPathComponent("chart.svg"), folder.appendingPathComponent("link.svg"))
        try Data("old".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let plotted = try await CLI.run(["plot", "sigmoid", "-o", link.path])
        #expect(plotted.status == 0, "\(plotted.error)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).contains("<svg"))
        // A private file stays private (the renamed file had the default permissions, 644).
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
        #expect(try await CLI.run(["plot", "relu", "-o", target.path]).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "\(String(mode ?? -1, radix: 8))")
        // Standard output's name writes to standard output, after what it holds.
        let printed = try await CLI.run(["plot", "relu", "-o", "/dev/stdout"])
        #expect(printed.status == 0 && printed.output.hasPrefix("<svg") || printed.output.hasPrefix("<?xml"), "\(printed.output.prefix(80))")
    }

    /// In `Float` these parameters became ±∞ or 0: `identity c=1e39` printed nan, `squareplus b=1e39`
    /// printed 0.0. A catalog function now runs in `Double` for them and rounds once, so `--type float`
    /// prints the `Double` values rounded to `Float`; a formula, whose program runs in `Float`, is refused.
    @Test(
        "eval --type float with a parameter outside Float's range: Double's values rounded, or refused for a formula",
        arguments: [
            ("identity", "c=1e39"), ("celu", "alpha=1e39"), ("soft-exponential", "alpha=1e-50"), ("squareplus", "b=1e39"),
        ])
    func floatParameters(function: String, parameter: String) async throws {
        let inputs = ["-1", "0", "1", "1e-30", "-2.5"]
        let float = try await CLI.run(["eval", function, "--type", "float", "--param", parameter, "--"] + inputs)
        let double = try await CLI.run(["eval", function, "--param", parameter, "--"] + inputs)
        #expect(float.status == 0 && double.status == 0, "\(float.error) \(double.error)")
        let floats = float.output.split(separator: "\n").map { Float(String($0)) }
        let doubles = double.output.split(separator: "\n").map { Double(String($0)).map(Float.init) }
        #expect(floats.count == inputs.count && floats == doubles, "\(float.output) against \(double.output)")
        #expect(!float.output.contains("nan"), "\(float.output)")
    }

    @Test("eval --type float refuses a formula's parameter outside Float's range, naming it")
    func floatFormulaParameters() async throws {
        let result = try await CLI.run(["eval", "f(x; a=1) = a*x", "--type", "float", "--param", "a=1e39", "--", "1"])
        #expect(result.status == 64 && result.error.contains("--param a="), "\(result.error)")
        #expect(result.error.contains("outside Float's range") && result.output.isEmpty, "\(result.error) \(result.output)")
    }

    /// `8,0,8` and `8,,8` trained 8,8; an empty argument vanished from eval's line.
    @Test("train --layers and eval's arguments refuse empty entries instead of dropping them")
    func emptyEntries() async throws {
        for layers in ["8,0,8", "8,,8", "8,"] {
            let result = try await CLI.run(["train", "--dataset", "xor", "--epochs", "1", "--layers", layers])
            #expect(result.status == 64 && result.error.contains("not a width ≥ 1"), "\(layers): \(result.error)")
        }
        let none = try await CLI.run(["train", "--dataset", "xor", "--epochs", "1", "--layers", "0", "--json"])
        #expect(none.status == 0 && none.output.contains(#""hidden":[]"#), "\(none.error) \(none.output.prefix(300))")
        for arguments in [["1", "", "2"], [""], [","]] {
            let result = try await CLI.run(["eval", "sigmoid"] + arguments)
            #expect(result.status == 64 && result.error.contains("is empty"), "\(arguments): \(result.error)")
            #expect(result.output.isEmpty, "\(result.output)")
        }
    }

    /// `/dev/stdin` and a shell's `<(…)` were refused as "permission denied"; files are now read in
    /// chunks (at most 256 MiB), which reads those too.
    @Test("predict reads its points from /dev/stdin")
    func readsDevStdin() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("m.json").path
        #expect(try await CLI.run(["train", "--dataset", "xor", "--epochs", "1", "--save", model]).status == 0)
        let predicted = try await CLI.run(["predict", "--model", model, "/dev/stdin"], input: "0.1,0.2\n0.3,-0.4\n")
        #expect(predicted.status == 0 && predicted.output.split(separator: "\n").count == 3, "\(predicted.error)")
    }

    /// Two rows of 5 million columns (20 MB) took 2.4 GB and 19 s before any check.
    @Test("a CSV line of more than 10 000 columns is refused as it is read")
    func tooManyColumns() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("wide.csv")
        let row = Array(repeating: "1", count: 10_001).joined(separator: ",")
        try Data((row + "\n" + row + "\n").utf8).write(to: file)
        let result = try await CLI.run(["train", "--csv", file.path, "--epochs", "1"])
        #expect(result.status == 65 && result.error.contains("line 1: more than 10000 columns"), "\(result.error)")
    }

    /// 25 000 ids in `--compare` wrote a 166 MB chart in 43 s; 201 `--extra` activations ran past a minute.
    @Test("--compare and --extra are bounded, and --extra refuses a repeat")
    func listsAreBounded() async throws {
        let compare = try await CLI.run(["plot", "--compare", Array(repeating: "relu", count: 13).joined(separator: ","), "-o", "/dev/null"])
        #expect(compare.status == 64 && compare.error.contains("at most 12 functions on one chart, got 13"), "\(compare.error)")
        let extra = try await CLI.run(["experiment", "choosing", "--quick", "--extra", "gelu,silu,mish,elu,selu,celu,tanh,sigmoid,relu"])
        #expect(extra.status == 64 && extra.error.contains("at most 8 activations, got 9"), "\(extra.error)")
        let twice = try await CLI.run(["experiment", "choosing", "--quick", "--extra", "gelu,silu,gelu"])
        #expect(twice.status == 64 && twice.error.contains("names gelu twice"), "\(twice.error)")
    }

    /// `--host 999.1.1.1` printed the exposure warning, then `SocketAddressError.UnknownHost…` (exit 1).
    @Test("serve names a host it cannot listen on, without the exposure warning first")
    func serveBadHost() async throws {
        let result = try await CLI.run(["serve", "--host", "999.1.1.1", "--port", "0"])
        #expect(result.status == 69 && result.error.contains("cannot listen on '999.1.1.1'"), "\(result.status) \(result.error)")
        #expect(!result.error.contains("SocketAddressError") && !result.error.contains("not on loopback"), "\(result.error)")
        let empty = try await CLI.run(["serve", "--host", "", "--port", "0"])
        #expect(empty.status == 64 && empty.error.contains("--host is empty"), "\(empty.error)")
    }

    /// Standard input was read a line at a time with `readLine`, which kept a line of any length: an
    /// endless one (no newline) grew past 2 GB. Lines end with LF or CRLF, the last may have none.
    @Test("eval reads standard input in chunks: line ends, a byte-order mark, and a bound on a line")
    func standardInputLines() async throws {
        let lines = try await CLI.run(["eval", "relu"], input: "\u{FEFF}1 2\r\n-3\n4")
        #expect(lines.status == 0 && lines.output == "1.0\n2.0\n0.0\n4.0\n", "\(lines.output) \(lines.error)")
        // 100 bytes past the bound, so that the process has read all of it when it refuses (no broken pipe).
        let long = try await CLI.run(["eval", "relu"], input: String(repeating: "1 ", count: (16 << 20) + 50))
        #expect(long.status == 65 && long.error.contains("line 1 is longer than 32 MiB"), "\(long.error)")
        #expect(long.output.isEmpty)
    }
}
