import KernelIntrinsics

/// Loops over buffers two vectors at a time (`SIMD4<Double>` or `SIMD16<Float>`), then one, then one
/// element at a time, running the same generic function on all three. The loops call `evaluate`
/// directly (not through a closure) so that the function's math is inlined into the vector loop.
///
/// Two vectors per iteration, their loads first: on the AVX-512 machine of <doc:Speed> this made the
/// backward kernels of the cheap functions (relu, relu6, hard-tanh, threshold, hard-shrink) 1.09–1.24×
/// faster at 1M elements, where their data comes from the L3 cache; the other rows moved inside the
/// machine's noise (0.90–1.13×). Four per iteration, each load beside its store, was 0.90–0.92× of two.
extension ElementwiseActivation {
    /// y[i] = f(x[i]) in lanes `V`, with scalar `V.Scalar` for the tail.
    @inlinable @inline(__always)
    func mapLanes<V: SIMD & ElementaryLanes>(
        _ n: Int, _ x: UnsafePointer<V.Scalar>?, _ y: UnsafeMutablePointer<V.Scalar>?, _ lanes: V.Type
    ) where V.Scalar: ElementaryLanes {
        guard n > 0, let x, let y else { return }
        var i = 0
        let w = V.scalarCount
        while i + 2 * w <= n {
            let v0 = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            let v1 = UnsafeRawPointer(x + i + w).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: evaluate(v0), as: V.self)
            UnsafeMutableRawPointer(y + i + w).storeBytes(of: evaluate(v1), as: V.self)
            i += 2 * w
        }
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
        let w = V.scalarCount
        while i + 2 * w <= n {
            let u0 = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            let u1 = UnsafeRawPointer(x + i + w).loadUnaligned(as: V.self)
            let g0 = UnsafeRawPointer(dy + i).loadUnaligned(as: V.self)
            let g1 = UnsafeRawPointer(dy + i + w).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(dx + i).storeBytes(of: g0 * evaluateDerivative(u0), as: V.self)
            UnsafeMutableRawPointer(dx + i + w).storeBytes(of: g1 * evaluateDerivative(u1), as: V.self)
            i += 2 * w
        }
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

    /// `mapLanes` in `SIMD16<Float>` lanes with streaming stores (`KernelIntrinsics`), for outputs larger
    /// than the caches: one element at a time until `y` is 64-byte aligned, then whole vectors.
    @inlinable @inline(__always)
    func mapStreaming(_ n: Int, _ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?) {
        guard n > 0, let x, let y else { return }
        var i = 0
        while i < n && Int(bitPattern: y + i) % 64 != 0 {
            y[i] = evaluate(x[i])
            i += 1
        }
        while i + 16 <= n {
            streaming_store_float16(y + i, evaluate(UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<Float>.self)))
            i += 16
        }
        streaming_fence()
        mapLanes(n - i, x + i, y + i, SIMD16<Float>.self)
    }

    /// `zipLanes` in `SIMD16<Float>` lanes with streaming stores (as `mapStreaming`).
    @inlinable @inline(__always)
    func zipStreaming(
        _ n: Int, _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?
    ) {
        guard n > 0, let x, let dy, let dx else { return }
        var i = 0
        while i < n && Int(bitPattern: dx + i) % 64 != 0 {
            dx[i] = dy[i] * evaluateDerivative(x[i])
            i += 1
        }
        while i + 16 <= n {
            let u = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<Float>.self)
            let g = UnsafeRawPointer(dy + i).loadUnaligned(as: SIMD16<Float>.self)
            streaming_store_float16(dx + i, g * evaluateDerivative(u))
            i += 16
        }
        streaming_fence()
        zipLanes(n - i, x + i, dy + i, dx + i, SIMD16<Float>.self)
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
