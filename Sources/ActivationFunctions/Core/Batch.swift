/// Loops over buffers a vector at a time (`SIMD4<Double>` or `SIMD8<Float>`), then one element at a
/// time, running the same generic function on both.
@usableFromInline
enum Batch {
    typealias Wide = SIMD4<Double>

    /// y[i] = body(x[i…]) over vectors `V` of elements `T`, then tail(x[i]) for the rest.
    @inline(__always)
    static func map<V: SIMD>(
        _ n: Int, _ x: UnsafePointer<V.Scalar>?, _ y: UnsafeMutablePointer<V.Scalar>?,
        body: (V) -> V, tail: (V.Scalar) -> V.Scalar
    ) {
        guard n > 0, let x, let y else { return }
        var i = 0
        while i + V.scalarCount <= n {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: body(v), as: V.self)
            i += V.scalarCount
        }
        while i < n {
            y[i] = tail(x[i])
            i += 1
        }
    }

    /// dx[i] = body(x[i…], dy[i…]) over vectors, then tail(x[i], dy[i]) for the rest.
    @inline(__always)
    static func zip<V: SIMD>(
        _ n: Int, _ x: UnsafePointer<V.Scalar>?, _ dy: UnsafePointer<V.Scalar>?,
        _ dx: UnsafeMutablePointer<V.Scalar>?,
        body: (V, V) -> V, tail: (V.Scalar, V.Scalar) -> V.Scalar
    ) {
        guard n > 0, let x, let dy, let dx else { return }
        var i = 0
        while i + V.scalarCount <= n {
            let u = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            let g = UnsafeRawPointer(dy + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(dx + i).storeBytes(of: body(u, g), as: V.self)
            i += V.scalarCount
        }
        while i < n {
            dx[i] = tail(x[i], dy[i])
            i += 1
        }
    }

    /// `Float` buffers computed in `Double` lanes: y = Float(f(Double(x))), rounded once.
    @inline(__always)
    static func mapWidened(
        _ n: Int, _ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?,
        body: (Wide) -> Wide, tail: (Double) -> Double
    ) {
        map(n, x, y) { (v: SIMD4<Float>) in SIMD4<Float>(body(Wide(v))) } tail: { Float(tail(Double($0))) }
    }

    /// `Float` buffers, derivative in `Double` lanes: dx = dy · Float(f′(Double(x))), as the scalar
    /// path computes it.
    @inline(__always)
    static func zipWidened(
        _ n: Int, _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?,
        derivative body: (Wide) -> Wide, tail: (Double) -> Double
    ) {
        zip(n, x, dy, dx) { (u: SIMD4<Float>, g: SIMD4<Float>) in
            g * SIMD4<Float>(body(Wide(u)))
        } tail: {
            $1 * Float(tail(Double($0)))
        }
    }
}
