#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Throughput of a batch kernel, for `activations bench` and the comparison scripts.
///
/// Each measurement runs the kernel over the same buffers until a sample lasts about
/// `sampleSeconds`, repeats that `samples` times, and reports the median time per call. Speed claims
/// come from these medians (and from the package benchmarks), never from timed tests.
public enum Throughput {
    /// What a sample's time is read from.
    public enum Clock: String, Sendable, CaseIterable {
        /// Elapsed time: what a user waits, and what other programs on the machine slow down.
        case wall
        /// The calling thread's CPU time: time slices lost to other programs drop out, so a shared
        /// machine gives steadier numbers (a busy sibling hyperthread and shared caches still count).
        case threadCPU = "thread-cpu"
    }

    /// Which kernel a sample timed.
    public enum Direction: String, Sendable, CaseIterable {
        /// y = f(x): reads x, writes y.
        case forward
        /// dx = dy·f′(x): reads x and dy, writes dx. The softmax family (`OutputBackward`) reads the
        /// saved output y in place of x, as PyTorch's softmax backward does.
        case backward
    }

    /// One measurement: the median seconds per call over `n` elements.
    public struct Sample: Sendable {
        /// The function's catalog id.
        public let id: String
        /// Elements per call.
        public let n: Int
        /// The element type, "Float" or "Double".
        public let type: String
        /// Forward or backward.
        public let direction: Direction
        /// Bytes read and written per element, each buffer counted once (8 for a `Float` forward: x and y).
        public let bytesPerElement: Int
        /// The median time of one call, in seconds, on `clock`.
        public let secondsPerCall: Double
        /// The clock the time was read from.
        public let clock: Clock
        /// Whether backward read the saved output y (`OutputDerivative`, the softmax family) rather than x.
        public var readsOutput = false
        /// The most threads the kernel could use (`Parallelism.maximumThreads`).
        public var threads = 1

        /// Elements per second: n / secondsPerCall.
        public var elementsPerSecond: Double { Double(n) / secondsPerCall }
        /// Billions of elements per second.
        public var gelemPerSecond: Double { elementsPerSecond / 1e9 }
        /// Nanoseconds per element: the time of one call divided by n.
        public var nanosecondsPerElement: Double { secondsPerCall * 1e9 / Double(n) }
        /// Bytes read and written per second, counting each buffer once.
        public var gigabytesPerSecond: Double { elementsPerSecond * Double(bytesPerElement) / 1e9 }
    }

    /// Deterministic inputs spread uniformly over [−5, 5] (the comparison scripts use the same range).
    public static func inputs<T: BinaryFloatingPoint>(_ n: Int, seed: UInt64 = 1) -> [T] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        return (0..<n).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return T(-5 + 10 * Double(state >> 11) / Double(1 << 53))
        }
    }

    /// Measures `f` on `n` elements of type `T`. Rows (softmax and friends) are rows of `rowLength`.
    /// With `fromOutput`, backward of an `OutputDerivative` reads the saved y = f(x) instead of x.
    /// Elementwise kernels run on the threads `parallelism` allows (time them with the wall clock:
    /// `.threadCPU` counts only the calling thread).
    public static func measure<T: BatchElement>(
        _ f: AnyActivation, _ type: T.Type, n: Int, direction: Direction, fromOutput: Bool = false,
        parallelism: Parallelism = .serial, rowLength: Int = 1000, samples: Int = 11, sampleSeconds: Double = 0.01,
        clock: Clock = .wall
    ) -> Sample {
        let x: [T] = inputs(n)
        let dy: [T] = inputs(n, seed: 2)
        var out = [T](repeating: 0, count: n)
        let call: () -> Void
        var readsOutput = false
        switch f {
        case .elementwise(let g as any OutputDerivative) where direction == .backward && fromOutput:
            let y = g.forward(x)
            readsOutput = true
            call = { outputKernel(g, y, dy, &out, parallelism) }
        case .elementwise(let g):
            call = { kernel(g, direction, x, dy, &out, parallelism) }
        case .row(let g as any OutputBackward) where direction == .backward:
            // Backward from the saved output, as PyTorch's softmax backward is given it.
            var y = [T](repeating: 0, count: n)
            rows(g, .forward, rowLength, x, dy, &y)
            call = { outputRows(g, rowLength, y, dy, &out) }
            readsOutput = true
        case .row(let g):
            call = { rows(g, direction, rowLength, x, dy, &out) }
        }
        let seconds = medianSecondsPerCall(call, samples: samples, sampleSeconds: sampleSeconds, clock: clock)
        let buffers = direction == .forward ? 2 : 3
        var sample = Sample(
            id: f.info.id, n: n, type: T.self == Float.self ? "float" : "double", direction: direction,
            bytesPerElement: buffers * MemoryLayout<T>.size, secondsPerCall: seconds, clock: clock)
        sample.readsOutput = readsOutput
        if case .elementwise = f { sample.threads = parallelism.chunkCount(n) }
        return sample
    }

    static func kernel<T: BatchElement>(
        _ g: any ElementwiseActivation, _ direction: Direction, _ x: [T], _ dy: [T], _ out: inout [T],
        _ parallelism: Parallelism
    ) {
        x.withUnsafeBufferPointer { xs in
            out.withUnsafeMutableBufferPointer { ys in
                switch direction {
                case .forward: T.forward(g, xs, ys, parallelism)
                case .backward: dy.withUnsafeBufferPointer { T.backward(g, xs, $0, ys, parallelism) }
                }
            }
        }
    }

    static func outputKernel<T: BatchElement>(
        _ g: any OutputDerivative, _ y: [T], _ dy: [T], _ out: inout [T], _ parallelism: Parallelism
    ) {
        y.withUnsafeBufferPointer { ys in
            dy.withUnsafeBufferPointer { g2 in
                out.withUnsafeMutableBufferPointer { T.backward(g, output: ys, g2, $0, parallelism) }
            }
        }
    }

    /// Whole rows of `rowLength` through the buffer API (glu: rows of 2·rowLength, halved).
    static func rows<T: BatchElement>(
        _ g: any RowActivation, _ direction: Direction, _ rowLength: Int, _ x: [T], _ dy: [T], _ out: inout [T]
    ) {
        let length = g.info.id == "glu" ? rowLength * 2 : rowLength
        let outputs = (try? g.outputCount(forInputCount: length)) ?? length
        let count = x.count / length
        x.withUnsafeBufferPointer { xs in
            out.withUnsafeMutableBufferPointer { o in
                let input = UnsafeBufferPointer(rebasing: xs[0..<count * length])
                switch direction {
                case .forward:
                    try? T.forwardRows(g, input, UnsafeMutableBufferPointer(rebasing: o[0..<count * outputs]), length)
                case .backward:
                    dy.withUnsafeBufferPointer { g2 in
                        let upstream = UnsafeBufferPointer(rebasing: g2[0..<count * outputs])
                        try? T.backwardRows(
                            g, input, upstream, UnsafeMutableBufferPointer(rebasing: o[0..<count * length]), length)
                    }
                }
            }
        }
    }

    /// J(x)ᵀ·dy for whole rows of `rowLength`, from the rows' outputs `y`.
    static func outputRows<T: BatchElement>(
        _ g: any OutputBackward, _ rowLength: Int, _ y: [T], _ dy: [T], _ out: inout [T]
    ) {
        let m = y.count / rowLength * rowLength
        y.withUnsafeBufferPointer { ys in
            dy.withUnsafeBufferPointer { g2 in
                out.withUnsafeMutableBufferPointer { o in
                    try? T.backwardRows(
                        g, output: UnsafeBufferPointer(rebasing: ys[0..<m]), UnsafeBufferPointer(rebasing: g2[0..<m]),
                        UnsafeMutableBufferPointer(rebasing: o[0..<m]), rowLength)
                }
            }
        }
    }

    /// The median over `samples` of the seconds per call, each sample lasting about `sampleSeconds`.
    public static func medianSecondsPerCall(
        _ call: () -> Void, samples: Int = 11, sampleSeconds: Double = 0.01, clock: Clock = .wall
    ) -> Double {
        call()
        var calls = 1
        while seconds(calls, call, clock) < sampleSeconds && calls < 1 << 30 { calls *= 2 }
        return Statistics.median((0..<max(samples, 1)).map { _ in seconds(calls, call, clock) / Double(calls) })
    }

    static func seconds(_ calls: Int, _ call: () -> Void, _ clock: Clock) -> Double {
        let start = now(clock)
        for _ in 0..<calls { call() }
        return now(clock) - start
    }

    /// The clock's reading in seconds.
    static func now(_ clock: Clock) -> Double {
        var time = timespec()
        clock_gettime(clock == .wall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
