import Foundation
import TestSupport
import Testing

/// `eval`'s numbers given as arguments: read in one pass (ArgumentParser alone took time quadratic
/// in their count: 2,000 took 10.6 s in a debug build, 4,000 took 42 s, 8,000 took 135 s), and at
/// most 10,000 of them, beyond which the error says to use standard input.
@Suite struct EvalArgumentsTests {
    static let limit = 10_000

    @Test func theMostArgumentsAreReadInLinearTime() async throws {
        @Sendable func numbers(_ count: Int) -> [Int] { (0..<count).map { $0 - count / 2 } }
        let result = try await CLI.run(["eval", "relu"] + numbers(Self.limit).map(String.init))
        #expect(result.status == 0, "\(result.error)")
        let expected = numbers(Self.limit).map { "\(Double(max($0, 0)))" }
        #expect(result.output.split(separator: "\n").map(String.init) == expected)
        // An eighth of the limit against the limit, alternately on one clock (the work is in another
        // process, so wall time; load stretches both alike). See `Timing.scalingRatio` for the bound.
        @Sendable func run(_ count: Int) throws { _ = try CLI.runAndWait(["eval", "relu"] + numbers(count).map(String.init)) }
        let ratio = try await onAThreadOfItsOwn {  // off the cooperative pool, which the waits would block
            try Timing.scalingRatio(clock: .wall, small: { try run(Self.limit / 8) }, large: { try run(Self.limit) })
        }
        print("\(Self.limit) arguments took \(ratio)× the wall time of \(Self.limit / 8)")
        #expect(ratio < Timing.linearBound, "\(Self.limit) arguments took \(ratio)× as long as \(Self.limit / 8)")
    }

    @Test func moreThanTheLimitIsAnErrorPointingToStandardInput() async throws {
        let result = try await CLI.run(["eval", "sigmoid", "--"] + (0...Self.limit).map { "\($0)" })
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(
            result.error.contains("at most \(Self.limit) numbers as arguments, got \(Self.limit + 1)"),
            "\(result.error)")
        #expect(result.error.contains("standard input"), "\(result.error)")
    }

    /// Options between the numbers, negative numbers, and numbers after `--` keep their meaning.
    @Test func optionsAmongTheNumbersStillCount() async throws {
        let result = try await CLI.run([
            "eval", "leaky-relu", "-2", "--param", "slope=0.5", "4", "--type", "float", "--", "-6", "-inf",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "-1.0\n4.0\n-3.0\n-inf\n")
        let derivative = try await CLI.run(["eval", "relu", "-1", "2", "--derivative"])
        #expect(derivative.output == "0.0\n1.0\n", "\(derivative.error)")
    }

    @Test func aMistypedOptionAmongTheNumbersIsNamed() async throws {
        for arguments in [["eval", "relu", "1", "--derivatve", "2"], ["eval", "relu", "1", "--", "2", "--derivatve"]] {
            let result = try await CLI.run(arguments)
            #expect(result.status == 64 && result.error.contains("--derivatve"), "\(arguments): \(result.error)")
        }
    }
}
