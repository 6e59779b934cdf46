#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shared by the test targets (with `RawConnection` and `onAThreadOfItsOwn`, the rest of
/// TestSupport).
///
/// Work is bounded here without wall time: CI runs every suite at once on a small machine, and a debug
/// build there has taken 40 s for what takes 2 s idle. Two clocks a busy machine does not stretch much
/// are used instead:
/// - this thread's CPU time, for work done synchronously on the calling thread;
/// - a ratio of two sizes timed alternately on one clock, for "linear, not quadratic": load stretches
///   both sides alike, while a quadratic cost turns 8× the input into 64× the time.
public enum Timing {
    /// Seconds of CPU time the calling thread has used.
    public static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
    }

    /// Where the time is read: the calling thread's CPU time, or wall time for work done in another
    /// process.
    public enum Clock: Sendable {
        case threadCPU
        case wall

        /// Seconds spent in `body` by this clock.
        public func seconds(_ body: () throws -> Void) rethrows -> Double {
            switch self {
            case .threadCPU:
                let start = threadCPUSeconds()
                try body()
                return threadCPUSeconds() - start
            case .wall:
                let start = ContinuousClock.now
                try body()
                let elapsed = ContinuousClock.now - start
                return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            }
        }
    }

    /// The most a ratio from `scalingRatio` may be for inputs 8× apart when the work is linear.
    ///
    /// Linear work gives about 8 (less when a fixed cost such as a process's start dominates; n log n
    /// about 9.5), quadratic work 64: 24 is 3× linear and 2.7× below quadratic, so neither a busy
    /// machine nor a quadratic regression lands on the wrong side. Measured on a 2-core machine at
    /// load 5, in a debug build: the CSV loader 4.1–4.7× for inputs 4× apart, a quadratic label
    /// mapping put in on purpose 15.5×.
    public static let linearBound = 24.0

    /// How many times longer the large input takes than the small one: `rounds` alternating pairs on
    /// `clock`, the median of the ratios.
    public static func scalingRatio(
        rounds: Int = 3, clock: Clock, small: () throws -> Void, large: () throws -> Void
    ) rethrows -> Double {
        var ratios: [Double] = []
        for _ in 0..<rounds {
            let smallSeconds = try clock.seconds(small)
            let largeSeconds = try clock.seconds(large)
            ratios.append(largeSeconds / max(smallSeconds, 1e-9))
        }
        return ratios.sorted()[rounds / 2]
    }
}
