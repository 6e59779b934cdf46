import Foundation
import Testing

/// A hostile tester's findings of 6 Dec: each case crashed, ran without bound, printed NaN as a
/// result, lost work or wrote where it should not, and failed before its fix.
@Suite("activations: a hostile tester's findings")
struct HostileInputCLITests {
    /// A file where a folder is wanted: `list` printed a raw `CommandFailure(kind: …)` and exited 1;
    /// `report` and `experiment` found out only after every experiment had run (19 s quick, half an
    /// hour in full).
    @Test("a file given as the output folder is refused before any work")
    func fileAsFolder() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-folder-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        for (arguments, mentions) in [
            (["list", "--docc-pages", file.path], "is a file, not a folder"),
            (["report", "--quick", "-o", file.path], "cannot write the report into \(file.path)"),
            (["experiment", "relu-sparsity", "--quick", "--out", file.path], "cannot write the charts into \(file.path)"),
        ] {
            let result = try await CLI.run(arguments)
            #expect(result.status == 64 && result.error.contains(mentions), "\(arguments): \(result.error)")
            #expect(!result.error.contains("CommandFailure(") && result.output.isEmpty, "\(result.error)")
        }
    }

    /// The report's decision boundary took a row's storage offsets for its columns: a trap (exit 132)
    /// for any 2-D data with 3 classes or more.
    @Test("train --report on three classes writes the report")
    func reportOnThreeClasses() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CLI.run(["train", "--dataset", "blobs", "--epochs", "2", "--report", folder.path])
        #expect(result.status == 0, "\(result.error.prefix(500))")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
    }

    /// A model whose activations overflow printed `-1,-nan,-nan` and exited 0.
    @Test("predict refuses an output that is not a number, naming the point")
    func predictNaN() async throws {
        let model = FileManager.default.temporaryDirectory.appendingPathComponent("exp-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: model) }
        let trained = try await CLI.run([
            "train", "--dataset", "xor", "--layers", "8,8", "--activation", "exponential", "--epochs", "1",
            "--save", model.path,
        ])
        #expect(trained.status == 0, "\(trained.error.prefix(500))")
        let fine = try await CLI.run(["predict", "--model", model.path], input: "0.1,0.2\n")
        #expect(fine.status == 0 && !fine.output.contains("nan"), "\(fine.output) \(fine.error)")
        let far = try await CLI.run(["predict", "--model", model.path], input: "0.1,0.2\n1e5,1e5\n")
        #expect(far.status == 65, "\(far.output) \(far.error)")
        #expect(far.error.contains("point 2 (100000.0,100000.0)"), "\(far.error)")
        #expect(far.error.contains("standard deviations from the mean") && far.error.contains("'exponential'"))
        #expect(far.output.isEmpty, "\(far.output)")
        // A formula that is NaN everywhere, in a model edited by hand: the point is like the data,
        // so the message does not blame its distance (it said "inputs this far from the data").
        let text = try String(contentsOf: model, encoding: .utf8)
        let edited = model.deletingLastPathComponent().appendingPathComponent("nan-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: edited) }
        try text.replacingOccurrences(of: #""exponential""#, with: #""f(x)=x/0-x/0""#)
            .write(to: edited, atomically: true, encoding: .utf8)
        let undefined = try await CLI.run(["predict", "--model", edited.path], input: "0.1,0.2\n")
        #expect(undefined.status == 65, "\(undefined.output) \(undefined.error)")
        #expect(undefined.error.contains("'f(x)=x/0-x/0' gave NaN or ±∞ for this point"), "\(undefined.error)")
        #expect(!undefined.error.contains("standard deviations"), "\(undefined.error)")
    }

    /// Options the run would not use were dropped without a word: `--classes 5` on xor trained on two
    /// classes, `--activation tanh --activations relu` trained relu, a rate without a penalty trained
    /// unregularised, `--momentum` under Adam changed nothing, `--header` without a CSV file.
    @Test(
        "train refuses an option the chosen data or optimiser would ignore, and says why",
        arguments: [
            (["--dataset", "xor", "--classes", "5"], "xor has a fixed set of classes"),
            // Refused before the data are made: the count would have been refused first.
            (["--dataset", "xor", "--classes", "5", "--count", "0"], "xor has a fixed set of classes"),
            (["--dataset", "reg-plane", "--classes", "3"], "no classes (regression)"),
            (["--dataset", "xor", "--activation", "tanh", "--activations", "relu,relu"], "not both"),
            (["--dataset", "xor", "--regularization-rate", "0.1"], "needs --regularization l1 or l2"),
            (["--dataset", "xor", "--momentum", "0.5"], "not adam"),
            (["--dataset", "xor", "--optimizer", "sgd", "--weight-decay", "0.1"], "is for --optimizer adamw"),
            (["--dataset", "xor", "--header"], "give the file with --csv"),
            (["--csv", "points.csv", "--noise", "10"], "--noise is for generated datasets"),
            (["--dataset", "xor", "--csv", "points.csv", "--noise", "10"], "exactly one of --dataset"),
            (["--dataset", "xor", "--regularization", "l2"], "needs --regularization-rate"),
            (["--dataset", "xor", "--layers", "0", "--activation", "tanh"], "no hidden layer"),
            (["--dataset", "xor", "--layers", "", "--param", "slope=0.3"], "no hidden layer"),
        ])
    func ignoredOptionsAreRefused(arguments: [String], mentions: String) async throws {
        let result = try await CLI.run(["train", "--epochs", "1"] + arguments)
        #expect(result.status == 64 && result.error.contains(mentions), "\(arguments): \(result.error)")
        #expect(result.output.isEmpty, "\(result.output)")
    }

    /// What the same options do where they apply: they are taken, not refused.
    @Test("train takes those options where they apply")
    func optionsWhereTheyApply() async throws {
        for arguments in [
            ["--dataset", "blobs", "--classes", "5"], ["--dataset", "xor", "--optimizer", "nesterov", "--momentum", "0.5"],
            ["--dataset", "xor", "--regularization", "l2", "--regularization-rate", "0.01"],
            ["--dataset", "xor", "--optimizer", "adamw", "--weight-decay", "0.1"],
        ] {
            let result = try await CLI.run(["train", "--epochs", "1", "--json"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.error)")
        }
    }

    /// A diverging run said "the loss is -nan": Swift's spelling of a NaN with its sign bit set.
    @Test("a diverging run names the NaN loss without a sign")
    func nanLossMessage() async throws {
        let result = try await CLI.run([
            "train", "--dataset", "reg-plane", "--activation", "identity", "--lr", "10", "--batch", "1",
            "--optimizer", "sgd", "--epochs", "3",
        ])
        // NaN here (seed 1); a machine whose roundings overflow first would say inf, also without a sign to doubt.
        // (Asserting only the absence of "-nan" would pass on a platform that prints every NaN as "nan".)
        #expect(
            result.status != 0
                && (result.error.contains("the loss is NaN (not a number)") || result.error.contains("the loss is inf")),
            "\(result.error)")
        #expect(!result.error.contains("-nan"), "\(result.error)")
    }
}
