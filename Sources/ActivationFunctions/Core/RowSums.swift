/// The compensated sums the row kernels (`RowKernel`) add their exponentials with.

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
