import ActivationFunctions
import ArgumentParser
import Foundation
import NeuralNet

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the throughput of the batch kernels: Gelem/s, ns per element, GB/s.",
        discussion: """
            Each (function, n, direction) is run until a sample lasts about 10 ms, 11 samples, and the \
            median is reported. Inputs are uniform over [−5, 5]. GB/s counts each buffer once: 2 per \
            element forward (x, y), 3 backward (x, dy, dx). Row functions (softmax and friends) run on \
            rows of 1000 (glu: 2000 in, 1000 out). Build with -c release.

            --cpu-time reads the thread's CPU time instead of the wall clock: time slices lost to \
            other programs drop out, so a shared machine gives steadier numbers.

            --backward also measures, for sigmoid, tanh and log-sigmoid, the backward kernel that reads the saved \
            output y (as PyTorch's sigmoid_backward does): direction "backward(y)", "reads":"output" \
            in JSON. Row functions' backward always reads y.

            --threads 1 (the default) measures one core; --threads N lets the kernels use up to N \
            threads from 1M elements on, and --threads 0 every processor (the library's default). \
            Several threads are timed with the wall clock: --cpu-time counts only the calling thread.

            With --training it runs the training benchmarks instead: one epoch of TensorFlow \
            Playground's default (2-8-8-1 tanh, squared error, SGD 0.03, batch 10, 500 points), one \
            step of an MNIST-sized net (784-256-128-10 ReLU, softmax cross-entropy, Adam, batch 128) \
            and the 128×784×256 matrix product, in Float.

            Examples:
              activations bench relu sigmoid --n 65536
              activations bench sigmoid --backward --cpu-time
              activations bench sigmoid --n 4194304 --threads 0
              activations bench --type double --backward --json
              activations bench --training --json
            """
    )

    @Argument(help: "Function ids or aliases (default: every function).")
    var ids: [String] = []

    @Option(name: .customLong("n"), parsing: .unconditionalSingleValue, help: "Elements per call; repeat for several sizes.")
    var sizes: [Int] = [65536]

    @Option(help: "Element type: float or double.")
    var type: NumberType = .float

    @Flag(help: "Measure the backward kernel as well as the forward one.")
    var backward = false

    @Flag(help: "One JSON object per line.")
    var json = false

    @Option(parsing: .unconditional, help: "Samples per measurement (the median is reported).")
    var samples = 11

    @Flag(help: "Time with the thread's CPU time instead of the wall clock (steadier on a shared machine).")
    var cpuTime = false

    @Flag(help: "Run the training benchmarks (Playground epoch, MNIST step, GEMM) instead.")
    var training = false

    @Option(parsing: .unconditional, help: "Threads the kernels may use from 1M elements on (0: every processor).")
    var threads = 1

    func run() throws {
        try reportingFailures {
            if let bad = sizes.first(where: { !(1...Self.maxElements).contains($0) }) {
                let bytes = Double(bad) * Double(backward ? 3 : 2) * Double(type == .float ? 4 : 8)
                throw CommandFailure.usage(
                    "--n must be in 1…\(Self.maxElements), got \(bad)"
                        + (bad > 0 ? String(format: " (its buffers would take %.3g GB)", bytes / 1e9) : ""))
            }
            guard (1...Self.maxSamples).contains(samples) else {
                throw CommandFailure.usage("--samples must be in 1…\(Self.maxSamples), got \(samples)")
            }
            if training && cpuTime {
                throw CommandFailure.usage("--cpu-time applies to the kernel benchmarks, not to --training")
            }
            guard (0...Self.maxThreads).contains(threads) else {
                throw CommandFailure.usage(
                    "--threads must be in 0…\(Self.maxThreads) (0: every processor), got \(threads)")
            }
            if cpuTime && threads != 1 {
                throw CommandFailure.usage(
                    "--cpu-time counts only the calling thread; time --threads \(threads) with the wall clock")
            }
            if training { return try measureTraining() }
            try measureAll()
        }
    }

    /// The largest --n: 2²⁵ elements, whose buffers take at most 805 MB (3 buffers of 8-byte numbers).
    static let maxElements = 1 << 25
    /// The most samples per measurement (each lasts about 10 ms).
    static let maxSamples = 1000
    /// The most threads --threads accepts.
    static let maxThreads = 1024

    var parallelism: Parallelism {
        threads == 0 ? .automatic : Parallelism(maximumThreads: threads)
    }

    func measureAll() throws {
        let names = ids.isEmpty ? Activations.all.map { $0.info.id } : ids
        let functions = try names.map { try Activations.make($0) }
        if !json { print(BenchFormat.header) }
        for function in functions {
            var passes: [(Throughput.Direction, fromOutput: Bool)] = [(.forward, false)]
            if backward { passes.append((.backward, false)) }
            if backward, case .elementwise(_ as any OutputDerivative) = function { passes.append((.backward, true)) }
            for n in sizes {
                for (direction, fromOutput) in passes {
                    let sample = measure(function, n, direction, fromOutput: fromOutput)
                    print(json ? BenchFormat.json(sample) : BenchFormat.row(sample))
                }
            }
        }
    }

    func measure(_ f: AnyActivation, _ n: Int, _ direction: Throughput.Direction, fromOutput: Bool) -> Throughput.Sample
    {
        let clock: Throughput.Clock = cpuTime ? .threadCPU : .wall
        return switch type {
        case .float:
            Throughput.measure(
                f, Float.self, n: n, direction: direction, fromOutput: fromOutput,
                parallelism: parallelism, samples: samples, clock: clock)
        case .double:
            Throughput.measure(
                f, Double.self, n: n, direction: direction, fromOutput: fromOutput,
                parallelism: parallelism, samples: samples, clock: clock)
        }
    }
}

extension BenchCommand {
    /// The training benchmarks, each the median of `samples` runs after a warm-up.
    func measureTraining() throws {
        let results = [
            try TrainingBenchmarks.playgroundEpoch(repeats: max(samples, 3)),
            try TrainingBenchmarks.playgroundEpoch(withLayerMetrics: true, repeats: max(samples, 3)),
            try TrainingBenchmarks.mnistStep(repeats: samples), TrainingBenchmarks.gemm(repeats: samples),
        ]
        for r in results {
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                print(String(decoding: try encoder.encode(r), as: UTF8.self))
            } else {
                let value =
                    r.gflops.map { String(format: "%.1f GFLOP/s", $0) }
                    ?? String(format: "%.3f ms", (r.seconds ?? 0) * 1000)
                print(BenchFormat.pad(r.id, 26) + value)
            }
        }
    }
}

/// How `activations bench` prints a sample: a table row or a JSON line.
enum BenchFormat {
    static let header =
        pad("function", 20) + pad("n", 10, right: true) + pad("type", 8, right: true)
        + pad("direction", 12, right: true) + pad("Gelem/s", 10, right: true)
        + pad("ns/elem", 10, right: true) + pad("GB/s", 9, right: true)

    static func row(_ s: Throughput.Sample) -> String {
        pad(s.id, 20) + pad("\(s.n)", 10, right: true) + pad(s.type, 8, right: true)
            + pad(s.direction.rawValue + (s.readsOutput ? "(y)" : ""), 12, right: true)
            + pad(fixed(s.gelemPerSecond, 3), 10, right: true)
            + pad(fixed(s.nanosecondsPerElement, 3), 10, right: true)
            + pad(fixed(s.gigabytesPerSecond, 2), 9, right: true)
    }

    static func json(_ s: Throughput.Sample) -> String {
        let fields = [
            "\"id\":\"\(s.id)\"", "\"n\":\(s.n)", "\"type\":\"\(s.type)\"", "\"direction\":\"\(s.direction.rawValue)\"",
            "\"gelem_per_s\":\(s.gelemPerSecond)", "\"ns_per_element\":\(s.nanosecondsPerElement)",
            "\"gb_per_s\":\(s.gigabytesPerSecond)", "\"seconds_per_call\":\(s.secondsPerCall)",
            "\"bytes_per_element\":\(s.bytesPerElement)", "\"clock\":\"\(s.clock.rawValue)\"",
            "\"reads\":\"\(s.readsOutput ? "output" : "input")\"", "\"threads\":\(s.threads)",
        ]
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
