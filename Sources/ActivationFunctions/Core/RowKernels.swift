import KernelIntrinsics
import RealModule

/// SIMD kernels for the softmax family over contiguous rows (`SIMD16<Float>` or `SIMD4<Double>` lanes).
///
/// Per row: one pass for the maximum (+∞ makes the row NaN), one for the exponentials and their sum
/// (a NaN entry makes the sum NaN, and the row NaN), one to normalise by 1/Σ carried in two parts.
/// x − max is carried exactly (two-sum) and e^{hi + lo} = e^{hi}·(1 + lo), so tiny probabilities keep
/// their digits. For log-softmax the sum leaves out one entry equal to the maximum (its e^0 = 1), so
/// it can use ln(1 + rest) without cancellation. Sums run in `LaneSums` (compensated lanes; the dot
/// products of backward add `Float` lanes in `Double`). Softmax normalises by multiplying with 1/sum
/// and correcting once (`normalise`). Every loop runs over whole vectors, then a short last chunk,
/// padded with −∞ (which adds nothing to either the maximum or the sum) or 0 for the products.
@usableFromInline
struct RowKernel<V: SIMD & ElementaryLanes> where V.Scalar: BinaryFloatingPoint & ElementaryLanes {
    @usableFromInline let n: Int
    /// softmin: the row is negated as it is read.
    @usableFromInline let negated: Bool

    @inlinable init(n: Int, negated: Bool) {
        self.n = n
        self.negated = negated
    }

    /// Runs `body` on every chunk of the row: the whole vectors, then the short last one if any
    /// (`whole` false), so the loops over whole vectors test no length.
    @inlinable @inline(__always)
    func forEachChunk(_ body: (_ i: Int, _ whole: Bool) -> Void) {
        var i = 0
        while i + V.scalarCount <= n {
            body(i, true)
            i += V.scalarCount
        }
        if i < n { body(i, false) }
    }

    /// The chunk at `i`, negated for softmin, padded past the end of the row (−∞ by default).
    @inlinable @inline(__always)
    func load(_ x: UnsafePointer<V.Scalar>, _ i: Int, whole: Bool, padding: V.Scalar = -.infinity) -> V {
        if whole {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            return negated ? -v : v
        }
        // The padding is negated with the lanes for softmin, so it is flipped first (a sign-bit flip, exact).
        let fill = negated ? -padding : padding
        var v = V(repeating: fill)
        if V.self == SIMD16<Float>.self {  // one masked load (`LaneMath.h`), not a store and reload per lane
            let p = UnsafeRawPointer(x + i).assumingMemoryBound(to: Float.self)
            v = unsafeBitCast(lanes_load_partial_float16(p, n - i, Float(fill)), to: V.self)
        } else {
            for k in 0..<(n - i) { v[k] = x[i + k] }
        }
        return negated ? -v : v
    }

    @inlinable @inline(__always)
    func store(_ v: V, _ y: UnsafeMutablePointer<V.Scalar>, _ i: Int, whole: Bool) {
        if whole {
            UnsafeMutableRawPointer(y + i).storeBytes(of: v, as: V.self)
        } else if V.self == SIMD16<Float>.self {
            let p = UnsafeMutableRawPointer(y + i).assumingMemoryBound(to: Float.self)
            lanes_store_partial_float16(p, n - i, unsafeBitCast(v, to: SIMD16<Float>.self))
        } else {
            for k in 0..<(n - i) { y[i + k] = v[k] }
        }
    }

    /// The row's maximum over its non-NaN entries, or nil when that is ±∞ (a +∞ entry, or all −∞ or
    /// NaN: a NaN row). A NaN entry is found later, for free: it makes the sum of the exponentials NaN,
    /// which `forward` turns into a NaN row.
    @inlinable @inline(__always)
    func maximum(_ x: UnsafePointer<V.Scalar>) -> V.Scalar? {
        var top = V(repeating: -.infinity)
        var otherTop = top
        forEachChunk { i, whole in
            let v = load(x, i, whole: whole)
            top = top.replacing(with: v, where: v .> top)
            swap(&top, &otherTop)  // alternate between two running maxima, so that their chains overlap
        }
        let m = Swift.max(top.max(), otherTop.max())
        return m.isInfinite ? nil : m
    }

    /// x − m as hi + lo. lo is 0 where hi is −∞: for −∞ entries, and for finite ones so far below the
    /// maximum that x − m overflows (x = −1e308, m = 1e308), whose two-sum would be NaN; e^{x − m}
    /// is then exactly 0, as it is for any x − m below about −745.
    @inlinable @inline(__always)
    func shifted(_ v: V, _ m: V) -> DoubleDouble<V> {
        let d = DoubleDouble.sum(v, -m)
        return DoubleDouble(d.hi, d.lo.replacing(with: V(repeating: 0), where: d.hi .== V(repeating: -.infinity)))
    }

    /// e^{x − m} into `y` (when given), and Σ e^{x − m} in `Double`. With `leavingOutOneMaximum`, the
    /// sum leaves out one entry equal to the maximum and returns Σ e^{x − m} − 1 (for log-softmax's
    /// ln(1 + rest)); softmax needs the whole sum and skips that bookkeeping.
    @inlinable @inline(__always)
    func exponentials(
        _ x: UnsafePointer<V.Scalar>, _ m: V.Scalar, into y: UnsafeMutablePointer<V.Scalar>?, leavingOutOneMaximum: Bool
    ) -> Double {
        let top = V(repeating: m)
        var sums = LaneSums<V>()
        var ties = V(repeating: 0)
        forEachChunk { i, whole in
            sums.add(
                exponential(x, i, whole, top, into: y, ties: &ties, leavingOutOneMaximum: leavingOutOneMaximum))
        }
        var total = sums.total
        if leavingOutOneMaximum {
            for k in 0..<V.scalarCount { total.add(Double(ties[k])) }
            total.add(-1)
        }
        return total.value
    }

    /// The chunk at `i` of e^{x − m}, stored into `y` (when given), and returned as a term of the sum:
    /// with `leavingOutOneMaximum`, entries equal to the maximum are counted in `ties` instead.
    @inlinable @inline(__always)
    func exponential(
        _ x: UnsafePointer<V.Scalar>, _ i: Int, _ whole: Bool, _ top: V, into y: UnsafeMutablePointer<V.Scalar>?,
        ties: inout V, leavingOutOneMaximum: Bool
    ) -> V {
        let v = load(x, i, whole: whole)
        let d = DoubleDouble.sum(v, -top)
        // hi ≤ 0 wherever v is not NaN; below −87 (−∞ entries among them) the careful path, where lo
        // is zeroed for hi = −∞ (`shifted`). Elsewhere lo is finite, and e^{hi} normal.
        let e: V
        if V.anyLane(d.hi .< V(repeating: -87)) {
            let careful = shifted(v, top)
            let p = V.exp(careful.hi)
            e = p.addingProduct(p, careful.lo)
        } else {
            let p = V.expNormalRange(d.hi)
            e = p.addingProduct(p, d.lo)
        }
        if let y { store(e, y, i, whole: whole) }
        guard leavingOutOneMaximum else { return e }
        let isTop = v .== top
        ties = ties + V.indicator(isTop)
        return e.replacing(with: V(repeating: 0), where: isTop)
    }

    /// Σ a·b over the row, each product rounded to the lanes' type (`Float` lanes then added in `Double`,
    /// `Double` lanes compensated); b = 1 when nil.
    @inlinable @inline(__always)
    func dot(_ a: UnsafePointer<V.Scalar>, _ b: UnsafePointer<V.Scalar>?) -> Double {
        let plain = RowKernel(n: n, negated: false)
        var sums = LaneSums<V>(floatInDouble: true)
        forEachChunk { i, whole in
            let u = plain.load(a, i, whole: whole, padding: 0)
            sums.add(b.map { u * plain.load($0, i, whole: whole, padding: 0) } ?? u)
        }
        return sums.total.value
    }

    /// A dot product in the lanes' type, or NaN where it is not finite there (an infinite dy makes the
    /// row NaN in `Float` and `Double` alike).
    @inlinable @inline(__always)
    func finiteOrNaN(_ total: Double) -> V.Scalar {
        let scalar = V.Scalar(total)
        return scalar.isFinite ? scalar : .nan
    }

    /// log-softmax's dx = dyᵢ − pᵢ·Σdy when Σdy lies beyond the lanes' type while every dy is finite
    /// (many entries near the type's largest): entry by entry, in `Double`, with Σdy carried as
    /// S = Σdy·2⁻⁶⁴ (a compensated sum of exactly scaled terms; the few bits a subnormal term loses are
    /// below an ulp of a sum that overflowed). Where pᵢ·S·2⁶⁴ is finite, dyᵢ − pᵢ·S·2⁶⁴; otherwise
    /// (`Double` rows only) the difference is formed at scale, (dyᵢ·2⁻⁶⁴ − pᵢ·S)·2⁶⁴, which is ±∞ only
    /// where the true dx is beyond the type. An entry is thus within about an ulp of dx, as the fast
    /// path's are. Returns false, writing nothing, when Σdy itself is not finite (an infinite or NaN dy).
    @usableFromInline @inline(never)
    func logSoftmaxBackwardBeyondRange(
        probability p: (Int) -> Double, _ dy: UnsafePointer<V.Scalar>, _ dx: UnsafeMutablePointer<V.Scalar>
    ) -> Bool {
        var (sum, compensation) = (0.0, 0.0)  // Neumaier's sum
        for i in 0..<n {
            let term = Double(dy[i]) * 0x1p-64
            let next = sum + term
            compensation += sum.magnitude >= term.magnitude ? (sum - next) + term : (term - next) + sum
            sum = next
        }
        let scaledTotal = sum + compensation
        guard scaledTotal.isFinite else { return false }
        for i in 0..<n {
            let (t, g) = (p(i) * scaledTotal, Double(dy[i]))
            let product = t * 0x1p64
            dx[i] = V.Scalar(product.isFinite ? g - product : (g * 0x1p-64 - t) * 0x1p64)
        }
        return true
    }

    /// softmax (or log-softmax) of the row `x` into `y`; `y` may be `x`.
    @inlinable @inline(__always)
    func forward(_ x: UnsafePointer<V.Scalar>, _ y: UnsafeMutablePointer<V.Scalar>, log: Bool) {
        guard let m = maximum(x) else { return y.update(repeating: .nan, count: n) }
        if log {
            let rest = exponentials(x, m, into: nil, leavingOutOneMaximum: true)
            guard !rest.isNaN else { return y.update(repeating: .nan, count: n) }
            // ln Σeˣ = m + ln(1 + rest), summed exactly in `Double` and carried in the lanes' type as
            // hi + lo. x − hi is exact where x is within a factor 2 of hi (Sterbenz), the only place the
            // result is small beside x, so (x − hi) − lo is within about an ulp of x − ln Σeˣ: one
            // subtraction per entry more than PyTorch's x − (m + ln Σ).
            // Added as 0 − hi and 0 − lo, so that x = −0 beside hi = +0 gives +0, as x − x does.
            let shift = DoubleDouble.sum(Double(m), Double.log(onePlus: rest))
            let hi = V.Scalar(shift.hi)
            let lo = V.Scalar((shift.hi - Double(hi)) + shift.lo)
            let (minusHi, minusLo) = (V(repeating: 0 - hi), V(repeating: 0 - lo))
            forEachChunk { i, whole in
                store((load(x, i, whole: whole) + minusHi) + minusLo, y, i, whole: whole)
            }
        } else {
            normalise(y, by: exponentials(x, m, into: y, leavingOutOneMaximum: false))
        }
    }

    /// y ← y/Σ (a NaN Σ makes the row NaN): y·r with r = 1/Σ in two parts from the `Double` Σ,
    /// r = hi + lo within 2⁻⁴⁸ of 1/Σ, so y·hi + y·lo (one fused multiply-add) is within about ½ ulp.
    @inlinable @inline(__always)
    func normalise(_ y: UnsafeMutablePointer<V.Scalar>, by total: Double) {
        guard !total.isNaN else { return y.update(repeating: .nan, count: n) }
        let reciprocal = 1 / total
        let hi = V.Scalar(reciprocal)
        let lo = V.Scalar((1.0).addingProduct(-Double(hi), total) * reciprocal)
        let (hiLanes, loLanes) = (V(repeating: hi), V(repeating: lo))
        let plain = RowKernel(n: n, negated: false)
        forEachChunk { i, whole in
            let e = plain.load(y, i, whole: whole)
            plain.store((e * loLanes).addingProduct(e, hiLanes), y, i, whole: whole)
        }
    }

    /// dx = J(x)ᵀ·dy for softmax (yᵢ(dyᵢ − y·dy), negated for softmin) or log-softmax
    /// (dyᵢ − softmax(x)ᵢ·Σdy). `dx` must not overlap `x` or `dy`.
    @inlinable @inline(__always)
    func backward(
        _ x: UnsafePointer<V.Scalar>, _ dy: UnsafePointer<V.Scalar>, _ dx: UnsafeMutablePointer<V.Scalar>, log: Bool
    ) {
        forward(x, dx, log: false)
        backward(probabilities: dx, dy, dx, log: log)
    }

    /// dx = J(x)ᵀ·dy from p = softmax(x) (or softmin(x)) alone: two passes, no exponentials.
    /// `dx` may be `p`, not `dy`.
    @inlinable @inline(__always)
    func backward(
        probabilities p: UnsafePointer<V.Scalar>, _ dy: UnsafePointer<V.Scalar>, _ dx: UnsafeMutablePointer<V.Scalar>,
        log: Bool
    ) {
        let plain = RowKernel(n: n, negated: false)
        let total = finiteOrNaN(log ? dot(dy, nil) : dot(p, dy))
        if log, total.isNaN, logSoftmaxBackwardBeyondRange(probability: { Double(p[$0]) }, dy, dx) { return }
        let scale = V(repeating: total)
        forEachChunk { i, whole in
            let q = plain.load(p, i, whole: whole, padding: 0)
            let g = plain.load(dy, i, whole: whole, padding: 0)
            let r = q * (g - scale)
            plain.store(log ? g - q * scale : negated ? -r : r, dx, i, whole: whole)  // −r: −1·r by a sign-bit flip
        }
    }

    /// dx = J(x)ᵀ·dy for log-softmax from its output y = ln softmax(x): dyᵢ − e^{yᵢ}·Σdy, in two
    /// passes (Σdy, then dx with the exponential taken in place). `dx` must not overlap `y` or `dy`.
    @inlinable @inline(__always)
    func backward(
        logProbabilities y: UnsafePointer<V.Scalar>, _ dy: UnsafePointer<V.Scalar>,
        _ dx: UnsafeMutablePointer<V.Scalar>
    ) {
        let plain = RowKernel(n: n, negated: false)
        let total = finiteOrNaN(dot(dy, nil))
        if total.isNaN, logSoftmaxBackwardBeyondRange(probability: { Double.exp(Double(y[$0])) }, dy, dx) { return }
        let scale = V(repeating: total)
        forEachChunk { i, whole in
            let p = exp(rarelyOutsideNormalRange: plain.load(y, i, whole: whole))
            let g = plain.load(dy, i, whole: whole, padding: 0)
            plain.store(g - p * scale, dx, i, whole: whole)
        }
    }
}
