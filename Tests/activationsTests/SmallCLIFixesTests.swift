import Foundation
import Lab
import Testing

@testable import activations

/// Small CLI faults a hostile reviewer found: a negative seed read as a missing value, an id silently
/// ignored beside --list, "1 do not hold", and a --help silent on when an experiment is mixed.
@Suite("activations experiment: small fixes")
struct SmallCLIFixesTests {
    @Test("--seed -1 says what --seed takes, for experiment and report")
    func negativeSeed() async throws {
        for arguments in [
            ["experiment", "linear-constant-gradient", "--seed", "-1"], ["report", "-o", "unused", "--seed", "-1"],
        ] {
            let result = try await CLI.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.error)")
            #expect(result.error.contains("--seed takes a whole number from 0 to 18446744073709551615; got -1"))
            #expect(!result.error.contains("Missing value"), "\(result.error)")
        }
        let ok = try await CLI.run(["experiment", "linear-constant-gradient", "--quick", "--seed", "18446744073709551615"])
        #expect(ok.status == 0 && ok.output.contains("base seed 18446744073709551615"), "\(ok.error)")
    }

    @Test("--list with an id or with --all is refused, not ignored")
    func listWithId() async throws {
        let withId = try await CLI.run(["experiment", "--list", "relu-sparsity"])
        #expect(
            withId.status == 64 && withId.error.contains("takes no id (got relu-sparsity)") && withId.output.isEmpty)
        let withAll = try await CLI.run(["experiment", "--list", "--all"])
        #expect(withAll.status == 64 && withAll.output.isEmpty)
        #expect(try await CLI.run(["experiment", "--list"]).status == 0)
    }

    @Test("the report's total counts in grammar: 1 holds, 2 hold; 1 does not hold, 2 do not hold")
    func grammar() {
        func result(_ value: Double) -> ExperimentResult {
            var r = ExperimentResult(info: Experiments.all[0].info, settings: ExperimentSettings())
            r.checks = [Check(criterion: Criterion("x", .atLeast, 1, claim: 22), value: value, measured: "")]
            return r
        }
        let one = ReportProgress.total([result(2), result(0)])
        #expect(one.hasSuffix(": 1 holds, 0 mixed, 1 does not hold") && one.hasPrefix("2 experiments in"), "\(one)")
        let two = ReportProgress.total([result(2), result(2), result(0), result(0)])
        #expect(two.hasSuffix(": 2 hold, 0 mixed, 2 do not hold"), "\(two)")
        #expect(ReportProgress.total([result(2)]).hasPrefix("1 experiment in"))
    }

    @Test("--help says when an experiment is mixed or does not hold, and what a quick verdict is")
    func help() async throws {
        let help = try await CLI.run(["experiment", "--help"]).output.replacingOccurrences(of: "\n", with: " ")
        #expect(help.contains("does not hold when none holds and none is mixed"))
        #expect(help.contains("is mixed otherwise"))
        #expect(help.contains("quick-run verdict"))
    }
}
