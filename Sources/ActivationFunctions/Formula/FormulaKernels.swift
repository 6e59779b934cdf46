/// A formula's batch kernels: its programs run block by block in SIMD lanes (`FormulaBlocks`) rather
/// than the default per-element walk, in `SIMD4<Double>` and `SIMD16<Float>`.
extension Formula {
    /// y[i] = f(x[i]) in `SIMD4<Double>` blocks of the compiled program. The lengths must match (a precondition).
    public func forward(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        valueProgram.runBlocks(x, upstream: nil, into: y, lanes: SIMD4<Double>.self)
    }

    /// y[i] = f(x[i]) in `SIMD16<Float>` blocks of the compiled program. The lengths must match (a precondition).
    public func forward(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        valueProgram.runBlocks(x, upstream: nil, into: y, lanes: SIMD16<Float>.self)
    }

    /// dx[i] = dy[i]·f′(x[i]) in `SIMD4<Double>` blocks of the symbolic derivative's program. The lengths must match (a
    /// precondition).
    public func backward(
        _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>, into dx: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(x.count == dy.count && x.count == dx.count, "backward: x, dy and dx differ in length")
        derivativeProgram.runBlocks(x, upstream: dy, into: dx, lanes: SIMD4<Double>.self)
    }

    /// dx[i] = dy[i]·f′(x[i]) in `SIMD16<Float>` blocks of the symbolic derivative's program. The lengths must match (a
    /// precondition).
    public func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>, into dx: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(x.count == dy.count && x.count == dx.count, "backward: x, dy and dx differ in length")
        derivativeProgram.runBlocks(x, upstream: dy, into: dx, lanes: SIMD16<Float>.self)
    }
}
