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
///
/// Calls of a million elements or more run on every core by default; the overloads taking a
/// `Parallelism` let the caller choose. Any choice gives the same bits.
extension ElementwiseActivation {
    @usableFromInline var streamingCount: Int { 1 << 23 }

    /// y[i] = f(x[i]) in `Double`, on every core from a million elements (`Parallelism.automatic`). `y` may be `x`; the
    /// lengths must match (a precondition).
    public func forward(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        forward(x, into: y, parallelism: .automatic)
    }

    /// y[i] = f(x[i]), on the threads `parallelism` allows (the same bits on any number of them).
    public func forward(
        _ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>, parallelism: Parallelism
    ) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        parallelism.forEachChunk(x.count) { start, count in
            mapLanes(count, x.baseAddress.map { $0 + start }, y.baseAddress.map { $0 + start }, SIMD4<Double>.self)
        }
    }

    /// y[i] = f(x[i]) in `Float` (see `floatLanes`), with streaming stores from 8M elements and on every core from a
    /// million. `y` may be `x`; the lengths must match (a precondition).
    public func forward(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
        forward(x, into: y, streamingFrom: streamingCount, parallelism: .automatic)
    }

    /// y[i] = f(x[i]) in `Float`, on the threads `parallelism` allows (the same bits on any number).
    public func forward(
        _ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>, parallelism: Parallelism
    ) {
        forward(x, into: y, streamingFrom: streamingCount, parallelism: parallelism)
    }

    /// `forward` with streaming stores when there are at least `threshold` elements (tests lower it).
    func forward(
        _ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>, streamingFrom threshold: Int,
        parallelism: Parallelism = .serial
    ) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        let streaming = x.count >= threshold
        parallelism.forEachChunk(x.count) { start, count in
            let (x, y) = (x.baseAddress.map { $0 + start }, y.baseAddress.map { $0 + start })
            switch Self.floatLanes {
            case .float where streaming: mapStreaming(count, x, y)
            case .float: mapLanes(count, x, y, SIMD16<Float>.self)
            case .double: mapWidened(count, x, y)
            }
        }
    }

    /// dx[i] = dy[i]·f′(x[i]) in `Double`, on every core from a million elements. `dx` may be `dy`; the lengths must
    /// match (a precondition).
    public func backward(
        _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>
    ) {
        backward(x, dy, into: dx, parallelism: .automatic)
    }

    /// dx[i] = dy[i]·f′(x[i]), on the threads `parallelism` allows (the same bits on any number).
    public func backward(
        _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>, parallelism: Parallelism
    ) {
        precondition(x.count == dy.count && x.count == dx.count, "backward: x, dy and dx differ in length")
        parallelism.forEachChunk(x.count) { start, count in
            let (x, dy, dx) = (
                x.baseAddress.map { $0 + start }, dy.baseAddress.map { $0 + start }, dx.baseAddress.map { $0 + start }
            )
            zipLanes(count, x, dy, dx, SIMD4<Double>.self)
        }
    }

    /// dx[i] = dy[i]·f′(x[i]) in `Float` (see `floatLanes`), on every core from a million elements. `dx` may be `dy`;
    /// the lengths must match (a precondition).
    public func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>
    ) {
        backward(x, dy, into: dx, streamingFrom: streamingCount, parallelism: .automatic)
    }

    /// dx[i] = dy[i]·f′(x[i]) in `Float`, on the threads `parallelism` allows (the same bits on any number).
    public func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, parallelism: Parallelism
    ) {
        backward(x, dy, into: dx, streamingFrom: streamingCount, parallelism: parallelism)
    }

    /// `backward` with streaming stores when there are at least `threshold` elements (tests lower it).
    func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, streamingFrom threshold: Int, parallelism: Parallelism = .serial
    ) {
        precondition(x.count == dy.count && x.count == dx.count, "backward: x, dy and dx differ in length")
        let streaming = x.count >= threshold
        parallelism.forEachChunk(x.count) { start, count in
            let (x, dy, dx) = (
                x.baseAddress.map { $0 + start }, dy.baseAddress.map { $0 + start }, dx.baseAddress.map { $0 + start }
            )
            switch Self.floatLanes {
            case .float where streaming: zipStreaming(count, x, dy, dx)
            case .float: zipLanes(count, x, dy, dx, SIMD16<Float>.self)
            case .double: zipWidened(count, x, dy, dx)
            }
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
