/// Runs a `FormulaProgram` over a buffer block by block: each instruction sweeps a block of
/// `blockSize` elements in SIMD lanes (`SIMD4<Double>`, `SIMD16<Float>`) before the next one runs,
/// and a catalog function runs its own batch kernel over the block. A short last block is padded
/// with zeros, computed, and cut.
extension FormulaProgram {
    static let blockSize = 256

    /// y[i] = program(x[i]); NaN in gives NaN out. With `upstream`, y[i] = upstream[i]·program(x[i]).
    func runBlocks<V: SIMD & ElementaryLanes>(
        _ x: UnsafeBufferPointer<V.Scalar>, upstream: UnsafeBufferPointer<V.Scalar>?,
        into y: UnsafeMutableBufferPointer<V.Scalar>, lanes: V.Type
    ) where V.Scalar: BatchElement & ElementaryLanes {
        let size = Self.blockSize
        let registers = UnsafeMutableBufferPointer<V.Scalar>.allocate(capacity: size * (instructions.count + 1))
        registers.initialize(repeating: 0)
        defer { registers.deallocate() }
        let ones = UnsafeMutableBufferPointer(rebasing: registers[(size * instructions.count)...])
        ones.update(repeating: 1)
        var start = 0
        while start < x.count {
            let n = min(size, x.count - start)
            let padded = (n + V.scalarCount - 1) / V.scalarCount * V.scalarCount
            for (index, instruction) in instructions.enumerated() {
                step(
                    instruction, index, registers, ones: UnsafeBufferPointer(ones), x: x, start: start, n: n,
                    padded: padded, lanes: V.self)
            }
            let result = registers.baseAddress! + size * (instructions.count - 1)
            for i in 0..<n {
                let input = x[start + i]
                let value = upstream.map { $0[start + i] * result[i] } ?? result[i]
                y[start + i] = input.isNaN ? input : value
            }
            start += n
        }
    }

    /// Instruction `index` over one block of `padded` elements.
    private func step<V: SIMD & ElementaryLanes>(
        _ instruction: Instruction, _ index: Int, _ registers: UnsafeMutableBufferPointer<V.Scalar>,
        ones: UnsafeBufferPointer<V.Scalar>, x: UnsafeBufferPointer<V.Scalar>, start: Int, n: Int, padded: Int,
        lanes: V.Type
    ) where V.Scalar: BatchElement & ElementaryLanes {
        let size = Self.blockSize
        let base = registers.baseAddress!
        let out = base + index * size
        func lanes(_ register: Int, _ i: Int) -> V {
            UnsafeRawPointer(base + register * size + i).loadUnaligned(as: V.self)
        }
        func store(_ v: V, _ i: Int) { UnsafeMutableRawPointer(out + i).storeBytes(of: v, as: V.self) }
        switch instruction {
        case .input:
            for i in 0..<padded { out[i] = i < n ? x[start + i] : 0 }
        case .constant(let c):
            for i in stride(from: 0, to: padded, by: V.scalarCount) { store(V(c), i) }
        case .unary(let f, let a):
            for i in stride(from: 0, to: padded, by: V.scalarCount) { store(LaneOperations.apply(f, lanes(a, i)), i) }
        case .binary(let op, let a, let b):
            for i in stride(from: 0, to: padded, by: V.scalarCount) {
                store(LaneOperations.apply(op, lanes(a, i), lanes(b, i)), i)
            }
        case .wholePower(let a, let k):
            for i in stride(from: 0, to: padded, by: V.scalarCount) {
                store(LaneOperations.power(lanes(a, i), whole: k), i)
            }
        case .select(let c, let a, let b, let t, let o):
            for i in stride(from: 0, to: padded, by: V.scalarCount) {
                store(select(LaneOperations.compare(c, lanes(a, i), lanes(b, i)), lanes(t, i), lanes(o, i)), i)
            }
        case .catalog(let f, let a, let derivative):
            let input = UnsafeBufferPointer(start: base + a * size, count: padded)
            let output = UnsafeMutableBufferPointer(start: out, count: padded)
            if derivative {
                V.Scalar.backward(f, input, UnsafeBufferPointer(rebasing: ones[..<padded]), output)
            } else {
                V.Scalar.forward(f, input, output)
            }
        }
    }
}
