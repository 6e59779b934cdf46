/// The buffer API of row functions: by default each row goes through the `[Double]` API and is
/// rounded back; the softmax family (`SoftmaxFamily`) runs `RowKernel` in the buffer's own type.
extension RowActivation {
    /// f of each `Float` row, computed through `forwardRow(_:)` in `Double` and rounded once. Throws `ActivationError`
    /// when `rowLength` or the buffers' lengths do not fit.
    public func forward(rows x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>, rowLength: Int)
        throws(ActivationError)
    { try forwardViaDouble(x, y, rowLength) }
    /// f of each `Double` row, through `forwardRow(_:)`. Throws `ActivationError` when `rowLength` or the buffers'
    /// lengths do not fit.
    public func forward(rows x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>, rowLength: Int)
        throws(ActivationError)
    { try forwardViaDouble(x, y, rowLength) }
    /// J(x)ᵀ·dy for each `Float` row, through `backwardRow(_:_:)` in `Double`. Throws `ActivationError` when the
    /// lengths do not fit.
    public func backward(
        rows x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, rowLength: Int
    ) throws(ActivationError) { try backwardViaDouble(x, dy, dx, rowLength) }
    /// J(x)ᵀ·dy for each `Double` row, through `backwardRow(_:_:)`. Throws `ActivationError` when the lengths do not
    /// fit.
    public func backward(
        rows x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>, rowLength: Int
    ) throws(ActivationError) { try backwardViaDouble(x, dy, dx, rowLength) }

    /// The number of rows and the output row's width, after checking that `inputs` elements are whole
    /// rows of `rowLength` and that the buffer named `what` holds `outputs` elements, one output row each.
    func rowCount(_ inputs: Int, _ outputs: Int, _ rowLength: Int, what: String = "y") throws(ActivationError)
        -> (rows: Int, width: Int)
    {
        let width = try outputCount(forInputCount: rowLength)
        guard rowLength > 0 ? inputs % rowLength == 0 : inputs == 0 else {
            throw .invalidRowLength(
                function: info.id, length: rowLength,
                requirement: "the \(inputs) input elements are not whole rows of \(rowLength)")
        }
        let rows = rowLength == 0 ? 0 : inputs / rowLength
        guard rows * width == outputs else {
            throw .mismatchedLengths(function: info.id, expected: rows * width, actual: outputs, what: what)
        }
        return (rows, width)
    }

    /// Throws unless dx has one element per element of x.
    func checkGradientLength(_ dx: Int, _ x: Int) throws(ActivationError) {
        guard dx == x else { throw .mismatchedLengths(function: info.id, expected: x, actual: dx, what: "dx") }
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
        let (rows, width) = try rowCount(x.count, dy.count, rowLength, what: "dy")
        try checkGradientLength(dx.count, x.count)
        for r in 0..<rows {
            let row = x[r * rowLength..<(r + 1) * rowLength].map { Double($0) }
            let result = backwardRow(row, dy[r * width..<(r + 1) * width].map { Double($0) })
            for (k, v) in result.enumerated() { dx[r * rowLength + k] = T(v) }
        }
    }
}

/// A row function whose vector–Jacobian product needs only its output y (the softmax family). A caller
/// that kept y from the forward pass, as autograd does (PyTorch's `_softmax_backward_data(dy, y)`),
/// skips recomputing the exponentials: two passes instead of five. For softmax and softmin the result
/// is bit for bit `backward(rows: x, …)` when y = `forward(rows: x, …)`; log-softmax takes
/// softmax(x) = e^y, within a few ulp of it.
public protocol OutputBackward: RowActivation {
    /// J(x)ᵀ·dy for each row, from y = f(x) (rows of `rowLength`); `dx` must not overlap `dy`, and for
    /// log-softmax not `y` either.
    func backward(
        outputRows y: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, rowLength: Int) throws(ActivationError)
    func backward(
        outputRows y: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>, rowLength: Int) throws(ActivationError)
}

/// Softmax, softmin and log-softmax: one SIMD kernel (`RowKernel`), in `Float` or `Double` lanes.
protocol SoftmaxFamily: OutputBackward {
    /// softmin negates its row as it reads it.
    static var negated: Bool { get }
    /// log-softmax returns x − m − ln Σ e^{x − m}.
    static var logarithmic: Bool { get }
}

extension SoftmaxFamily {
    /// The softmax family's own `SIMD16<Float>` kernel, row by row. Throws `ActivationError` when the lengths do not
    /// fit.
    public func forward(rows x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>, rowLength: Int)
        throws(ActivationError)
    { try kernelForward(x, y, rowLength, SIMD16<Float>.self) }
    /// The softmax family's own `SIMD4<Double>` kernel, row by row. Throws `ActivationError` when the lengths do not
    /// fit.
    public func forward(rows x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>, rowLength: Int)
        throws(ActivationError)
    { try kernelForward(x, y, rowLength, SIMD4<Double>.self) }
    /// J(x)ᵀ·dy per `Float` row, in `SIMD16<Float>` lanes. Throws `ActivationError` when the lengths do not fit.
    public func backward(
        rows x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, rowLength: Int
    ) throws(ActivationError) { try kernelBackward(x, dy, dx, rowLength, SIMD16<Float>.self) }
    /// J(x)ᵀ·dy per `Double` row, in `SIMD4<Double>` lanes. Throws `ActivationError` when the lengths do not fit.
    public func backward(
        rows x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>, rowLength: Int
    ) throws(ActivationError) { try kernelBackward(x, dy, dx, rowLength, SIMD4<Double>.self) }
    /// J·dy per `Float` row from the saved outputs y, as PyTorch's softmax backward does. Throws `ActivationError` when
    /// the lengths do not fit.
    public func backward(
        outputRows y: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, rowLength: Int
    ) throws(ActivationError) { try kernelBackward(y, dy, dx, rowLength, SIMD16<Float>.self, fromOutput: true) }
    /// J·dy per `Double` row from the saved outputs y. Throws `ActivationError` when the lengths do not fit.
    public func backward(
        outputRows y: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>, rowLength: Int
    ) throws(ActivationError) { try kernelBackward(y, dy, dx, rowLength, SIMD4<Double>.self, fromOutput: true) }

    /// f(row) through the `Double` row kernel.
    public func forwardRow(_ row: [Double]) -> [Double] {
        requireRowLengths(row.count)
        var y = row
        row.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { try! forward(rows: x, into: $0, rowLength: row.count) }
        }
        return y
    }

    /// J(row)ᵀ·dy through the `Double` row kernel.
    public func backwardRow(_ row: [Double], _ dy: [Double]) -> [Double] {
        requireRowLengths(row.count, dy: dy.count)
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

    /// J(x)ᵀ·dy for each row, from x itself or (`fromOutput`) from y = f(x) in its place.
    @inline(__always)
    func kernelBackward<V: SIMD & ElementaryLanes>(
        _ x: UnsafeBufferPointer<V.Scalar>, _ dy: UnsafeBufferPointer<V.Scalar>,
        _ dx: UnsafeMutableBufferPointer<V.Scalar>, _ rowLength: Int, _ lanes: V.Type, fromOutput: Bool = false
    ) throws(ActivationError) where V.Scalar: BinaryFloatingPoint & ElementaryLanes {
        let (rows, _) = try rowCount(x.count, dy.count, rowLength, what: "dy")
        try checkGradientLength(dx.count, x.count)
        guard rows > 0, let input = x.baseAddress, let g = dy.baseAddress, let output = dx.baseAddress else { return }
        let kernel = RowKernel<V>(n: rowLength, negated: Self.negated)
        for r in 0..<rows {
            let (x, dy, dx) = (input + r * rowLength, g + r * rowLength, output + r * rowLength)
            switch (fromOutput, Self.logarithmic) {
            case (false, let log): kernel.backward(x, dy, dx, log: log)
            case (true, false): kernel.backward(probabilities: x, dy, dx, log: false)
            case (true, true): kernel.backward(logProbabilities: x, dy, dx)
            }
        }
    }
}
