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

    /// `self` where `self ≥ 0`, else 0 — keeping NaN, unlike `max(x, 0)`.
    @inlinable @inline(__always) package var positivePart: Self { replacing(with: Self(0), where: self .< Self(0)) }

    /// `self` where `self ≤ 0`, else 0 — keeping NaN.
    @inlinable @inline(__always) package var negativePart: Self { replacing(with: Self(0), where: self .> Self(0)) }

    /// `self` clamped to [lower, upper], keeping NaN.
    @inlinable @inline(__always)
    package func clamped(_ lower: Self, _ upper: Self) -> Self {
        replacing(with: lower, where: self .< lower).replacing(with: upper, where: self .> upper)
    }

    /// 1 where `mask` holds, else 0.
    @inlinable @inline(__always)
    package static func indicator(_ mask: Mask) -> Self { select(mask, Self(1), Self(0)) }
}
