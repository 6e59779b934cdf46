import KernelIntrinsics

/// Small lane-wise helpers that read like the math: `select(x .< 0, a, b)` is `x < 0 ? a : b`.
/// `package`: every module of this package writes math with them; clients of the package do not see
/// them on `Float` and `Double`.

/// `whenTrue` in the lanes where `mask` holds, `otherwise` elsewhere.
@inlinable @inline(__always)
package func select<L: Lanes>(_ mask: L.Mask, _ whenTrue: L, _ otherwise: L) -> L {
    otherwise.replacing(with: whenTrue, where: mask)
}

extension Lanes {
    /// +∞ in every lane.
    @inlinable @inline(__always) package static var infinity: Self { Self(.infinity) }

    /// The lanes holding NaN.
    @inlinable @inline(__always) package var isNaNMask: Mask { self .!= self }

    /// `self` with the lanes where `x` is ±∞ replaced by the limits there.
    @inlinable @inline(__always)
    package func replacingLimits(of x: Self, atPlusInfinity plus: Self, atMinusInfinity minus: Self) -> Self {
        replacing(with: plus, where: x .== .infinity).replacing(with: minus, where: x .== -.infinity)
    }

    /// `self` with its sign taken from `sign` (so 0 stays ±0 the way `sign` is).
    @inlinable @inline(__always)
    package func withSign(of sign: Self) -> Self {
        let positive = magnitude
        return select(sign .< Self(0), -positive, positive)
    }

    /// 0 with the sign of `self` (for odd functions that return zero on an interval).
    @inlinable @inline(__always) package var signedZero: Self { self * Self(0) }

    /// 0 with the sign of `self` for ±∞ too, where `signedZero`'s self·0 is NaN (the limit of a
    /// product whose other factor vanishes, as x·Φ(x) at −∞); NaN stays NaN and −0 stays −0.
    @inlinable @inline(__always) package var signedZeroOfAny: Self {
        signedZero.replacing(with: Self(0).withSign(of: self), where: magnitude .== .infinity)
    }

    /// `self` where `self ≥ 0`, else 0 — keeping NaN, unlike `max(x, 0)`.
    @inlinable @inline(__always) package var positivePart: Self { atLeast(Self(0)) }

    /// `self` where `self ≤ 0`, else 0 — keeping NaN.
    @inlinable @inline(__always) package var negativePart: Self { atMost(Self(0)) }

    /// `self` clamped to [lower, upper], keeping NaN.
    @inlinable @inline(__always)
    package func clamped(_ lower: Self, _ upper: Self) -> Self { atLeast(lower).atMost(upper) }

    /// `lower` where `self < lower`, else `self` (NaN and −0 kept). For `SIMD16<Float>` one `maxps` per
    /// register (`LaneMath.h`: the same select, bit for bit); the type test is decided at specialisation.
    @inlinable @inline(__always)
    package func atLeast(_ lower: Self) -> Self {
        guard Self.self == SIMD16<Float>.self else { return replacing(with: lower, where: self .< lower) }
        let (v, bound) = (unsafeBitCast(self, to: SIMD16<Float>.self), unsafeBitCast(lower, to: SIMD16<Float>.self))
        return unsafeBitCast(lanes_at_least_float16(v, bound), to: Self.self)
    }

    /// `upper` where `self > upper`, else `self` (NaN and −0 kept); `minps` for `SIMD16<Float>`.
    @inlinable @inline(__always)
    package func atMost(_ upper: Self) -> Self {
        guard Self.self == SIMD16<Float>.self else { return replacing(with: upper, where: self .> upper) }
        let (v, bound) = (unsafeBitCast(self, to: SIMD16<Float>.self), unsafeBitCast(upper, to: SIMD16<Float>.self))
        return unsafeBitCast(lanes_at_most_float16(v, bound), to: Self.self)
    }

    /// Whether any lane of `a` or of `b` holds. For `SIMD16<Float>` the masks are or-ed as integer lanes:
    /// the standard library's `.|` on two 16-lane masks packs them to bytes and back (seven
    /// instructions in the disassembly, in the range test of every exponential) before the test.
    @inlinable @inline(__always)
    package static func anyLane(_ a: Mask, or b: Mask) -> Bool {
        guard Self.self == SIMD16<Float>.self else { return anyLane(a .| b) }
        let (p, q) = (unsafeBitCast(a, to: SIMD16<Int32>.self), unsafeBitCast(b, to: SIMD16<Int32>.self))
        return lanes_any_int32x16(p | q) != 0
    }

    /// 1 where `mask` holds, else 0.
    @inlinable @inline(__always)
    package static func indicator(_ mask: Mask) -> Self { select(mask, Self(1), Self(0)) }
}
