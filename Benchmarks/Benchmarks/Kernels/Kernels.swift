import ActivationFunctions
import Benchmark

/// Forward and backward kernels of every elementwise function at 4K, 64K, 1M and 16M elements, in
/// Float and Double; throughput is reported as elements per second (scaledIterations = n).
let sizes = [4096, 65536, 1 << 20, 1 << 24]

func register<T: BatchElement>(_ f: any ElementwiseActivation, _ type: T.Type, n: Int) {
    let typeName = T.self == Float.self ? "float" : "double"
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput], scalingFactor: .one,
        maxDuration: .milliseconds(n >= 1 << 24 ? 600 : 200), maxIterations: 10_000)
    Benchmark("\(f.info.id) \(typeName) forward n=\(n)", configuration: configuration) { benchmark in
        // Buffers are made inside each benchmark (not at registration), outside the measurement.
        let x: [T] = Throughput.inputs(n)
        var out = [T](repeating: 0, count: n)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            x.withUnsafeBufferPointer { xs in out.withUnsafeMutableBufferPointer { T.forward(f, xs, $0) } }
            blackHole(out[0])
        }
    }
    Benchmark("\(f.info.id) \(typeName) backward n=\(n)", configuration: configuration) { benchmark in
        let x: [T] = Throughput.inputs(n), dy: [T] = Throughput.inputs(n, seed: 2)
        var out = [T](repeating: 0, count: n)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            x.withUnsafeBufferPointer { xs in
                dy.withUnsafeBufferPointer { g in out.withUnsafeMutableBufferPointer { T.backward(f, xs, g, $0) } }
            }
            blackHole(out[0])
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    for id in Activations.elementwiseIDs {
        let f = try! Activations.elementwise(id)
        for n in sizes {
            register(f, Float.self, n: n)
            register(f, Double.self, n: n)
        }
    }
}
