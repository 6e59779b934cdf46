import Foundation
import Testing

@testable import Lab

@Suite("experiments")
struct ExperimentTests {
    /// Measured numbers each experiment must produce in quick mode with seed 1, beyond its verdict.
    static let expected: [String: [(name: String, range: ClosedRange<Double>)]] = [
        "step-no-gradient": [("step.hidden_max_change", 0...0), ("step.hidden_mean_gradient", 0...0),
                             ("sigmoid.hidden_max_change", 1e-3...10), ("softmax.accuracy", 0.9...1)],
        "linear-constant-gradient": [("identity.c1.max_derivative_deviation", 0...0), ("identity.c3.max_derivative_deviation", 0...0),
                                     ("linear.delta_spread", 0...0), ("sigmoid.delta_max_over_min", 1e10...Double.infinity)],
        "linear-collapse": [("random.max_relative_error", 0...1e-12), ("xor.linear.depth3.train_accuracy", 0...0.75),
                            ("circle.linear.depth3.train_accuracy", 0...0.75), ("xor.relu.test_accuracy", 0.95...1),
                            ("xor.trained_collapse_agreement", 1...1)],
        "sigmoid-steep-middle": [("sigmoid_derivative.x0", 0.25...0.25), ("sigmoid_derivative.x4", 0.0176...0.0177),
                                 ("sigmoid_rise_share.a2", 0.7615...0.7617), ("tanh_identity_max_error", 0...(4 * Double.ulpOfOne)),
                                 ("tanh_derivative_peak", 1...1)],
        "vanishing-gradient": [("sigmoid.factor_per_layer", 0.1...0.5), ("tanh.factor_per_layer", 0.6...1.2),
                               ("relu.factor_per_layer", 0.8...1.25), ("sigmoid.movement_ratio_first_last", 0...0.01)],
        "relu-sparsity": [("relu.zero_fraction.w16.layer1", 0.4...0.6), ("relu.zero_fraction.w16.layer2", 0.4...0.6),
                          ("relu.zero_fraction.w1024.layer1", 0.45...0.55), ("sigmoid.zero_fraction.w1024.layer1", 0...0),
                          ("tanh.zero_fraction.w64.layer2", 0...0)],
        "dying-relu": [("condition1.relu.dead_fraction", 0.1...1), ("condition1.leaky-relu.dead_fraction", 0...0),
                       ("condition2.relu.dead_fraction", 0.1...1), ("condition2.relu.dead_stayed_dead", 0.9...1),
                       ("condition2.elu.dead_fraction", 0...0)],
        "relu-is-cheap": [("sigmoid_over_relu.forward", 1...1000), ("tanh_over_relu.forward", 1...1000),
                          ("sigmoid_over_relu.backward", 1...1000), ("tanh_over_relu.backward", 1...1000)],
        "universal-approximation": [("fit-abs.w32.rmse", 0...0.05), ("fit-sin.log_log_slope", -10...0),
                                    ("fit-step.log_log_slope", -10...0)],
        "choosing": [("relu.mean_accuracy", 0.75...1), ("relu.xor.accuracy", 0.9...1), ("relu.gauss.accuracy", 0.9...1)],
    ]

    @Test("the catalog holds the article's ten claims, with kebab-case ids, each once")
    func catalog() {
        #expect(Experiments.ids == ["step-no-gradient", "linear-constant-gradient", "linear-collapse", "sigmoid-steep-middle",
                                    "vanishing-gradient", "relu-sparsity", "dying-relu", "relu-is-cheap", "universal-approximation", "choosing"])
        #expect(Set(Experiments.ids) == Set(Self.expected.keys))
        for experiment in Experiments.all {
            #expect(!experiment.info.claim.isEmpty && !experiment.info.method.isEmpty)
            #expect(Experiments.named(experiment.info.id.uppercased())?.info == experiment.info)
        }
        #expect(Experiments.named("no-such-claim") == nil)
    }

    @Test("each experiment holds in quick mode, with the measured numbers in range", arguments: Experiments.ids)
    func quick(_ id: String) throws {
        let result = try Experiments.run(Experiments.named(id)!, ExperimentSettings(seed: 1, quick: true))
        #expect(result.holds, "\(id): \(result.verdictLine)")
        #expect(result.verdictLine.hasPrefix("holds: "))
        for (name, range) in Self.expected[id] ?? [] {
            let value = result.value(name)
            #expect(value.map(range.contains) == true, "\(id): \(name) = \(value.map { "\($0)" } ?? "missing"), expected \(range)")
        }
        #expect(!result.tables.isEmpty && !result.charts.isEmpty, "\(id) has no table or chart")
        for chart in result.charts { #expect(chart.chart.svg.hasPrefix("<?xml"), "\(id)-\(chart.name)") }
    }

    @Test("the same seed gives the same numbers")
    func deterministic() throws {
        let settings = ExperimentSettings(seed: 7, quick: true)
        let a = try StepNoGradient().run(settings), b = try StepNoGradient().run(settings)
        #expect(a.measurements == b.measurements)
        #expect(a.verdictLine == b.verdictLine)
    }

    @Test("a failed check turns the verdict, and comes first in the verdict line")
    func verdict() {
        var result = ExperimentResult(info: SigmoidSteepMiddle().info, settings: ExperimentSettings())
        #expect(!result.holds)  // no checks: nothing was shown
        result.check("a", measured: "A = 1", passed: true)
        #expect(result.verdictLine == "holds: A = 1")
        result.check("b", measured: "B = 2", passed: false)
        #expect(result.verdictLine == "does not hold: B = 2; A = 1")
    }

    @Test("JSON carries id, holds, verdict, measurements and chart paths")
    func json() throws {
        var result = try LinearConstantGradient().run(ExperimentSettings(quick: true))
        result.measure("not-finite", .infinity)
        let object = try JSONSerialization.jsonObject(with: Data(result.json(chartPaths: ["a.svg"]).utf8)) as! [String: Any]
        #expect(object["id"] as? String == "linear-constant-gradient")
        #expect(object["holds"] as? Bool == true)
        #expect((object["verdict"] as? String)?.hasPrefix("holds: ") == true)
        #expect(object["charts"] as? [String] == ["a.svg"])
        let measurements = object["measurements"] as! [String: Any]
        #expect(measurements["linear.delta_spread"] as? Double == 0)
        #expect(measurements["not-finite"] is NSNull)
    }

    @Test("the report site links every experiment page, its charts and the gallery")
    func report() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lab-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let experiments: [any Experiment] = [SigmoidSteepMiddle(), LinearConstantGradient()]
        let results = try experiments.map { try Experiments.run($0, ExperimentSettings(quick: true)) }
        let files = try LabReport(results: results).write(to: directory)
        let index = try String(contentsOf: files[0], encoding: .utf8)
        for result in results {
            #expect(index.contains("experiments/\(result.info.id).html"))
            let page = try String(contentsOf: directory.appendingPathComponent("experiments/\(result.info.id).html"), encoding: .utf8)
            #expect(page.contains(HTML.escape(result.info.claim)))
            #expect(page.contains("<svg") && page.contains("Holds"))
            for chart in result.charts {
                #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("experiments/\(result.info.id)-\(chart.name).svg").path))
            }
        }
        #expect(index.contains("gallery/index.html"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("gallery/index.html").path))
    }
}
