/// An elementwise function whose parameters `Float` cannot hold, computed for `Float` inputs in
/// `Double` and rounded once.
///
/// A function's `Float` lanes use its parameters rounded to `Float`. A parameter beyond `Float`'s
/// range (`squareplus` with b = 10⁴⁰) becomes ∞, and one below its normal range (`soft-exponential`
/// with α = 10⁻³⁰⁰) becomes 0 or loses digits: the `Float` values were NaN or far off where the
/// exact ones fit `Float` well. `Activations.make` wraps such a function in this type: its `Double`
/// inputs go to the function's own kernels unchanged, and its `Float` inputs are widened, run
/// through those same `Double` kernels, and rounded, in the batch kernels and the scalar calls alike
/// (bit for bit the same).
struct FloatInDoubleLanes<Base: ElementwiseActivation>: ElementwiseActivation, WrappedElementwise {
    let base: Base
    package var wrapped: any ElementwiseActivation { base }

    init(wrapping base: Base) { self.base = base }
    init(_ parameters: ParameterValues) { base = Base(parameters) }

    static var info: ActivationInfo { Base.info }
    var info: ActivationInfo { base.info }
    static var floatLanes: FloatLanes { .double }
    static var keepsNaN: KeepsNaN { Base.keepsNaN }

    func value<L: ElementaryLanes>(_ x: L) -> L { base.value(x) }
    func derivative<L: ElementaryLanes>(_ x: L) -> L { base.derivative(x) }

    // Double: the function's own kernels.
    func forward(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        base.forward(x, into: y)
    }
    func forward(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>, parallelism: Parallelism) {
        base.forward(x, into: y, parallelism: parallelism)
    }
    func backward(
        _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>, into dx: UnsafeMutableBufferPointer<Double>
    ) {
        base.backward(x, dy, into: dx)
    }
    func backward(
        _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>, parallelism: Parallelism
    ) {
        base.backward(x, dy, into: dx, parallelism: parallelism)
    }

    // Float: widened, through the Double kernels, rounded.
    func forward(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
        forward(x, into: y, parallelism: .automatic)
    }
    func forward(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>, parallelism: Parallelism) {
        precondition(x.count == y.count, "forward: x has \(x.count) elements but y has \(y.count)")
        guard !x.isEmpty else { return }  // an empty buffer may have no address
        parallelism.forEachChunk(x.count) { start, count in
            Self.widened(count, x.baseAddress! + start, nil, into: y.baseAddress! + start) { x, _, output in
                base.forward(x, into: output, parallelism: .serial)
            }
        }
    }
    func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>, into dx: UnsafeMutableBufferPointer<Float>
    ) {
        backward(x, dy, into: dx, parallelism: .automatic)
    }
    func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, parallelism: Parallelism
    ) {
        precondition(x.count == dy.count && x.count == dx.count, "backward: x, dy and dx differ in length")
        guard !x.isEmpty else { return }
        parallelism.forEachChunk(x.count) { start, count in
            Self.widened(count, x.baseAddress! + start, dy.baseAddress! + start, into: dx.baseAddress! + start) {
                x, dy, output in
                base.backward(x, dy!, into: output, parallelism: .serial)
            }
        }
    }

    /// Runs `body` on `count` elements of `first` (and of `second`, if given) widened to `Double`, 512
    /// at a time, and writes its `Double` output rounded to `Float` at `output`.
    private static func widened(
        _ count: Int, _ first: UnsafePointer<Float>, _ second: UnsafePointer<Float>?,
        into output: UnsafeMutablePointer<Float>,
        _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>?, UnsafeMutableBufferPointer<Double>) -> Void
    ) {
        let chunk = 512
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * chunk) { scratch in
            let base = scratch.baseAddress!
            var done = 0
            while done < count {
                let n = min(chunk, count - done)
                for i in 0..<n { base[i] = Double(first[done + i]) }
                if let second {
                    for i in 0..<n { base[chunk + i] = Double(second[done + i]) }
                }
                let out = UnsafeMutableBufferPointer(start: base + 2 * chunk, count: n)
                body(
                    UnsafeBufferPointer(start: base, count: n),
                    second.map { _ in UnsafeBufferPointer(start: base + chunk, count: n) }, out)
                for i in 0..<n { output[done + i] = Float(out[i]) }
                done += n
            }
        }
    }
}

/// A function wrapped to be computed differently, whose own type a caller may need (the linear
/// collapse recognises `Identity`).
package protocol WrappedElementwise {
    var wrapped: any ElementwiseActivation { get }
}

extension ElementwiseActivation {
    /// This function, computed in `Double` for `Float` inputs (see `FloatInDoubleLanes`).
    func inDoubleLanesForFloat() -> any ElementwiseActivation { FloatInDoubleLanes(wrapping: self) }
}

extension ParameterValues {
    /// Whether `Float` holds every value without overflow or the loss of digits below its normal
    /// range: 0, or a magnitude from `Float.leastNormalMagnitude` to `Float.greatestFiniteMagnitude`.
    var fitFloat: Bool {
        values.values.allSatisfy { value in
            value == 0
                || (Double(Float.leastNormalMagnitude)...Double(Float.greatestFiniteMagnitude)).contains(abs(value))
        }
    }
}
