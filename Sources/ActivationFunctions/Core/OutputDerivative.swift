/// An elementwise function whose derivative is a function of its own output: f′(x) = g(f(x)).
///
/// Sigmoid has σ′ = y(1 − y) and tanh has 1 − y² = (1 − y)(1 + y). A caller that kept y = f(x) from the
/// forward pass, as autograd does (PyTorch's `sigmoid_backward(dy, y)` and `tanh_backward(dy, y)`),
/// gets dx = dy·g(y) with no exponential: `backward(output:_:into:)`. Log-sigmoid has
/// σ(−x) = −(e^y − 1): one e^y − 1 in place of σ's e^{−|x|} and compensated division, and no loss
/// of accuracy at all, since that g never amplifies y's rounding (only a subnormal y loses digits).
///
/// The x-based `backward(_:_:into:)` stays the accurate default. g(y) itself is computed to a couple
/// of ulps, but y carries the rounding of the forward pass (up to 4 ulp of y), and where f′ is small
/// that rounding is most of the answer: the error of dy·g(y) is bounded by |g′(y)|·(4 ulp of y)
/// plus a few ulp of f′, an absolute error near 2⁻²² for `Float` when |y| is near 1. Where y rounds
/// to ±1 (σ above x ≈ 17, tanh beyond |x| ≈ 9 in `Float`) g(y) is exactly 0, while the true
/// derivative is about e^{−|x|}. On the left of sigmoid (y ≤ ½) the relative error stays a few ulp.
/// The measured errors are in the Accuracy article; `OutputDerivativeTests` checks the bound against
/// the mpmath reference.
public protocol OutputDerivative: ElementwiseActivation {
    /// f′(x) written in terms of y = f(x). With `Float` or `Double` (one lane) it is the scalar form,
    /// bit for bit what the batch kernels give.
    func derivative<L: ElementaryLanes>(output y: L) -> L

    /// dx[i] = dy[i]·g(y[i]) from the saved outputs y = f(x); `dx` may be `dy` or `y`. (A requirement
    /// with a default implementation, so that calls through `any` run specialised code.)
    func backward(
        output y: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>, parallelism: Parallelism)
    /// dx[i] = dy[i]·g(y[i]) in `Float` lanes from the saved outputs y = f(x); `dx` may be `dy` or `y`.
    func backward(
        output y: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, parallelism: Parallelism)
}

extension OutputDerivative {
    /// dx[i] = dy[i]·g(y[i]) in `SIMD4<Double>` lanes, from the saved outputs y = f(x).
    public func backward(
        output y: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>, parallelism: Parallelism
    ) {
        outputKernel(y, dy, dx, parallelism, SIMD4<Double>.self)
    }

    /// dx[i] = dy[i]·g(y[i]) in `SIMD16<Float>` lanes, from the saved outputs y = f(x).
    public func backward(
        output y: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, parallelism: Parallelism
    ) {
        outputKernel(y, dy, dx, parallelism, SIMD16<Float>.self)
    }

    /// `backward(output:_:into:parallelism:)` with `.automatic`.
    public func backward(
        output y: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>
    ) { backward(output: y, dy, into: dx, parallelism: .automatic) }

    /// `backward(output:_:into:parallelism:)` with `.automatic`.
    public func backward(
        output y: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>
    ) { backward(output: y, dy, into: dx, parallelism: .automatic) }

    /// dy[i]·f′ from the saved outputs y = f(x); `y` and `dy` must have the same length.
    public func backward<T: BatchElement>(output y: [T], _ dy: [T]) -> [T] {
        precondition(y.count == dy.count, "backward: y has \(y.count) elements but dy has \(dy.count)")
        return y.withUnsafeBufferPointer { saved in
            dy.withUnsafeBufferPointer { upstream in
                [T](unsafeUninitializedCapacity: saved.count) { output, count in
                    T.backward(self, output: saved, upstream, output)
                    count = saved.count
                }
            }
        }
    }

    @inline(__always)
    func outputKernel<V: SIMD & ElementaryLanes>(
        _ y: UnsafeBufferPointer<V.Scalar>, _ dy: UnsafeBufferPointer<V.Scalar>,
        _ dx: UnsafeMutableBufferPointer<V.Scalar>, _ parallelism: Parallelism, _ lanes: V.Type
    ) where V.Scalar: ElementaryLanes {
        precondition(y.count == dy.count && y.count == dx.count, "backward: y, dy and dx differ in length")
        parallelism.forEachChunk(y.count) { start, count in
            guard count > 0, let y = y.baseAddress, let dy = dy.baseAddress, let dx = dx.baseAddress else { return }
            outputLanes(count, y + start, dy + start, dx + start, V.self)
        }
    }

    /// dx = dy·g(y) a vector at a time, then one element at a time (the same function on both).
    @inline(__always)
    func outputLanes<V: SIMD & ElementaryLanes>(
        _ n: Int, _ y: UnsafePointer<V.Scalar>, _ dy: UnsafePointer<V.Scalar>,
        _ dx: UnsafeMutablePointer<V.Scalar>, _ lanes: V.Type
    ) where V.Scalar: ElementaryLanes {
        var i = 0
        let w = V.scalarCount
        while i + 2 * w <= n {
            let v0 = UnsafeRawPointer(y + i).loadUnaligned(as: V.self)
            let v1 = UnsafeRawPointer(y + i + w).loadUnaligned(as: V.self)
            let g0 = UnsafeRawPointer(dy + i).loadUnaligned(as: V.self)
            let g1 = UnsafeRawPointer(dy + i + w).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(dx + i).storeBytes(of: g0 * derivative(output: v0), as: V.self)
            UnsafeMutableRawPointer(dx + i + w).storeBytes(of: g1 * derivative(output: v1), as: V.self)
            i += 2 * w
        }
        while i + V.scalarCount <= n {
            let v = UnsafeRawPointer(y + i).loadUnaligned(as: V.self)
            let g = UnsafeRawPointer(dy + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(dx + i).storeBytes(of: g * derivative(output: v), as: V.self)
            i += V.scalarCount
        }
        while i < n {
            dx[i] = dy[i] * derivative(output: y[i])
            i += 1
        }
    }
}
