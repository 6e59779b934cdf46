import ArgumentParser
import Foundation
import NeuralNet

/// `activations bench-training`: the training benchmarks (to become `bench --training`).
struct TrainingBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-training",
        abstract: "Time the standard training benchmarks: a Playground epoch, an MNIST-sized step, and GEMM.")

    @Flag(help: "One JSON object per line.") var json = false
    @Option(help: "Run only this benchmark (playground-epoch, mnist-step or gemm).") var only: String?

    func run() throws {
        try reportingFailures {
            var results: [TrainingBenchmarks.Measurement] = []
            if only == nil || only == "playground-epoch" { results.append(try TrainingBenchmarks.playgroundEpoch()) }
            if only == nil || only == "mnist-step" { results.append(try TrainingBenchmarks.mnistStep()) }
            if only == nil || only == "gemm" { results.append(TrainingBenchmarks.gemm()) }
            for r in results {
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = .sortedKeys
                    print(String(decoding: try encoder.encode(r), as: UTF8.self))
                } else {
                    let value = r.gflops.map { String(format: "%.1f GFLOP/s", $0) } ?? String(format: "%.3f ms", (r.seconds ?? 0) * 1000)
                    print(r.id.padding(20) + value)
                }
            }
        }
    }
}
