import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the batch kernels spread a large buffer over threads.
///
/// A call of at least `minimumCount` elements is cut into chunks of at least 64K elements (one per
/// thread, up to `maximumThreads`), each run by the same kernel on its own slice. An elementwise
/// result depends only on its own input, and every chunk starts on a multiple of 16 elements, so the
/// bits are those of the serial kernel whatever the setting (`KernelTests` checks it).
///
/// ```swift
/// f.forward(x, into: y)                              // .automatic: every core from 1M elements
/// f.forward(x, into: y, parallelism: .serial)        // the calling thread only
/// f.forward(x, into: y, parallelism: Parallelism(maximumThreads: 4, minimumCount: 1 << 18))
/// ```
public struct Parallelism: Sendable, Hashable {
    /// The most threads one call uses; 1 runs on the calling thread only.
    public let maximumThreads: Int
    /// The fewest elements a call must have before it uses more than one thread.
    public let minimumCount: Int

    /// Up to `maximumThreads` threads for calls of `minimumCount` elements or more. Values below 1
    /// count as 1 (one thread; every call may go parallel).
    public init(maximumThreads: Int, minimumCount: Int = Parallelism.defaultMinimumCount) {
        self.maximumThreads = max(1, maximumThreads)
        self.minimumCount = max(1, minimumCount)
    }

    /// 1M elements: below it, a kernel call lasts well under a millisecond on one core and handing
    /// work to other threads (a few microseconds each way) would take a visible share of it.
    public static let defaultMinimumCount = 1 << 20
    /// The smallest chunk given to a thread (64K elements).
    static let minimumChunk = 1 << 16

    /// Every online processor, from `defaultMinimumCount` elements: the default of every batch call.
    public static let automatic = Parallelism(maximumThreads: onlineProcessors)
    /// The calling thread only.
    public static let serial = Parallelism(maximumThreads: 1)

    /// The processors the system has online (at least 1).
    public static var onlineProcessors: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// How many chunks a call of `n` elements is cut into.
    func chunkCount(_ n: Int) -> Int {
        guard n >= minimumCount, maximumThreads > 1 else { return 1 }
        return max(1, min(maximumThreads, n / Self.minimumChunk))
    }

    /// Runs `body(start, count)` over consecutive slices covering 0..<n, concurrently when there are
    /// several. Each slice but the last holds a multiple of 16 elements.
    func forEachChunk(_ n: Int, _ body: (_ start: Int, _ count: Int) -> Void) {
        let chunks = chunkCount(n)
        guard chunks > 1 else { return body(0, n) }
        let size = (n + chunks - 1) / chunks
        let aligned = (size + 15) / 16 * 16
        withoutActuallyEscaping(body) { body in
            let chunk = ChunkBody(run: body)
            DispatchQueue.concurrentPerform(iterations: chunks) { k in
                let start = k * aligned
                if start < n { chunk.run(start, min(aligned, n - start)) }
            }
        }
    }
}

/// A kernel's chunk body, handed to the worker threads. It is `@unchecked Sendable` because the
/// chunks write disjoint slices of the output and only read the inputs, and `concurrentPerform`
/// returns only after every chunk has finished, before the buffers' owner continues.
private struct ChunkBody: @unchecked Sendable {
    let run: (_ start: Int, _ count: Int) -> Void
}
