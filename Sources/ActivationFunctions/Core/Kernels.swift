/// The batch kernels every elementwise activation gets: a SIMD body and a scalar tail that run the
/// same generic algorithm, so they agree bit for bit.
///
/// `Double` runs in `SIMD4<Double>` lanes. `Float` runs in `SIMD8<Float>` lanes, or, for a function
/// whose `floatLanes` is `.double`, is widened to `SIMD4<Double>` lanes and rounded once on the way
/// out; backward then rounds f′ to `Float` before multiplying by dy, exactly as the scalar path does.
extension ElementwiseActivation {
    public func forward(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        mapLanes(x.count, x.baseAddress, y.baseAddress, SIMD4<Double>.self)
    }

    public func forward(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        switch Self.floatLanes {
        case .float: mapLanes(x.count, x.baseAddress, y.baseAddress, SIMD8<Float>.self)
        case .double: mapWidened(x.count, x.baseAddress, y.baseAddress)
        }
    }

    public func backward(
        _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(x.count == dy.count && x.count == dx.count, "backward: x, dy and dx differ in length")
        zipLanes(x.count, x.baseAddress, dy.baseAddress, dx.baseAddress, SIMD4<Double>.self)
    }

    public func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(x.count == dy.count && x.count == dx.count, "backward: x, dy and dx differ in length")
        switch Self.floatLanes {
        case .float: zipLanes(x.count, x.baseAddress, dy.baseAddress, dx.baseAddress, SIMD8<Float>.self)
        case .double: zipWidened(x.count, x.baseAddress, dy.baseAddress, dx.baseAddress)
        }
    }

    /// f applied to every element.
    public func forward<T: BatchElement>(_ x: [T]) -> [T] {
        var y = x
        x.withUnsafeBufferPointer { input in
            y.withUnsafeMutableBufferPointer { output in T.forward(self, input, output) }
        }
        return y
    }

    /// dy[i]·f′(x[i]) for every element; `x` and `dy` must have the same length.
    public func backward<T: BatchElement>(_ x: [T], _ dy: [T]) -> [T] {
        precondition(x.count == dy.count, "backward: x has \(x.count) elements but dy has \(dy.count)")
        var dx = dy
        x.withUnsafeBufferPointer { input in
            dy.withUnsafeBufferPointer { upstream in
                dx.withUnsafeMutableBufferPointer { output in T.backward(self, input, upstream, output) }
            }
        }
        return dx
    }
}

/// `Float` or `Double`: the element types the batch kernels accept.
public protocol BatchElement: BinaryFloatingPoint, Sendable {
    static func forward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Self>, _ y: UnsafeMutableBufferPointer<Self>)
    static func backward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Self>, _ dy: UnsafeBufferPointer<Self>,
        _ dx: UnsafeMutableBufferPointer<Self>)
    static func forwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Self>, _ y: UnsafeMutableBufferPointer<Self>, _ rowLength: Int
    ) throws(ActivationError)
    static func backwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Self>, _ dy: UnsafeBufferPointer<Self>,
        _ dx: UnsafeMutableBufferPointer<Self>, _ rowLength: Int) throws(ActivationError)
}

extension Double: BatchElement {
    public static func forward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>
    ) { f.forward(x, into: y) }

    public static func backward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        _ dx: UnsafeMutableBufferPointer<Double>
    ) { f.backward(x, dy, into: dx) }

    public static func forwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>, _ rowLength: Int
    ) throws(ActivationError) { try f.forward(rows: x, into: y, rowLength: rowLength) }

    public static func backwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        _ dx: UnsafeMutableBufferPointer<Double>, _ rowLength: Int
    ) throws(ActivationError) { try f.backward(rows: x, dy, into: dx, rowLength: rowLength) }
}

extension Float: BatchElement {
    public static func forward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Float>, _ y: UnsafeMutableBufferPointer<Float>
    ) { f.forward(x, into: y) }

    public static func backward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        _ dx: UnsafeMutableBufferPointer<Float>
    ) { f.backward(x, dy, into: dx) }

    public static func forwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Float>, _ y: UnsafeMutableBufferPointer<Float>, _ rowLength: Int
    ) throws(ActivationError) { try f.forward(rows: x, into: y, rowLength: rowLength) }

    public static func backwardRows(
        _ f: any RowActivation, _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        _ dx: UnsafeMutableBufferPointer<Float>, _ rowLength: Int
    ) throws(ActivationError) { try f.backward(rows: x, dy, into: dx, rowLength: rowLength) }
}
