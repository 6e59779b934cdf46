/// The buffer API of row functions: by default each row goes through the `[Double]` API and is
/// rounded back; the softmax family (`SoftmaxFamily`) runs `RowKernel` in the buffer's own type.
extension RowActivation {
    public func forward(rows x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>, rowLength: Int)
        throws(ActivationError) { try forwardViaDouble(x, y, rowLength) }
    public func forward(rows x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>, rowLength: Int)
        throws(ActivationError) { try forwardViaDouble(x, y, rowLength) }
    public func backward(
        rows x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, rowLength: Int
    ) throws(ActivationError) { try backwardViaDouble(x, dy, dx, rowLength) }
    public func backward(
        rows x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>, rowLength: Int
    ) throws(ActivationError) { try backwardViaDouble(x, dy, dx, rowLength) }

    /// The number of rows, after checking that the buffers hold whole rows of the right lengths.
    func rowCount(_ inputs: Int, _ outputs: Int, _ rowLength: Int) throws(ActivationError) -> (rows: Int, width: Int) {
        let width = try outputCount(forInputCount: rowLength)
        let rows = rowLength == 0 ? 0 : inputs / rowLength
        precondition(rows * rowLength == inputs, "rows: \(inputs) elements are not whole rows of \(rowLength)")
        precondition(rows * width == outputs, "rows: the output holds \(outputs) elements, expected \(rows * width)")
        return (rows, width)
    }

    func forwardViaDouble<T: BinaryFloatingPoint>(
        _ x: UnsafeBufferPointer<T>, _ y: UnsafeMutableBufferPointer<T>, _ rowLength: Int
    ) throws(ActivationError) {
        let (rows, width) = try rowCount(x.count, y.count, rowLength)
        for r in 0..<rows {
            let result = forwardRow(x[r * rowLength..<(r + 1) * rowLength].map { Double($0) })
            for (k, v) in result.enumerated() { y[r * width + k] = T(v) }
        }
    }

    func backwardViaDouble<T: BinaryFloatingPoint>(
        _ x: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, _ dx: UnsafeMutableBufferPointer<T>, _ rowLength: Int
    ) throws(ActivationError) {
        let (rows, width) = try rowCount(x.count, dy.count, rowLength)
        precondition(dx.count == x.count, "rows: dx has \(dx.count) elements, x has \(x.count)")
        for r in 0..<rows {
            let row = x[r * rowLength..<(r + 1) * rowLength].map { Double($0) }
            let result = backwardRow(row, dy[r * width..<(r + 1) * width].map { Double($0) })
            for (k, v) in result.enumerated() { dx[r * rowLength + k] = T(v) }
        }
    }
}

/// Softmax, softmin and log-softmax: one SIMD kernel (`RowKernel`), in `Float` or `Double` lanes.
protocol SoftmaxFamily: RowActivation {
    /// softmin negates its row as it reads it.
    static var negated: Bool { get }
    /// log-softmax returns x − m − ln Σ e^{x − m}.
    static var logarithmic: Bool { get }
}

extension SoftmaxFamily {
    public func forward(rows x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>, rowLength: Int)
        throws(ActivationError) { try kernelForward(x, y, rowLength, SIMD8<Float>.self) }
    public func forward(rows x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>, rowLength: Int)
        throws(ActivationError) { try kernelForward(x, y, rowLength, SIMD4<Double>.self) }
    public func backward(
        rows x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, rowLength: Int
    ) throws(ActivationError) { try kernelBackward(x, dy, dx, rowLength, SIMD8<Float>.self) }
    public func backward(
        rows x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>, rowLength: Int
    ) throws(ActivationError) { try kernelBackward(x, dy, dx, rowLength, SIMD4<Double>.self) }

    public func forwardRow(_ row: [Double]) -> [Double] {
        var y = row
        row.withUnsafeBufferPointer { x in y.withUnsafeMutableBufferPointer { try! forward(rows: x, into: $0, rowLength: row.count) } }
        return y
    }

    public func backwardRow(_ row: [Double], _ dy: [Double]) -> [Double] {
        var dx = row
        row.withUnsafeBufferPointer { x in
            dy.withUnsafeBufferPointer { g in
                dx.withUnsafeMutableBufferPointer { try! backward(rows: x, g, into: $0, rowLength: row.count) }
            }
        }
        return dx
    }

    @inline(__always)
    func kernelForward<V: SIMD & ElementaryLanes>(
        _ x: UnsafeBufferPointer<V.Scalar>, _ y: UnsafeMutableBufferPointer<V.Scalar>, _ rowLength: Int, _ lanes: V.Type
    ) throws(ActivationError) where V.Scalar: BinaryFloatingPoint & ElementaryLanes {
        let (rows, _) = try rowCount(x.count, y.count, rowLength)
        guard rows > 0, let input = x.baseAddress, let output = y.baseAddress else { return }
        let kernel = RowKernel<V>(n: rowLength, negated: Self.negated)
        for r in 0..<rows {
            kernel.forward(input + r * rowLength, output + r * rowLength, log: Self.logarithmic)
        }
    }

    @inline(__always)
    func kernelBackward<V: SIMD & ElementaryLanes>(
        _ x: UnsafeBufferPointer<V.Scalar>, _ dy: UnsafeBufferPointer<V.Scalar>,
        _ dx: UnsafeMutableBufferPointer<V.Scalar>, _ rowLength: Int, _ lanes: V.Type
    ) throws(ActivationError) where V.Scalar: BinaryFloatingPoint & ElementaryLanes {
        let (rows, _) = try rowCount(x.count, dy.count, rowLength)
        precondition(dx.count == x.count, "rows: dx has \(dx.count) elements, x has \(x.count)")
        guard rows > 0, let input = x.baseAddress, let g = dy.baseAddress, let output = dx.baseAddress else { return }
        let kernel = RowKernel<V>(n: rowLength, negated: Self.negated)
        for r in 0..<rows {
            let offset = r * rowLength
            kernel.backward(input + offset, g + offset, output + offset, log: Self.logarithmic)
        }
    }
}
