/// Loops over buffers a vector at a time (`SIMD4<Double>` or `SIMD8<Float>`), then one element at a
/// time, running the same generic function on both. The loops call `evaluate` directly (not through
/// a closure) so that the function's math is inlined into the vector loop.
extension ElementwiseActivation {
    /// y[i] = f(x[i]) in lanes `V`, with scalar `V.Scalar` for the tail.
    @inlinable @inline(__always)
    func mapLanes<V: SIMD & ElementaryLanes>(
        _ n: Int, _ x: UnsafePointer<V.Scalar>?, _ y: UnsafeMutablePointer<V.Scalar>?, _ lanes: V.Type
    ) where V.Scalar: ElementaryLanes {
        guard n > 0, let x, let y else { return }
        var i = 0
        while i + V.scalarCount <= n {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: evaluate(v), as: V.self)
            i += V.scalarCount
        }
        while i < n {
            y[i] = evaluate(x[i])
            i += 1
        }
    }

    /// dx[i] = dy[i]·f′(x[i]) in lanes `V`, with scalar `V.Scalar` for the tail.
    @inlinable @inline(__always)
    func zipLanes<V: SIMD & ElementaryLanes>(
        _ n: Int, _ x: UnsafePointer<V.Scalar>?, _ dy: UnsafePointer<V.Scalar>?,
        _ dx: UnsafeMutablePointer<V.Scalar>?, _ lanes: V.Type
    ) where V.Scalar: ElementaryLanes {
        guard n > 0, let x, let dy, let dx else { return }
        var i = 0
        while i + V.scalarCount <= n {
            let u = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            let g = UnsafeRawPointer(dy + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(dx + i).storeBytes(of: g * evaluateDerivative(u), as: V.self)
            i += V.scalarCount
        }
        while i < n {
            dx[i] = dy[i] * evaluateDerivative(x[i])
            i += 1
        }
    }

    /// `Float` buffers computed in `Double` lanes: y = Float(f(Double(x))), rounded once.
    @inlinable @inline(__always)
    func mapWidened(_ n: Int, _ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?) {
        guard n > 0, let x, let y else { return }
        var i = 0
        while i + 4 <= n {
            let v = SIMD4<Double>(UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Float>.self))
            UnsafeMutableRawPointer(y + i).storeBytes(of: SIMD4<Float>(evaluate(v)), as: SIMD4<Float>.self)
            i += 4
        }
        while i < n {
            y[i] = Float(evaluate(Double(x[i])))
            i += 1
        }
    }

    /// `Float` buffers, derivative in `Double` lanes: dx = dy · Float(f′(Double(x))), as the scalar
    /// path computes it.
    @inlinable @inline(__always)
    func zipWidened(
        _ n: Int, _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?
    ) {
        guard n > 0, let x, let dy, let dx else { return }
        var i = 0
        while i + 4 <= n {
            let u = SIMD4<Double>(UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Float>.self))
            let g = UnsafeRawPointer(dy + i).loadUnaligned(as: SIMD4<Float>.self)
            let slope = SIMD4<Float>(evaluateDerivative(u))
            UnsafeMutableRawPointer(dx + i).storeBytes(of: g * slope, as: SIMD4<Float>.self)
            i += 4
        }
        while i < n {
            dx[i] = dy[i] * Float(evaluateDerivative(Double(x[i])))
            i += 1
        }
    }
}
