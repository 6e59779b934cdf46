import Foundation
import Testing

@Suite("activations train and predict")
struct TrainCLITests {
    @Test("--json prints one object with the configuration and final scores")
    func trainJSON() async throws {
        let result = try await CLI.run(["train", "--dataset", "xor", "--layers", "8", "--epochs", "30", "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        for key in ["config", "epochs", "train_count", "test_count", "train", "test", "seconds_per_epoch"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["epochs"] as? Int == 30 && object["train_count"] as? Int == 400)
        #expect(((object["test"] as! [String: Any])["accuracy"] as! Double) > 0.9)
    }

    @Test("regression reports a null accuracy")
    func regressionJSON() async throws {
        let result = try await CLI.run(["train", "--dataset", "reg-plane", "--layers", "4", "--epochs", "3", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        #expect((object["train"] as! [String: Any])["accuracy"] is NSNull)
    }

    @Test("plain lines and a summary with per-layer gradient flow and unit health")
    func summary() async throws {
        let result = try await CLI.run([
            "train", "--dataset", "circle", "--layers", "8,8", "--activation", "sigmoid", "--epochs", "20",
        ])
        #expect(result.status == 0)
        #expect(
            result.output.contains("epoch 20/20") && result.output.contains("mean|∂L/∂W|")
                && result.output.contains("dead"))
        #expect(!result.output.contains("\u{1B}") && !result.output.contains("\r"))
    }

    @Test("save, then predict from standard input")
    func savePredict() async throws {
        let model = FileManager.default.temporaryDirectory.appendingPathComponent("xor-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: model) }
        let train = try await CLI.run(["train", "--dataset", "xor", "--layers", "8", "--epochs", "60", "--save", model])
        #expect(train.status == 0)
        let predict = try await CLI.run(["predict", "--model", model], input: "2,2\n-2,2\n")
        let lines = predict.output.split(separator: "\n")
        #expect(lines.count == 3 && lines[0] == "class,p(-1),p(+1)")
        #expect(lines[1].hasPrefix("+1,") && lines[2].hasPrefix("-1,"))
    }

    static let failures: [CLITests.Failure] = [
        .init(arguments: ["train", "--dataset", "xorr"], input: nil, status: 64, mentions: "unknown dataset"),
        .init(arguments: ["train", "--dataset", "xor", "--lr=-1"], input: nil, status: 64, mentions: "learning rate"),
        .init(arguments: ["train", "--dataset", "xor", "--epochs", "0"], input: nil, status: 64, mentions: "epochs"),
        .init(
            arguments: ["train", "--dataset", "xor", "--activation", "relux"], input: nil, status: 64, mentions: "relu"),
        .init(
            arguments: ["train", "--dataset", "xor", "--output", "linear"], input: nil, status: 64,
            mentions: "regression"),
        .init(arguments: ["train"], input: nil, status: 64, mentions: "--dataset"),
        .init(arguments: ["predict", "--model", "/nonexistent.json"], input: nil, status: 64, mentions: "cannot read"),
    ]

    @Test("bad input: a message on standard error, nothing on standard output", arguments: failures)
    func failure(_ failure: CLITests.Failure) async throws {
        let result = try await CLI.run(failure.arguments, input: failure.input)
        #expect(result.status == failure.status)
        #expect(result.output.isEmpty)
        #expect(result.error.contains(failure.mentions), "stderr: \(result.error)")
    }
}

@Suite("activations train --report")
struct TrainReportTests {
    @Test("writes an HTML page with the charts, including the decision boundary for 2-D data")
    func report() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await CLI.run([
            "train", "--dataset", "circle", "--layers", "8,8", "--epochs", "10", "--report", directory.path,
        ])
        #expect(result.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        for name in ["index.html", "loss.svg", "gradients.svg", "dead-units.svg", "boundary.svg", "activation.svg"] {
            #expect(files.contains(name), "missing \(name) in \(files)")
        }
        let html = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("circle") && html.contains("relu"))
    }
}

@Suite("activations bench --training")
struct TrainingBenchCLITests {
    @Test("prints one JSON object per benchmark with the keys the issue names (timings are not asserted)")
    func keys() async throws {
        let result = try await CLI.run(["bench", "--training", "--json", "--samples", "1"])
        #expect(result.status == 0)
        let objects = try result.output.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(
            objects.map { $0["id"] as! String } == [
                "playground-epoch", "playground-epoch-metrics", "mnist-step", "gemm-128x784x256",
            ])
        #expect(objects[0]["seconds"] is Double && objects[0]["train_count"] as? Int == 500)
        #expect(objects[1]["seconds"] is Double && objects[1]["train_count"] as? Int == 500)
        #expect(objects[2]["seconds"] is Double && objects[3]["gflops"] is Double)
    }
}

@Suite("activations bench")
struct KernelBenchCLITests {
    @Test("--json prints one object per (function, n, direction) with the issue's keys; --cpu-time names its clock")
    func keys() async throws {
        let result = try await CLI.run([
            "bench", "relu", "softmax", "--n", "4096", "--backward", "--json", "--samples", "1", "--cpu-time",
        ])
        #expect(result.status == 0)
        let objects = try result.output.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(
            objects.map { "\($0["id"]!) \($0["direction"]!)" }
                == ["relu forward", "relu backward", "softmax forward", "softmax backward"])
        for object in objects {
            #expect(object["n"] as? Int == 4096 && object["type"] as? String == "float")
            #expect(object["clock"] as? String == "thread-cpu")
            #expect((object["gelem_per_s"] as? Double).map { $0 > 0 && $0.isFinite } == true, "\(object)")
        }
    }

    @Test("--cpu-time with --training is refused, saying why")
    func cpuTimeWithTraining() async throws {
        let result = try await CLI.run(["bench", "--training", "--cpu-time"])
        #expect(result.status != 0)
        #expect(result.error.contains("--cpu-time applies to the kernel benchmarks"), "stderr: \(result.error)")
    }
}
