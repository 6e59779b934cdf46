/// Numbers carried as an unevaluated sum hi + lo, where the rounding error of a product matters.
///
/// Used where a function amplifies the rounding error of its own argument: in e^{−x²} the error of
/// x² is multiplied by x², and in GELU's left tail the error of x/√2 by about x². Exact products
/// come from a fused multiply-add; only first-order terms are kept (the dropped lo·lo terms are
/// below 2⁻¹⁰⁰ relative in `Double`, 2⁻⁴⁶ in `Float`).
@usableFromInline
struct DoubleDouble<L: Lanes> {
    @usableFromInline var hi: L
    @usableFromInline var lo: L

    @inlinable init(_ hi: L, _ lo: L) {
        self.hi = hi
        self.lo = lo
    }

    /// a·b exactly.
    @inlinable @inline(__always) static func product(_ a: L, _ b: L) -> Self {
        let hi = a * b
        return Self(hi, (-hi).addingProduct(a, b))
    }

    /// The constant (hi + lo)·x, with the constant's own rounding error carried in `lo`.
    @inlinable @inline(__always) static func product(_ constant: (hi: Double, lo: Double), _ x: L) -> Self {
        let c = L.splitting(constant)
        let exact = product(c.hi, x)
        return Self(exact.hi, exact.lo.addingProduct(c.lo, x))
    }

    /// a + b exactly (Knuth's two-sum).
    @inlinable @inline(__always) static func sum(_ a: L, _ b: L) -> Self {
        let s = a + b
        let bVirtual = s - a
        let aVirtual = s - bVirtual
        return Self(s, (a - aVirtual) + (b - bVirtual))
    }

    /// self · x, to first order.
    @inlinable @inline(__always) func times(_ x: L) -> Self {
        let exact = Self.product(hi, x)
        return Self(exact.hi, exact.lo.addingProduct(lo, x))
    }

    /// self · (constant hi + lo), to first order.
    @inlinable @inline(__always) func times(_ constant: (hi: Double, lo: Double)) -> Self {
        let c = L.splitting(constant)
        let exact = Self.product(hi, c.hi)
        let cross = (lo * c.hi).addingProduct(hi, c.lo)
        return Self(exact.hi, exact.lo + cross)
    }

    /// self + x, to first order.
    @inlinable @inline(__always) func plus(_ x: L) -> Self {
        let exact = Self.sum(hi, x)
        return Self(exact.hi, exact.lo + lo)
    }
}
