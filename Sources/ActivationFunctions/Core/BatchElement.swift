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
    static func forwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Self>, _ y: UnsafeMutableBufferPointer<Self>, _ rowLength: Int
    ) throws(ActivationError)
    static func backwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Self>, _ dy: UnsafeBufferPointer<Self>,
        _ dx: UnsafeMutableBufferPointer<Self>, _ rowLength: Int) throws(ActivationError)
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
    public static func forward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Self>, _ y: UnsafeMutableBufferPointer<Self>
    ) { forward(f, x, y, .automatic) }

    public static func backward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Self>, _ dy: UnsafeBufferPointer<Self>,
        _ dx: UnsafeMutableBufferPointer<Self>
    ) { backward(f, x, dy, dx, .automatic) }

    public static func backward(
        _ f: some OutputDerivative, output y: UnsafeBufferPointer<Self>, _ dy: UnsafeBufferPointer<Self>,
        _ dx: UnsafeMutableBufferPointer<Self>
    ) { backward(f, output: y, dy, dx, .automatic) }
}

extension Double: BatchElement {
    public static func backward(
        _ f: some OutputDerivative, output y: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        _ dx: UnsafeMutableBufferPointer<Double>, _ parallelism: Parallelism
    ) { f.backward(output: y, dy, into: dx, parallelism: parallelism) }

    public static func forward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>,
        _ parallelism: Parallelism
    ) { f.forward(x, into: y, parallelism: parallelism) }

    public static func backward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        _ dx: UnsafeMutableBufferPointer<Double>, _ parallelism: Parallelism
    ) { f.backward(x, dy, into: dx, parallelism: parallelism) }

    public static func forwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>, _ rowLength: Int
    ) throws(ActivationError) { try f.forward(rows: x, into: y, rowLength: rowLength) }

    public static func backwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        _ dx: UnsafeMutableBufferPointer<Double>, _ rowLength: Int
    ) throws(ActivationError) { try f.backward(rows: x, dy, into: dx, rowLength: rowLength) }

    public static func backwardRows(
        _ f: any OutputBackward, output y: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        _ dx: UnsafeMutableBufferPointer<Double>, _ rowLength: Int
    ) throws(ActivationError) { try f.backward(outputRows: y, dy, into: dx, rowLength: rowLength) }
}

extension Float: BatchElement {
    public static func backward(
        _ f: some OutputDerivative, output y: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        _ dx: UnsafeMutableBufferPointer<Float>, _ parallelism: Parallelism
    ) { f.backward(output: y, dy, into: dx, parallelism: parallelism) }

    public static func forward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Float>, _ y: UnsafeMutableBufferPointer<Float>,
        _ parallelism: Parallelism
    ) { f.forward(x, into: y, parallelism: parallelism) }

    public static func backward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        _ dx: UnsafeMutableBufferPointer<Float>, _ parallelism: Parallelism
    ) { f.backward(x, dy, into: dx, parallelism: parallelism) }

    public static func forwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Float>, _ y: UnsafeMutableBufferPointer<Float>, _ rowLength: Int
    ) throws(ActivationError) { try f.forward(rows: x, into: y, rowLength: rowLength) }

    public static func backwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        _ dx: UnsafeMutableBufferPointer<Float>, _ rowLength: Int
    ) throws(ActivationError) { try f.backward(rows: x, dy, into: dx, rowLength: rowLength) }

    public static func backwardRows(
        _ f: any OutputBackward, output y: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        _ dx: UnsafeMutableBufferPointer<Float>, _ rowLength: Int
    ) throws(ActivationError) { try f.backward(outputRows: y, dy, into: dx, rowLength: rowLength) }
}
