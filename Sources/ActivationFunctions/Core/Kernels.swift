/// The batch kernels every elementwise activation gets: a SIMD body and a scalar tail that run the
/// same generic algorithm, so they agree bit for bit.
///
/// `Double` runs in `SIMD4<Double>` lanes. `Float` runs in `SIMD16<Float>` lanes, or, for a function
/// whose `floatLanes` is `.double`, is widened to `SIMD4<Double>` lanes and rounded once on the way
/// out; backward then rounds f′ to `Float` before multiplying by dy, exactly as the scalar path does.
///
/// `Float` outputs of `streamingCount` elements (32 MiB) or more are written with streaming stores,
/// which skip reading each line before writing it; smaller ones stay in cache for the next layer to
/// read. Measured on the development machine (2 MiB L2 per core) with a C copy loop: plain stores win
/// up to 4M elements, where input and output still sit in the L3 cache, and streaming ones from about
/// 8M (at 16M: 25–29 GB/s against 14–18, and memcpy's 14–19).
extension ElementwiseActivation {
    @usableFromInline var streamingCount: Int { 1 << 23 }

    public func forward(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        mapLanes(x.count, x.baseAddress, y.baseAddress, SIMD4<Double>.self)
    }

    public func forward(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
        forward(x, into: y, streamingFrom: streamingCount)
    }

    /// `forward` with streaming stores when there are at least `threshold` elements (tests lower it).
    func forward(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>, streamingFrom threshold: Int) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        switch Self.floatLanes {
        case .float where x.count >= threshold: mapStreaming(x.count, x.baseAddress, y.baseAddress)
        case .float: mapLanes(x.count, x.baseAddress, y.baseAddress, SIMD16<Float>.self)
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
        backward(x, dy, into: dx, streamingFrom: streamingCount)
    }

    /// `backward` with streaming stores when there are at least `threshold` elements (tests lower it).
    func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, streamingFrom threshold: Int
    ) {
        precondition(x.count == dy.count && x.count == dx.count, "backward: x, dy and dx differ in length")
        switch Self.floatLanes {
        case .float where x.count >= threshold:
            zipStreaming(x.count, x.baseAddress, dy.baseAddress, dx.baseAddress)
        case .float: zipLanes(x.count, x.baseAddress, dy.baseAddress, dx.baseAddress, SIMD16<Float>.self)
        case .double: zipWidened(x.count, x.baseAddress, dy.baseAddress, dx.baseAddress)
        }
    }

    /// f applied to every element. The result is written straight into uninitialised storage: no
    /// zero fill, no copy of `x` first (each would be a third pass over memory).
    public func forward<T: BatchElement>(_ x: [T]) -> [T] {
        x.withUnsafeBufferPointer { input in
            [T](unsafeUninitializedCapacity: input.count) { output, count in
                T.forward(self, input, output)
                count = input.count
            }
        }
    }

    /// dy[i]·f′(x[i]) for every element; `x` and `dy` must have the same length.
    public func backward<T: BatchElement>(_ x: [T], _ dy: [T]) -> [T] {
        precondition(x.count == dy.count, "backward: x has \(x.count) elements but dy has \(dy.count)")
        return x.withUnsafeBufferPointer { input in
            dy.withUnsafeBufferPointer { upstream in
                [T](unsafeUninitializedCapacity: input.count) { output, count in
                    T.backward(self, input, upstream, output)
                    count = input.count
                }
            }
        }
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
    static func backwardRows(
        _ f: any OutputBackward, output y: UnsafeBufferPointer<Self>, _ dy: UnsafeBufferPointer<Self>,
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

    public static func backwardRows(
        _ f: any OutputBackward, output y: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        _ dx: UnsafeMutableBufferPointer<Double>, _ rowLength: Int
    ) throws(ActivationError) { try f.backward(outputRows: y, dy, into: dx, rowLength: rowLength) }
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

    public static func backwardRows(
        _ f: any OutputBackward, output y: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        _ dx: UnsafeMutableBufferPointer<Float>, _ rowLength: Int
    ) throws(ActivationError) { try f.backward(outputRows: y, dy, into: dx, rowLength: rowLength) }
}
