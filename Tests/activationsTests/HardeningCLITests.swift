import Foundation
import Testing

/// Input from outside that used to crash, hang, mislead or be silently misread (issue 16); each case
/// failed before its fix.
@Suite("activations: hostile and extreme input")
struct HardeningCLITests {
    static let failures: [CLITests.Failure] = [
        .init(
            arguments: ["eval", "relu", "--param", "slope=0.1", "--param", "slope=0.2", "1"], input: nil, status: 64,
            mentions: "given twice"),
        .init(arguments: ["eval", "relu"], input: "1 2\u{0}5\n", status: 65, mentions: "NUL"),
        .init(arguments: ["eval", "sigmoid"], input: "1\u{200B} 2\n", status: 65, mentions: "U+200B"),
        .init(arguments: ["bench", "relu", "--n", "100000000000"], input: nil, status: 64, mentions: "GB"),
        .init(arguments: ["bench", "relu", "--samples", "1000000000"], input: nil, status: 64, mentions: "--samples"),
        .init(
            arguments: [
                "train", "--dataset", "xor", "--layers",
                "4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096",
            ],
            input: nil, status: 64, mentions: "weights between them"),
        .init(arguments: ["plot", "relu", "--range", "-1e308:1e308"], input: nil, status: 64, mentions: "overflows"),
        .init(
            arguments: ["train", "--dataset", "xor", "--epochs", "1", "--save", "/"], input: nil, status: 64,
            mentions: "is a directory"),
        .init(
            arguments: ["train", "--dataset", "xor", "--epochs", "1", "--save", "/no/such/folder/m.json"], input: nil,
            status: 64,
            mentions: "does not exist"),
        .init(
            arguments: ["plot", "relu", "-o", "/etc/hostname/x.svg"], input: nil, status: 64,
            mentions: "is a file, not a folder"),
        // A hostile tester's findings of 6 Dec (more in HostileInputCLITests).
        // A megabyte of digits was quoted whole in the message.
        .init(
            arguments: ["eval", "relu"], input: String(repeating: "7", count: 1_000_000) + "x\n", status: 65,
            mentions: "'7777777777777777777777777777777777777777… (1000001 characters)' is not a number"),
        // Options that were silently ignored: the id beside --all (every experiment ran in full), --extra.
        .init(arguments: ["experiment", "relu-sparsity", "--all"], input: nil, status: 64, mentions: "not both"),
        .init(
            arguments: ["experiment", "relu-sparsity", "--quick", "--extra", "gelu"], input: nil, status: 64,
            mentions: "--extra gelu adds activations to choosing and dying-relu only"),
        // The Jacobian of a row of 100 000 read from standard input took 4.6 GB before printing a line.
        .init(
            arguments: ["eval", "softmax", "--derivative"],
            input: (0..<1001).map(String.init).joined(separator: " ") + "\n", status: 64, mentions: "at most 1000"),
        // Rows of 1000, each within the cap, whose Jacobians together would be 11·10⁶ numbers.
        .init(
            arguments: ["eval", "softmax", "--derivative"],
            input: String(repeating: (0..<1000).map(String.init).joined(separator: " ") + "\n", count: 11), status: 64,
            mentions: "the 11 rows' Jacobians hold 11000000 numbers"),
        // 230 bytes of history an epoch, uncounted: 10⁹ epochs grew without bound.
        .init(
            arguments: ["train", "--dataset", "xor", "--epochs", "1000000000"], input: nil, status: 64,
            mentions: "for 1000000000 epochs needs about"),
        // An empty path was the current folder: 62 pages, or an index.html, written there.
        .init(arguments: ["list", "--docc-pages", ""], input: nil, status: 64, mentions: "the path is empty"),
        .init(arguments: ["plot", "--all", "-o", ""], input: nil, status: 64, mentions: "the path is empty"),
        .init(
            arguments: ["train", "--dataset", "xor", "--epochs", "1", "--save", ""], input: nil, status: 64,
            mentions: "the path is empty"),
        .init(arguments: ["train", "--csv", ""], input: nil, status: 64, mentions: "the path is empty"),
        // The metrics overwrote the model just saved.
        .init(
            arguments: ["train", "--dataset", "xor", "--epochs", "1", "--save", "/tmp/m.json", "--metrics", "/tmp/m.json"],
            input: nil, status: 64, mentions: "--save and --metrics both name /tmp/m.json"),
        .init(
            arguments: ["train", "--csv", "/tmp/d.csv", "--metrics", "/tmp/./d.csv"], input: nil, status: 64,
            mentions: "--csv and --metrics both name /tmp/./d.csv"),
        // "Missing value" for a value that was there: a negative number is a value, then refused for its range.
        .init(arguments: ["train", "--dataset", "xor", "--epochs", "-1"], input: nil, status: 64,
            mentions: "epochs must be at least 1, got -1"),
    ]

    @Test("refused with the status and a message that says what and where", arguments: failures)
    func refused(_ failure: CLITests.Failure) async throws {
        let result = try await CLI.run(failure.arguments, input: failure.input)
        #expect(result.status == failure.status, "\(result.error)")
        #expect(result.error.contains(failure.mentions), "\(result.error)")
        #expect(
            !result.error.contains("NSCocoaErrorDomain") && !result.error.contains("Fatal error")
                && !result.error.contains("CommandFailure("), "\(result.error)")
        #expect(result.output.isEmpty, "\(result.output.prefix(300))")
    }

    /// `show` warned of a formula that is NaN everywhere; `plot` wrote an empty chart and said nothing.
    @Test("plot warns of a formula's NaN on standard error, as show does")
    func plotWarnsOfNaN() async throws {
        let result = try await CLI.run(["plot", "f(x) = sqrt(-1 - x*x)"])
        #expect(result.status == 0 && result.output.contains("<svg"), "\(result.error)")
        #expect(result.error.contains("warning: f is NaN at 2001 of 2001 sample points"), "\(result.error)")
        let fine = try await CLI.run(["plot", "f(x) = x*x"])
        #expect(fine.status == 0 && fine.error.isEmpty, "\(fine.error)")
    }

    @Test("negative values after options are values: --param slope=-0.1, --range -3:3")
    func negativeValues() async throws {
        let slope = try await CLI.run(["eval", "leaky-relu", "--param", "slope=-0.1", "-2"])
        #expect(slope.status == 64 && slope.error.contains("slope"), "\(slope.error)")
        let range = try await CLI.run(["plot", "relu", "--range", "-3:3"])
        #expect(range.status == 0 && range.output.contains("<svg"), "\(range.error)")
    }

    @Test("a byte-order mark at the start of standard input is skipped")
    func byteOrderMark() async throws {
        let result = try await CLI.run(["eval", "relu"], input: "\u{FEFF}-1 2\n")
        #expect(result.status == 0 && result.output == "0.0\n2.0\n", "\(result.error)")
    }

    @Test("a CSV with invalid UTF-8 or a huge integer label is named by line; warnings go to standard error")
    func csvFiles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("harden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let invalid = directory.appendingPathComponent("invalid.csv")
        try (Data("1,2,0\n3,4,1\n5,".utf8) + Data([0xFF, 0xFE]) + Data(",1\n".utf8)).write(to: invalid)
        let bad = try await CLI.run(["train", "--csv", invalid.path, "--epochs", "1"])
        #expect(
            bad.status == 65 && bad.error.contains("line 3, column 2") && bad.error.contains("UTF-8"), "\(bad.error)")
        let huge = directory.appendingPathComponent("huge.csv")
        let rows = (0..<30).map { "\(Double($0) / 10),\(Double($0 % 5)),\($0 % 2)" } + ["1,1,9223372036854775807"]
        try Data(rows.joined(separator: "\n").utf8).write(to: huge)
        let trained = try await CLI.run(["train", "--csv", huge.path, "--epochs", "2", "--layers", "4"])
        #expect(trained.status == 0, "\(trained.error)")
        #expect(trained.error.contains("warning:") && trained.error.contains("9223372036854775807"), "\(trained.error)")
    }

    /// `plot` writes its SVG in one write larger than the stream's buffer, which fails at once and left
    /// nothing buffered for the final flush to fail on: it exited 0 with the chart lost.
    @Test(
        "standard output on a full disk: an error and exit 74, not a silent success",
        arguments: [["list"], ["plot", "sigmoid"]])
    func fullDisk(_ arguments: [String]) throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }  // not on macOS
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        let error = Pipe()
        (process.standardOutput, process.standardError) = (full, error)
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(
            process.terminationStatus == 74 && message.contains("cannot write to standard output"),
            "\(process.terminationStatus): \(message)")
    }

    @Test("a pipe closed by its reader ends the process quietly")
    func closedPipe() throws {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["eval", "relu"]
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, error)
        try output.fileHandleForReading.close()
        try process.run()
        // Numbers on standard input (fewer than a pipe holds, so this write never waits for the reader).
        try input.fileHandleForWriting.write(
            contentsOf: Data((1...5_000).map(String.init).joined(separator: "\n").utf8))
        try input.fileHandleForWriting.close()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let quiet =
            process.terminationReason == .uncaughtSignal
            ? process.terminationStatus == SIGPIPE : process.terminationStatus == 141
        #expect(quiet && message.isEmpty, "\(process.terminationReason) \(process.terminationStatus): \(message)")
    }
}
