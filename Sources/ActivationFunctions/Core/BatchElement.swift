/// `Float` or `Double`: the element types the batch kernels accept.
public protocol BatchElement: BinaryFloatingPoint, Sendable {
    /// y = f(x) on the threads `parallelism` allows.
    static func forward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Self>, _ y: UnsafeMutableBufferPointer<Self>,
        _ parallelism: Parallelism)
    /// dx = dy·f′(x) on the threads `parallelism` allows.
    static func backward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Self>, _ dy: UnsafeBufferPointer<Self>,
        _ dx: UnsafeMutableBufferPointer<Self>, _ parallelism: Parallelism)
    /// f of each row of `x` (rows of `rowLength`) into `y`. Throws `ActivationError` for a length `f` refuses.
    static func forwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Self>, _ y: UnsafeMutableBufferPointer<Self>, _ rowLength: Int
    ) throws(ActivationError)
    /// J(x)ᵀ·dy for each row of `x`. Throws `ActivationError` for a length `f` refuses.
    static func backwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Self>, _ dy: UnsafeBufferPointer<Self>,
        _ dx: UnsafeMutableBufferPointer<Self>, _ rowLength: Int) throws(ActivationError)
    /// J·dy for each row from the saved outputs y = f(x) (the softmax family). Throws `ActivationError` for a
    /// bad length.
    static func backwardRows(
        _ f: any OutputBackward, output y: UnsafeBufferPointer<Self>, _ dy: UnsafeBufferPointer<Self>,
        _ dx: UnsafeMutableBufferPointer<Self>, _ rowLength: Int) throws(ActivationError)
    /// dx = dy·f′ from the saved outputs y = f(x) (`OutputDerivative`), on the threads `parallelism` allows.
    static func backward(
        _ f: some OutputDerivative, output y: UnsafeBufferPointer<Self>, _ dy: UnsafeBufferPointer<Self>,
        _ dx: UnsafeMutableBufferPointer<Self>, _ parallelism: Parallelism)
}

/// The batch calls with the default `Parallelism.automatic`.
extension BatchElement {
    /// y = f(x) on the threads `Parallelism.automatic` allows (every core from a million elements).
    public static func forward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Self>, _ y: UnsafeMutableBufferPointer<Self>
    ) { forward(f, x, y, .automatic) }

    /// dx = dy·f′(x) on the threads `Parallelism.automatic` allows.
    public static func backward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Self>, _ dy: UnsafeBufferPointer<Self>,
        _ dx: UnsafeMutableBufferPointer<Self>
    ) { backward(f, x, dy, dx, .automatic) }

    /// dx = dy·f′ from the saved outputs y = f(x), on the threads `Parallelism.automatic` allows.
    public static func backward(
        _ f: some OutputDerivative, output y: UnsafeBufferPointer<Self>, _ dy: UnsafeBufferPointer<Self>,
        _ dx: UnsafeMutableBufferPointer<Self>
    ) { backward(f, output: y, dy, dx, .automatic) }
}

extension Double: BatchElement {
    /// dx = dy·f′ from the saved outputs y, in `Double` lanes.
    @_spi(Lanes) public static func backward(
        _ f: some OutputDerivative, output y: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        _ dx: UnsafeMutableBufferPointer<Double>, _ parallelism: Parallelism
    ) { f.backward(output: y, dy, into: dx, parallelism: parallelism) }

    /// y = f(x) in `Double`, through `f`'s own specialised kernel.
    @_spi(Lanes) public static func forward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>,
        _ parallelism: Parallelism
    ) { f.forward(x, into: y, parallelism: parallelism) }

    /// dx = dy·f′(x) in `Double`, through `f`'s own specialised kernel.
    @_spi(Lanes) public static func backward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        _ dx: UnsafeMutableBufferPointer<Double>, _ parallelism: Parallelism
    ) { f.backward(x, dy, into: dx, parallelism: parallelism) }

    /// f of each row of `x` (rows of `rowLength`) into `y`. Throws `ActivationError.invalidRowLength` for a length `f`
    /// refuses.
    @_spi(Lanes) public static func forwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>,
        _ rowLength: Int
    ) throws(ActivationError) { try f.forward(rows: x, into: y, rowLength: rowLength) }

    /// J(x)ᵀ·dy for each row of `x`. Throws `ActivationError` for a length `f` refuses.
    @_spi(Lanes) public static func backwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        _ dx: UnsafeMutableBufferPointer<Double>, _ rowLength: Int
    ) throws(ActivationError) { try f.backward(rows: x, dy, into: dx, rowLength: rowLength) }

    /// J·dy for each row from the saved outputs y (the softmax family). Throws `ActivationError` for a bad length.
    @_spi(Lanes) public static func backwardRows(
        _ f: any OutputBackward, output y: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        _ dx: UnsafeMutableBufferPointer<Double>, _ rowLength: Int
    ) throws(ActivationError) { try f.backward(outputRows: y, dy, into: dx, rowLength: rowLength) }
}

extension Float: BatchElement {
    /// dx = dy·f′ from the saved outputs y, in `Float` lanes.
    @_spi(Lanes) public static func backward(
        _ f: some OutputDerivative, output y: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        _ dx: UnsafeMutableBufferPointer<Float>, _ parallelism: Parallelism
    ) { f.backward(output: y, dy, into: dx, parallelism: parallelism) }

    /// y = f(x) in `Float` (in the lanes `f.floatLanes` names), through `f`'s own kernel.
    @_spi(Lanes) public static func forward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Float>, _ y: UnsafeMutableBufferPointer<Float>,
        _ parallelism: Parallelism
    ) { f.forward(x, into: y, parallelism: parallelism) }

    /// dx = dy·f′(x) in `Float` (in the lanes `f.floatLanes` names), through `f`'s own kernel.
    @_spi(Lanes) public static func backward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        _ dx: UnsafeMutableBufferPointer<Float>, _ parallelism: Parallelism
    ) { f.backward(x, dy, into: dx, parallelism: parallelism) }

    /// f of each row of `x` in `Float` (the softmax family in `Float` lanes, others through `Double`). Throws
    /// `ActivationError` for a length `f` refuses.
    @_spi(Lanes) public static func forwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Float>, _ y: UnsafeMutableBufferPointer<Float>,
        _ rowLength: Int
    ) throws(ActivationError) { try f.forward(rows: x, into: y, rowLength: rowLength) }

    /// J(x)ᵀ·dy for each `Float` row. Throws `ActivationError` for a length `f` refuses.
    @_spi(Lanes) public static func backwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        _ dx: UnsafeMutableBufferPointer<Float>, _ rowLength: Int
    ) throws(ActivationError) { try f.backward(rows: x, dy, into: dx, rowLength: rowLength) }

    /// J·dy for each `Float` row from the saved outputs y (the softmax family). Throws `ActivationError` for a bad
    /// length.
    @_spi(Lanes) public static func backwardRows(
        _ f: any OutputBackward, output y: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        _ dx: UnsafeMutableBufferPointer<Float>, _ rowLength: Int
    ) throws(ActivationError) { try f.backward(outputRows: y, dy, into: dx, rowLength: rowLength) }
}
