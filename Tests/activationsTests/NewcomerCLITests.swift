import ActivationFunctions
import Foundation
import Testing

/// What a newcomer following the README met: a help paragraph with runs of spaces in it, a formula's
/// parameter set with `--param` shown as its own default, a catalog table whose cut formulas pushed their
/// row one column right, and refusals of an optimiser or initialiser name that did not quote it.
@Suite("activations: a newcomer's findings")
struct NewcomerCLITests {
    @Test("show --help: the formula paragraph reads as one sentence, without runs of spaces")
    func showHelp() async throws {
        let result = try await CLI.run(["show", "--help"])
        #expect(result.status == 0)
        let text = result.output.split(whereSeparator: \.isNewline).joined(separator: " ")
        #expect(text.contains("parentheses, exp log log1p expm1"), "\(result.output)")
        #expect(text.contains("max(a, b), every elementwise id"), "\(result.output)")
        #expect(!result.output.contains(",    "), "\(result.output)")
    }

    @Test("show: a formula's parameter set with --param names the default written in the formula")
    func formulaDefault() async throws {
        let set = try await CLI.run(["show", "f(x; a=1.5) = x*sigmoid(a*x)", "--param", "a=2"])
        #expect(set.status == 0, "\(set.error)")
        #expect(set.output.contains("a = 2  (default 1.5;"), "\(set.output)")
        let unset = try await CLI.run(["show", "f(x; a=1.5) = x*sigmoid(a*x)"])
        #expect(unset.output.contains("a = 1.5  (default;"), "\(unset.output)")
        let none = try await CLI.run(["show", "f(x; a) = a*x", "--param", "a=3"])
        #expect(none.status == 0 && none.output.contains("a = 3  (no default;"), "\(none.output) \(none.error)")
        // One blank line between the parameters and the table of values, not two.
        #expect(!set.output.contains("\n\n\n"), "\(set.output)")
    }

    @Test("list: every row's properties start in the same column, cut formulas included")
    func listAligned() async throws {
        let result = try await CLI.run(["list"])
        #expect(result.status == 0)
        // Rows are "  id (18) formula (44)  properties": the properties begin in column 66 on every row.
        let rows = result.output.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { Array($0) }
        #expect(rows.count == Activations.all.count)
        for row in rows {
            #expect(row.count > 66 && row[64] == " " && row[65] == " " && row[66] != " ", "\(String(row))")
        }
        #expect(rows.contains { $0.contains("…") }, "no formula was cut: \(result.output)")
    }

    @Test(
        "train: a misspelt optimiser, initialiser, precision or penalty is quoted in the refusal",
        arguments: [
            (["--optimizer", "adm"], "got 'adm'"), (["--initializer", "gloro"], "got 'gloro'"),
            (["--precision", "half"], "got 'half'"), (["--regularization", "l3"], "got 'l3'"),
        ])
    func quotesBadName(_ arguments: [String], _ quoted: String) async throws {
        let result = try await CLI.run(["train", "--dataset", "xor", "--epochs", "1"] + arguments)
        #expect(result.status == 64, "\(result.error)")
        #expect(result.error.contains(quoted), "\(result.error)")
        #expect(result.output.isEmpty)
    }

    /// Refusals found by a review of the tool as a newcomer: each said something a reader could not use
    /// (the noise in the generators' units, a network of the wrong shape, a Swift type name, no
    /// suggestion for a misspelt experiment, no word that a formula is written f(x) = …).
    @Test(
        "refusals in the reader's own terms",
        arguments: [
            (["train", "--dataset", "circle", "--noise", "1000"], 64, "--noise must be between 0 and 50"),
            (["train", "--dataset", "circle", "--epochs", "1000000000000"], 64, "a 2-8-8-1 network"),
            (["experiment", "vanishing-gradiant"], 64, "Did you mean vanishing-gradient"),
            (["eval", "g(x)=x", "1"], 64, "A formula is written f(x) = …"),
        ])
    func refusalsInTheReadersTerms(_ arguments: [String], _ status: Int32, _ expected: String) async throws {
        let result = try await CLI.run(arguments)
        #expect(result.status == status, "\(arguments): \(result.error)")
        #expect(result.error.contains(expected), "\(arguments): \(result.error)")
    }

    @Test("predict: a model file that is a list, not an object, is told so in words")
    func modelFileOfTheWrongKind() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("newcomer-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("[1, 2]".utf8).write(to: file)
        let result = try await CLI.run(["predict", "--model", file.path])
        #expect(result.status == 65, "\(result.error)")
        #expect(result.error.contains("not an object ({…})") && !result.error.contains("Dictionary"), "\(result.error)")
    }

    @Test("train --csv: a bad cell is refused naming the file, the line and the column")
    func csvErrorNamesFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("newcomer-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("x1,x2,class\n1,2,0\n3,abc,1\n".utf8).write(to: file)
        let result = try await CLI.run(["train", "--csv", file.path, "--header", "--epochs", "1"])
        #expect(result.status == 65, "\(result.error)")
        #expect(result.error.contains("\(file.path): line 3, column 2"), "\(result.error)")
        let label = try await CLI.run(["train", "--csv", file.path, "--header", "--label", "klass", "--epochs", "1"])
        #expect(label.status == 64 && label.error.contains("\(file.path): "), "\(label.error)")
    }
}
