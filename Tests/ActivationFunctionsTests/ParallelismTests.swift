import Foundation
import Testing

@testable import ActivationFunctions

/// The parallel path gives the serial kernel's bits, whatever the number of threads.
@Suite("Parallel batch kernels")
struct ParallelismTests {
    /// Three chunks of 64K and a ragged end; every call of this size may go parallel.
    static let n = 3 * (1 << 16) + 37
    static let eager = Parallelism(maximumThreads: 4, minimumCount: 1)

    static func inputs(_ domain: PlotDomain) -> [Double] {
        var x = KernelTests.inputs(n, domain: domain, special: .nan)
        for (k, special) in KernelTests.specials.enumerated() { x[(k * 40_503) % n] = special }
        return x
    }

    @Test(
        "forward and backward: the same bits on 1 and on several threads",
        arguments: ["sigmoid", "tanh", "gelu", "log-sigmoid"])
    func sameBits(id: String) throws {
        let f = try Activations.elementwise(id)
        let x = Self.inputs(f.info.plotDomain)
        let dy = x.indices.map { Double($0 % 7) - 2.5 }
        #expect(Self.differences(f, x, dy) == 0, "\(id) double")
        #expect(Self.differences(f, x.map { Float($0) }, dy.map { Float($0) }) == 0, "\(id) float")
    }

    /// Bit patterns that differ between `.serial` and `eager`, over forward, backward and (for
    /// sigmoid and tanh) backward from the output.
    static func differences<T: BatchElement>(_ f: any ElementwiseActivation, _ x: [T], _ dy: [T]) -> Int
    where T.RawSignificand: FixedWidthInteger {
        let runs = [Parallelism.serial, eager].map { p in
            var (y, dx, dxFromY) = ([T](repeating: 0, count: x.count), [T](repeating: 0, count: x.count), [T]())
            x.withUnsafeBufferPointer { xs in
                dy.withUnsafeBufferPointer { g in
                    y.withUnsafeMutableBufferPointer { T.forward(f, xs, $0, p) }
                    dx.withUnsafeMutableBufferPointer { T.backward(f, xs, g, $0, p) }
                    if let h = f as? any OutputDerivative {
                        dxFromY = [T](repeating: 0, count: x.count)
                        y.withUnsafeBufferPointer { ys in
                            dxFromY.withUnsafeMutableBufferPointer { T.backward(h, output: ys, g, $0, p) }
                        }
                    }
                }
            }
            return y + dx + dxFromY
        }
        return zip(runs[0], runs[1]).filter { !KernelTests.same($0, $1) }.count
    }

    @Test("streaming stores on several threads, from a misaligned start")
    func streaming() throws {
        let f = try Activations.elementwise("gelu")
        let x = Self.inputs(f.info.plotDomain).map { Float($0) }
        var serial = [Float](repeating: 0, count: x.count - 1)
        var parallel = serial
        x[1...].withUnsafeBufferPointer { xs in
            serial.withUnsafeMutableBufferPointer { f.forward(xs, into: $0, streamingFrom: 0, parallelism: .serial) }
            parallel.withUnsafeMutableBufferPointer {
                f.forward(xs, into: $0, streamingFrom: 0, parallelism: Self.eager)
            }
        }
        #expect(zip(serial, parallel).allSatisfy { KernelTests.same($0, $1) })
    }

    @Test("chunking: below the threshold or on one thread a call stays whole; chunks cover the buffer")
    func chunking() {
        #expect(Parallelism.automatic.chunkCount(Parallelism.defaultMinimumCount - 1) == 1)
        #expect(Parallelism.serial.chunkCount(1 << 24) == 1)
        #expect(Parallelism(maximumThreads: 0).maximumThreads == 1)
        #expect(Parallelism(maximumThreads: 8, minimumCount: 1).chunkCount(1000) == 1)  // below one 64K chunk
        #expect(Parallelism(maximumThreads: 8, minimumCount: 1).chunkCount(5 << 16) == 5)
        for n in [0, 1, 65_536, 65_553, 3 * 65_536 + 1, 1 << 20] {
            let seen = Counter(n)
            Parallelism(maximumThreads: 3, minimumCount: 1).forEachChunk(n) { start, count in
                seen.mark(start, count, aligned: start % 16 == 0)
            }
            #expect(seen.complete, "n=\(n)")
        }
    }
}

/// Counts how often the chunks of `forEachChunk` covered each element (from several threads), and
/// whether every chunk started on a multiple of 16.
final class Counter: @unchecked Sendable {
    private var hits: [Int]
    private var misaligned = false
    private let lock = NSLock()

    init(_ n: Int) { hits = [Int](repeating: 0, count: n) }

    func mark(_ start: Int, _ count: Int, aligned: Bool) {
        lock.withLock {
            for i in start..<start + count { hits[i] += 1 }
            if !aligned { misaligned = true }
        }
    }

    var complete: Bool { !misaligned && hits.allSatisfy { $0 == 1 } }
}
