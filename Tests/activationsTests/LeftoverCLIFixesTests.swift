import Foundation
import Testing

/// Answers a CLI review found quietly wrong: an empty cell between commas dropped (every later number
/// moved one place), a plot size out of range silently clamped, and 1/x called infinitely smooth.
@Suite("activations: quiet answers made loud")
struct LeftoverCLIFixesTests {
    @Test("eval: an empty value between commas is refused at its position, not dropped")
    func emptyCell() async throws {
        for (input, position) in [("1,,2\n", "line 1, number 2"), ("3\n1,2,\n", "line 2, number 3"), (",5\n", "line 1, number 1")] {
            let result = try await CLI.run(["eval", "relu"], input: input)
            #expect(result.status == 65, "\(input): \(result.output) \(result.error)")
            #expect(result.error.contains("\(position): nothing between two commas"), "\(input): \(result.error)")
        }
        // Commas with spaces around them, and spaces alone, still separate numbers.
        let spaced = try await CLI.run(["eval", "relu"], input: "1 , -2,3\n4  5\n")
        #expect(spaced.status == 0 && spaced.output == "1.0\n0.0\n3.0\n4.0\n5.0\n", "\(spaced.output) \(spaced.error)")
        let row = try await CLI.run(["eval", "softmax"], input: "0,,0\n")
        #expect(row.status == 65 && row.error.contains("line 1, number 2: nothing between"), "\(row.error)")
    }

    @Test("a number in hexadecimal is refused, not read as the C library reads it (0x10 = 16)")
    func hexadecimal() async throws {
        let eval = try await CLI.run(["eval", "relu", "0x10"])
        #expect(eval.status == 65 && eval.error.contains("'0x10' is not a number"), "\(eval.output) \(eval.error)")
        let param = try await CLI.run(["eval", "leaky-relu", "--param", "slope=0x1p-3", "1"])
        #expect(param.status == 64 && param.error.contains("is not a finite number"), "\(param.output) \(param.error)")
        let decimal = try await CLI.run(["eval", "relu", "1e1", "-inf", "nan"])
        #expect(decimal.status == 0 && decimal.output == "10.0\n0.0\nnan\n", "\(decimal.output) \(decimal.error)")
    }

    @Test("show: a plot size outside what can be drawn is refused with the range, not clamped")
    func plotSize() async throws {
        for (option, value) in [("--width", "5000"), ("--width", "3"), ("--height", "0"), ("--height", "201")] {
            let result = try await CLI.run(["show", "relu", option, value])
            #expect(result.status == 64, "\(option) \(value): \(result.error)")
            #expect(result.error.contains("\(option) \(value) is outside"), "\(result.error)")
            #expect(result.output.isEmpty, "\(result.output)")
        }
        let edge = try await CLI.run(["show", "relu", "--width", "16", "--height", "200"])
        #expect(edge.status == 0, "\(edge.error)")
    }

    @Test("show: a formula with a pole inside [−10, 10] is not called smooth")
    func pole() async throws {
        let result = try await CLI.run(["show", "f(x) = 1/x"])
        #expect(result.status == 0, "\(result.error)")
        let smoothness = result.output.split(separator: "\n").first { $0.contains("smoothness") }
        #expect(smoothness?.contains("C⁻¹") == true, "\(result.output)")
    }
}
