import Foundation
import Testing

/// Formulas wherever an id is accepted: show, eval (f and f′, Double and Float), plot, train, predict.
@Suite("activations with a formula")
struct FormulaCLITests {
    static func numbers(_ output: String) -> [Double] {
        output.split(separator: "\n").compactMap { Double(String($0)) }
    }

    @Test(
        "eval 'f(x)=x*sigmoid(x)' matches eval silu within 4 ulp, f and f′, double and float",
        arguments: [["--type", "double"], ["--type", "float"]])
    func evalMatchesSilu(_ type: [String]) async throws {
        for derivative in [[], ["--derivative"]] {
            let mine = try await CLI.run(["eval", "f(x)=x*sigmoid(x)"] + type + derivative + ["--", "-3", "0", "3"])
            let silu = try await CLI.run(["eval", "silu"] + type + derivative + ["--", "-3", "0", "3"])
            #expect(mine.status == 0 && silu.status == 0, "\(mine.error)")
            let float = type.last == "float"
            for (a, b) in zip(Self.numbers(mine.output), Self.numbers(silu.output)) {
                let ulp = float ? Double(Float(b).ulp) : b.ulp
                #expect(abs(a - b) <= 4 * ulp, "\(derivative) \(type): \(a) vs \(b)")
            }
            #expect(Self.numbers(mine.output).count == 3)
        }
    }

    @Test("show prints the derivative, measured properties, the catalog match and a plot")
    func show() async throws {
        let result = try await CLI.run(["show", "f(x)=x*tanh(softplus(x))"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("f′(x) = "))
        #expect(result.output.contains("softplus′(x)"))
        #expect(result.output.contains("measured"))
        #expect(result.output.contains("mish"))
        #expect(result.output.contains("f(x)=x*tanh(softplus(x)) and its derivative"))  // the terminal plot's title
    }

    @Test("a parse error exits 64 with the column and a caret, on standard error only")
    func parseError() async throws {
        let result = try await CLI.run(["eval", "f(x) = x ** 2", "--", "1"])
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("column 11"))
        #expect(result.error.contains("\n            ^"))
    }

    @Test("plot --compare keeps a comma inside a formula")
    func compare() async throws {
        let result = try await CLI.run(["plot", "--compare", "relu,f(x)=max(0.1*x, x)"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("<svg") && result.output.contains("f(x)=max(0.1*x, x)"))
    }

    @Test("train with a formula, save, and predict rebuilds it from the model file")
    func trainAndPredict() async throws {
        let model = FileManager.default.temporaryDirectory.appendingPathComponent("formula-\(UUID().uuidString).json")
            .path
        defer { try? FileManager.default.removeItem(atPath: model) }
        let train = try await CLI.run([
            "train", "--dataset", "circle", "--activation", "f(x; a=0.1) = max(a*x, x)", "--param", "a=0.2",
            "--layers", "6", "--epochs", "30", "--save", model,
        ])
        #expect(train.status == 0, "\(train.error)")
        let saved = try String(contentsOfFile: model, encoding: .utf8)
        #expect(saved.contains("max(a*x, x)") && saved.contains("0.2"))
        let predict = try await CLI.run(["predict", "--model", model], input: "0,0\n4,4\n")
        #expect(predict.status == 0, "\(predict.error)")
        #expect(predict.output.split(separator: "\n").count == 3)
    }
}
