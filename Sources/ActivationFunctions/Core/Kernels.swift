/// The batch kernels every elementwise activation gets: a SIMD body and a scalar tail that run the
/// same generic algorithm, so they agree bit for bit.
///
/// `Double` runs in `SIMD4<Double>` lanes. `Float` runs in `SIMD8<Float>` lanes, or, for a function
/// whose `floatLanes` is `.double`, is widened to `SIMD4<Double>` lanes and rounded once on the way
/// out; backward then rounds f′ to `Float` before multiplying by dy, exactly as the scalar path does.
extension ElementwiseActivation {
    public func forward(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        Batch.map(x.count, x.baseAddress, y.baseAddress) { (v: SIMD4<Double>) in evaluate(v) } tail: { evaluate($0) }
    }

    public func forward(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        switch Self.floatLanes {
        case .float:
            Batch.map(x.count, x.baseAddress, y.baseAddress) { (v: SIMD8<Float>) in evaluate(v) } tail: { evaluate($0) }
        case .double:
            Batch.mapWidened(x.count, x.baseAddress, y.baseAddress) { evaluate($0) } tail: { evaluate($0) }
        }
    }

    public func backward(
        _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(x.count == dy.count && x.count == dx.count, "backward: x, dy and dx differ in length")
        Batch.zip(x.count, x.baseAddress, dy.baseAddress, dx.baseAddress) { (u: SIMD4<Double>, g: SIMD4<Double>) in
            g * evaluateDerivative(u)
        } tail: {
            $1 * evaluateDerivative($0)
        }
    }

    public func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(x.count == dy.count && x.count == dx.count, "backward: x, dy and dx differ in length")
        switch Self.floatLanes {
        case .float:
            Batch.zip(x.count, x.baseAddress, dy.baseAddress, dx.baseAddress) { (u: SIMD8<Float>, g: SIMD8<Float>) in
                g * evaluateDerivative(u)
            } tail: {
                $1 * evaluateDerivative($0)
            }
        case .double:
            Batch.zipWidened(x.count, x.baseAddress, dy.baseAddress, dx.baseAddress) {
                evaluateDerivative($0)
            } tail: {
                evaluateDerivative($0)
            }
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
}

extension Double: BatchElement {
    public static func forward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>
    ) { f.forward(x, into: y) }

    public static func backward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        _ dx: UnsafeMutableBufferPointer<Double>
    ) { f.backward(x, dy, into: dx) }
}

extension Float: BatchElement {
    public static func forward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Float>, _ y: UnsafeMutableBufferPointer<Float>
    ) { f.forward(x, into: y) }

    public static func backward(
        _ f: some ElementwiseActivation, _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        _ dx: UnsafeMutableBufferPointer<Float>
    ) { f.backward(x, dy, into: dx) }
}
