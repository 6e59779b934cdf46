import KernelIntrinsics

/// The sums the row kernels (`RowKernel`) add their exponentials and products with.

/// A row's sum of lanes, two sums fed alternately so that one addition's latency overlaps the next.
///
/// Lanes are summed with Kahan's compensation in each lane (`LaneSum`): four dependent additions per
/// register, about 2⁻²³ of Σ|terms| for `Float` lanes. With `floatInDouble`, `Float` lanes are added
/// in `Double` instead (`lanes_accumulate_float16`): each term is exact there, and the 32 running
/// sums (2 × 16 lanes) each add n/32 of a row's n terms, so the total errs by at most about
/// (n/32 + 6)·2⁻⁵³·Σ|terms|, near 2⁻⁴⁸ of it for a row of 1000 and below the compensated sum's error
/// for any row shorter than 2³⁴. The dot products of backward use it (1.2–1.4× faster there, see
/// <doc:Speed>); the exponentials' pass keeps the compensated sum, which costs it less than the
/// conversions do where the pass is bound by its arithmetic. `Double` lanes are always compensated.
@usableFromInline
struct LaneSums<V: SIMD & Lanes> where V.Scalar: BinaryFloatingPoint {
    @usableFromInline var current = LaneSum<V>()
    @usableFromInline var other = LaneSum<V>()
    @usableFromInline var wide = SIMD16<Double>()
    @usableFromInline var otherWide = SIMD16<Double>()
    /// `Float` lanes are added in `Double` (a constant wherever the kernels are inlined).
    @usableFromInline let inDouble: Bool

    @inlinable init(floatInDouble: Bool = false) {
        inDouble = floatInDouble && V.self == SIMD16<Float>.self
    }

    @inlinable @inline(__always) mutating func add(_ term: V) {
        if inDouble {
            wide = lanes_accumulate_float16(wide, unsafeBitCast(term, to: SIMD16<Float>.self))
            swap(&wide, &otherWide)
        } else {
            current.add(term)
            swap(&current, &other)
        }
    }

    /// Every lane of both, combined in `Double`. Added in `Double`: the two sums lane by lane, then
    /// their 16 lanes (six more roundings of 2⁻⁵³ on any path). Compensated: the two chains are first
    /// merged lane by lane (an exact two-sum of their sums; their compensations, each below an ulp of
    /// its sum, are added). `Float` lanes are then exact in `Double`, and plain `Double` additions of
    /// 2·16 of them lose under 2⁻⁴⁸ of Σ|terms|, far below the lanes' own compensated error, so four
    /// independent `Double` accumulators do; `Double` lanes keep Neumaier's compensation.
    @inlinable @inline(__always) var total: CompensatedSum {
        var total = CompensatedSum()
        if inDouble {
            let both = wide + otherWide
            var partial = (0.0, 0.0, 0.0, 0.0)
            var k = 0
            while k < 16 {
                partial.0 += both[k]
                partial.1 += both[k + 1]
                partial.2 += both[k + 2]
                partial.3 += both[k + 3]
                k += 4
            }
            total.add((partial.0 + partial.1) + (partial.2 + partial.3))
            return total
        }
        let merged = DoubleDouble.sum(current.sum, other.sum)
        let low = merged.lo - (current.compensation + other.compensation)
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
