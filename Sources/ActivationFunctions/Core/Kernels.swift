/// The batch kernels every elementwise activation gets: a four-lane SIMD body and a scalar tail that
/// run the same generic algorithm, so they agree bit for bit.
///
/// `Float` buffers are widened to `Double` lanes, computed, and rounded once on the way out.
extension ElementwiseActivation {
    public func forward(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        Batch.map(x.count, x.baseAddress, y.baseAddress) { evaluate($0) } tail: { evaluate($0) }
    }

    public func forward(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        Batch.map(x.count, x.baseAddress, y.baseAddress) { evaluate($0) } tail: { evaluate($0) }
    }

    public func backward(
        _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(x.count == dy.count && x.count == dx.count, "backward: x, dy and dx differ in length")
        Batch.zip(x.count, x.baseAddress, dy.baseAddress, dx.baseAddress) {
            $1 * evaluateDerivative($0)
        } tail: {
            $1 * evaluateDerivative($0)
        }
    }

    public func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(x.count == dy.count && x.count == dx.count, "backward: x, dy and dx differ in length")
        Batch.zip(x.count, x.baseAddress, dy.baseAddress, dx.baseAddress) {
            $1 * evaluateDerivative($0)
        } tail: {
            $1 * evaluateDerivative($0)
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

/// Loops over buffers four elements at a time, then one at a time.
@usableFromInline
enum Batch {
    typealias Vector = SIMD4<Double>

    @inline(__always)
    static func map(
        _ n: Int, _ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?,
        body: (Vector) -> Vector, tail: (Double) -> Double
    ) {
        guard n > 0, let x, let y else { return }
        var i = 0
        while i + 4 <= n {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: Vector.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: body(v), as: Vector.self)
            i += 4
        }
        while i < n {
            y[i] = tail(x[i])
            i += 1
        }
    }

    @inline(__always)
    static func map(
        _ n: Int, _ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?,
        body: (Vector) -> Vector, tail: (Double) -> Double
    ) {
        guard n > 0, let x, let y else { return }
        var i = 0
        while i + 4 <= n {
            let v = Vector(UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Float>.self))
            UnsafeMutableRawPointer(y + i).storeBytes(of: SIMD4<Float>(body(v)), as: SIMD4<Float>.self)
            i += 4
        }
        while i < n {
            y[i] = Float(tail(Double(x[i])))
            i += 1
        }
    }

    @inline(__always)
    static func zip(
        _ n: Int, _ x: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?,
        body: (Vector, Vector) -> Vector, tail: (Double, Double) -> Double
    ) {
        guard n > 0, let x, let dy, let dx else { return }
        var i = 0
        while i + 4 <= n {
            let u = UnsafeRawPointer(x + i).loadUnaligned(as: Vector.self)
            let g = UnsafeRawPointer(dy + i).loadUnaligned(as: Vector.self)
            UnsafeMutableRawPointer(dx + i).storeBytes(of: body(u, g), as: Vector.self)
            i += 4
        }
        while i < n {
            dx[i] = tail(x[i], dy[i])
            i += 1
        }
    }

    @inline(__always)
    static func zip(
        _ n: Int, _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?,
        body: (Vector, Vector) -> Vector, tail: (Double, Double) -> Double
    ) {
        guard n > 0, let x, let dy, let dx else { return }
        var i = 0
        while i + 4 <= n {
            let u = Vector(UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Float>.self))
            let g = Vector(UnsafeRawPointer(dy + i).loadUnaligned(as: SIMD4<Float>.self))
            UnsafeMutableRawPointer(dx + i).storeBytes(of: SIMD4<Float>(body(u, g)), as: SIMD4<Float>.self)
            i += 4
        }
        while i < n {
            dx[i] = Float(tail(Double(x[i]), Double(dy[i])))
            i += 1
        }
    }
}
