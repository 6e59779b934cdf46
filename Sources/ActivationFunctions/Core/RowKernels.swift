import RealModule

/// SIMD kernels for the softmax family over contiguous rows (`SIMD16<Float>` or `SIMD4<Double>` lanes).
///
/// Per row: one pass for the maximum (+∞ makes the row NaN), one for the exponentials and their sum
/// (a NaN entry makes the sum NaN, and the row NaN), one to normalise. x − max is carried exactly (two-sum) and
/// e^{hi + lo} = e^{hi}·(1 + lo), so tiny probabilities keep their digits. For log-softmax the sum
/// leaves out one entry equal to the maximum (its e^0 = 1), so it can use ln(1 + rest) without
/// cancellation; each lane sums with Kahan's compensation (`LaneSum`), and the lanes are combined
/// in `Double`. Softmax normalises by multiplying with 1/sum and correcting once (`quotient`).
/// A short last chunk is padded with −∞, which adds nothing to either the maximum or the sum.
@usableFromInline
struct RowKernel<V: SIMD & ElementaryLanes> where V.Scalar: BinaryFloatingPoint & ElementaryLanes {
    @usableFromInline let n: Int
    /// softmin: the row is negated as it is read.
    @usableFromInline let negated: Bool

    @inlinable init(n: Int, negated: Bool) {
        self.n = n
        self.negated = negated
    }

    /// The chunk at `i`, negated for softmin, padded past the end of the row (−∞ by default).
    @inlinable @inline(__always)
    func load(_ x: UnsafePointer<V.Scalar>, _ i: Int, padding: V.Scalar = -.infinity) -> V {
        if i + V.scalarCount <= n {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            return negated ? -v : v
        }
        var v = V(repeating: padding)
        for k in 0..<(n - i) { v[k] = negated ? -x[i + k] : x[i + k] }
        return v
    }

    @inlinable @inline(__always)
    func store(_ v: V, _ y: UnsafeMutablePointer<V.Scalar>, _ i: Int) {
        if i + V.scalarCount <= n {
            UnsafeMutableRawPointer(y + i).storeBytes(of: v, as: V.self)
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
        var i = 0
        while i < n {
            let v = load(x, i)
            top = top.replacing(with: v, where: v .> top)
            swap(&top, &otherTop)  // alternate between two running maxima, so that their chains overlap
            i += V.scalarCount
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
        var i = 0
        while i < n {
            sums.add(exponential(x, i, top, into: y, ties: &ties, leavingOutOneMaximum: leavingOutOneMaximum))
            i += V.scalarCount
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
        _ x: UnsafePointer<V.Scalar>, _ i: Int, _ top: V, into y: UnsafeMutablePointer<V.Scalar>?, ties: inout V,
        leavingOutOneMaximum: Bool
    ) -> V {
        let v = load(x, i)
        let d = shifted(v, top)
        let p = exp(rarelyOutsideNormalRange: d.hi)
        let e = p.addingProduct(p, d.lo)
        if let y { store(e, y, i) }
        guard leavingOutOneMaximum else { return e }
        let isTop = v .== top
        ties = ties + V.indicator(isTop)
        return e.replacing(with: V(repeating: 0), where: isTop)
    }

    /// Σ a·b over the row (the lanes compensated, combined in `Double`); b = 1 when nil.
    @inlinable @inline(__always)
    func dot(_ a: UnsafePointer<V.Scalar>, _ b: UnsafePointer<V.Scalar>?) -> Double {
        let plain = RowKernel(n: n, negated: false)
        var sums = LaneSums<V>()
        var i = 0
        while i < n {
            let u = plain.load(a, i, padding: 0)
            sums.add(b.map { u * plain.load($0, i, padding: 0) } ?? u)
            i += V.scalarCount
        }
        return sums.total.value
    }

    /// softmax (or log-softmax) of the row `x` into `y`; `y` may be `x`.
    @inlinable @inline(__always)
    func forward(_ x: UnsafePointer<V.Scalar>, _ y: UnsafeMutablePointer<V.Scalar>, log: Bool) {
        guard let m = maximum(x) else { return y.update(repeating: .nan, count: n) }
        let plain = RowKernel(n: n, negated: false)
        var i = 0
        if log {
            let rest = exponentials(x, m, into: nil, leavingOutOneMaximum: true)
            guard !rest.isNaN else { return y.update(repeating: .nan, count: n) }
            let top = V(repeating: m)
            let logSum = V(repeating: V.Scalar(Double.log(onePlus: rest)))
            while i < n {
                let d = shifted(load(x, i), top)
                store((d.hi - logSum) + d.lo, y, i)
                i += V.scalarCount
            }
        } else {
            let total = exponentials(x, m, into: y, leavingOutOneMaximum: false)
            guard !total.isNaN else { return y.update(repeating: .nan, count: n) }
            let sum = V(repeating: V.Scalar(total))
            let reciprocal = V(repeating: 1) / sum
            while i < n {
                plain.store(quotient(plain.load(y, i), sum, reciprocal), y, i)
                i += V.scalarCount
            }
        }
    }

    /// e/s from r = 1/s without a division: q = e·r, then one correction by the exact residual
    /// e − q·s (a fused multiply-add), which leaves q within about ½ ulp of e/s.
    @inlinable @inline(__always)
    func quotient(_ e: V, _ s: V, _ r: V) -> V {
        let q = e * r
        return q.addingProduct(e.addingProduct(-q, s), r)
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
        let scale = V(repeating: V.Scalar(log ? dot(dy, nil) : dot(p, dy)))
        let sign = V(repeating: negated ? -1 : 1)
        var i = 0
        while i < n {
            let q = plain.load(p, i, padding: 0)
            let g = plain.load(dy, i, padding: 0)
            plain.store(log ? g - q * scale : sign * (q * (g - scale)), dx, i)
            i += V.scalarCount
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
        let scale = V(repeating: V.Scalar(dot(dy, nil)))
        var i = 0
        while i < n {
            let p = exp(rarelyOutsideNormalRange: plain.load(y, i))
            let g = plain.load(dy, i, padding: 0)
            plain.store(g - p * scale, dx, i)
            i += V.scalarCount
        }
    }
}

/// Two compensated lane sums fed alternately: each Kahan step waits on the previous one (four
/// dependent additions), so with a single sum a row's loop would wait on that chain.
@usableFromInline
struct LaneSums<V: SIMD & Lanes> where V.Scalar: BinaryFloatingPoint {
    @usableFromInline var current = LaneSum<V>()
    @usableFromInline var other = LaneSum<V>()

    @inlinable init() {}

    @inlinable @inline(__always) mutating func add(_ term: V) {
        current.add(term)
        swap(&current, &other)
    }

    /// Every lane of both, combined in `Double`. The two chains are first merged lane by lane (an
    /// exact two-sum of their sums; their compensations, each below an ulp of its sum, are added).
    /// `Float` lanes are then exact in `Double`, and plain `Double` additions of 2·16 of them lose
    /// under 2⁻⁴⁸ of Σ|terms|, far below the lanes' own compensated error (about 2⁻²³ of it), so four
    /// independent `Double` accumulators do; `Double` lanes keep Neumaier's compensation.
    @inlinable @inline(__always) var total: CompensatedSum {
        let merged = DoubleDouble.sum(current.sum, other.sum)
        let low = merged.lo - (current.compensation + other.compensation)
        var total = CompensatedSum()
        if V.Scalar.self == Float.self {
            var partial = (0.0, 0.0, 0.0, 0.0)
            var k = 0
            while k + 1 < V.scalarCount {
                partial.0 += Double(merged.hi[k])
                partial.1 += Double(merged.hi[k + 1])
                partial.2 += Double(low[k])
                partial.3 += Double(low[k + 1])
                k += 2
            }
            if k < V.scalarCount {
                partial.0 += Double(merged.hi[k])
                partial.2 += Double(low[k])
            }
            total.add((partial.0 + partial.1) + (partial.2 + partial.3))
        } else {
            for k in 0..<V.scalarCount {
                total.add(Double(merged.hi[k]))
                total.add(Double(low[k]))
            }
        }
        return total
    }
}

/// Kahan's compensated sum in each lane: the running sum and what its roundings lost so far.
@usableFromInline
struct LaneSum<V: SIMD & Lanes> where V.Scalar: BinaryFloatingPoint {
    @usableFromInline var sum = V(0)
    @usableFromInline var compensation = V(0)

    @inlinable init() {}

    @inlinable @inline(__always) mutating func add(_ term: V) {
        let corrected = term - compensation
        let t = sum + corrected
        compensation = (t - sum) - corrected
        sum = t
    }
}

/// Neumaier's compensated sum in `Double`: error about 2ε, independent of the number of terms.
@usableFromInline
struct CompensatedSum {
    @usableFromInline var sum = 0.0
    @usableFromInline var compensation = 0.0

    @inlinable init() {}

    @inlinable mutating func add(_ v: Double) {
        let t = sum + v
        compensation += abs(sum) >= abs(v) ? (sum - t) + v : (v - t) + sum
        sum = t
    }

    @inlinable var value: Double { sum + compensation }
}
