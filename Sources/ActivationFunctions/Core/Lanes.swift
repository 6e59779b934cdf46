/// The numbers the activation math is written in.
///
/// Every activation is written once, generically over `Lanes`. A `Double` is a one-lane vector and
/// `SIMD4<Double>` has four lanes; a `Float` is one lane and `SIMD16<Float>` has sixteen. The scalar path
/// and the batch kernels run the same algorithm, so they agree bit for bit and one test proves both
/// (the idea comes from XNNPACK). The SIMD conformances are in `LanesSIMD.swift`.
///
/// `Float` inputs run in `Float` lanes for most functions; a function can ask for its `Float`
/// inputs to be widened to `Double` lanes and rounded once instead (`ElementwiseActivation.floatLanes`).
public protocol Lanes: Sendable {
    /// The lane-wise result of a comparison: `Bool` for one lane, `SIMDMask` for several.
    associatedtype Mask: LaneMask

    /// The value `constant` in every lane.
    init(_ constant: Double)

    /// Lane-wise sum, correctly rounded.
    static func + (lhs: Self, rhs: Self) -> Self
    /// Lane-wise difference, correctly rounded.
    static func - (lhs: Self, rhs: Self) -> Self
    /// Lane-wise product, correctly rounded.
    static func * (lhs: Self, rhs: Self) -> Self
    /// Lane-wise quotient, correctly rounded.
    static func / (lhs: Self, rhs: Self) -> Self
    /// −x in every lane, by flipping the sign bit (so −(+0) = −0).
    static prefix func - (operand: Self) -> Self

    /// The lanes where lhs < rhs (false where either is NaN).
    static func .< (lhs: Self, rhs: Self) -> Mask
    /// The lanes where lhs ≤ rhs (false where either is NaN).
    static func .<= (lhs: Self, rhs: Self) -> Mask
    /// The lanes where lhs > rhs (false where either is NaN).
    static func .> (lhs: Self, rhs: Self) -> Mask
    /// The lanes where lhs ≥ rhs (false where either is NaN).
    static func .>= (lhs: Self, rhs: Self) -> Mask
    /// The lanes where lhs = rhs (false where either is NaN).
    static func .== (lhs: Self, rhs: Self) -> Mask
    /// The lanes where lhs ≠ rhs (true where either is NaN: `x .!= x` finds NaN).
    static func .!= (lhs: Self, rhs: Self) -> Mask

    /// `other` in the lanes where `mask` is true, `self` elsewhere.
    func replacing(with other: Self, where mask: Mask) -> Self
    /// Whether `mask` is true in any lane: one mask test, for kernels that take a rare path only when
    /// some lane needs it (the standard library's `any(_:)` is a loop over lanes on this toolchain).
    static func anyLane(_ mask: Mask) -> Bool
    /// `self + a·b` with a single rounding (fused multiply-add).
    func addingProduct(_ a: Self, _ b: Self) -> Self
    /// √x in every lane, correctly rounded (one instruction for the vectors: `LaneMath.h`).
    func squareRoot() -> Self
    /// |self|, clearing the sign bit (so |−0| = +0 and NaN stays NaN).
    var magnitude: Self { get }

    /// A constant given as hi + lo (to about 106 bits), split into this precision's own hi + lo.
    static func splitting(_ constant: (hi: Double, lo: Double)) -> (hi: Self, lo: Self)
    /// `transform` of each lane, widened to `Double` and the result rounded back: a lane at a time, for
    /// the rare lanes that a kernel in `Float` lanes cannot resolve with its own arithmetic.
    func laneByLaneInDouble(_ transform: (Double) -> Double) -> Self
    /// `transform` of each pair of lanes (this one's and `other`'s), as `laneByLaneInDouble(_:)`.
    func laneByLaneInDouble(with other: Self, _ transform: (Double, Double) -> Double) -> Self
}

/// The lane-wise result of a comparison: `Bool` for one lane, `SIMDMask` for several.
public protocol LaneMask {
    /// Lane-wise and.
    static func .& (lhs: Self, rhs: Self) -> Self
    /// Lane-wise or.
    static func .| (lhs: Self, rhs: Self) -> Self
    /// Lane-wise not.
    static prefix func .! (operand: Self) -> Self
}

extension Bool: LaneMask {
    /// Lane-wise and of one-lane masks.
    @_spi(Lanes) @inlinable @inline(__always) public static func .& (lhs: Bool, rhs: Bool) -> Bool { lhs && rhs }
    /// Lane-wise or of one-lane masks.
    @_spi(Lanes) @inlinable @inline(__always) public static func .| (lhs: Bool, rhs: Bool) -> Bool { lhs || rhs }
    /// Lane-wise not of a one-lane mask.
    @_spi(Lanes) @inlinable @inline(__always) public static prefix func .! (operand: Bool) -> Bool { !operand }
}

extension SIMDMask: LaneMask {}

extension Double: Lanes {

    /// Whether lhs < rhs, as a one-lane mask (false where either is NaN).
    @_spi(Lanes) @inlinable @inline(__always) public static func .< (lhs: Double, rhs: Double) -> Bool { lhs < rhs }
    /// Whether lhs ≤ rhs, as a one-lane mask (false where either is NaN).
    @_spi(Lanes) @inlinable @inline(__always) public static func .<= (lhs: Double, rhs: Double) -> Bool { lhs <= rhs }
    /// Whether lhs > rhs, as a one-lane mask (false where either is NaN).
    @_spi(Lanes) @inlinable @inline(__always) public static func .> (lhs: Double, rhs: Double) -> Bool { lhs > rhs }
    /// Whether lhs ≥ rhs, as a one-lane mask (false where either is NaN).
    @_spi(Lanes) @inlinable @inline(__always) public static func .>= (lhs: Double, rhs: Double) -> Bool { lhs >= rhs }
    /// Whether lhs = rhs, as a one-lane mask (false where either is NaN).
    @_spi(Lanes) @inlinable @inline(__always) public static func .== (lhs: Double, rhs: Double) -> Bool { lhs == rhs }
    /// Whether lhs ≠ rhs, as a one-lane mask (true where either is NaN).
    @_spi(Lanes) @inlinable @inline(__always) public static func .!= (lhs: Double, rhs: Double) -> Bool { lhs != rhs }

    /// `other` where `mask` is true, else `self`.
    @_spi(Lanes) @inlinable @inline(__always) public func replacing(with other: Double, where mask: Bool) -> Double {
        mask ? other : self
    }

    /// The mask itself: one lane.
    @_spi(Lanes) @inlinable @inline(__always) public static func anyLane(_ mask: Bool) -> Bool { mask }

    /// `transform(self)`.
    @_spi(Lanes) @inlinable @inline(__always) public func laneByLaneInDouble(_ transform: (Double) -> Double) -> Double {
        transform(self)
    }

    /// `transform(self, other)`.
    @_spi(Lanes) @inlinable @inline(__always) public func laneByLaneInDouble(
        with other: Double, _ transform: (Double, Double) -> Double
    ) -> Double { transform(self, other) }

    /// The constant as given: a `Double` keeps hi and lo apart.
    @_spi(Lanes) @inlinable @inline(__always) public static func splitting(_ c: (hi: Double, lo: Double)) -> (
        hi: Double, lo: Double
    ) { c }
}

extension Float: Lanes {
    /// Whether lhs < rhs, as a one-lane mask (false where either is NaN).
    @_spi(Lanes) @inlinable @inline(__always) public static func .< (lhs: Float, rhs: Float) -> Bool { lhs < rhs }
    /// Whether lhs ≤ rhs, as a one-lane mask (false where either is NaN).
    @_spi(Lanes) @inlinable @inline(__always) public static func .<= (lhs: Float, rhs: Float) -> Bool { lhs <= rhs }
    /// Whether lhs > rhs, as a one-lane mask (false where either is NaN).
    @_spi(Lanes) @inlinable @inline(__always) public static func .> (lhs: Float, rhs: Float) -> Bool { lhs > rhs }
    /// Whether lhs ≥ rhs, as a one-lane mask (false where either is NaN).
    @_spi(Lanes) @inlinable @inline(__always) public static func .>= (lhs: Float, rhs: Float) -> Bool { lhs >= rhs }
    /// Whether lhs = rhs, as a one-lane mask (false where either is NaN).
    @_spi(Lanes) @inlinable @inline(__always) public static func .== (lhs: Float, rhs: Float) -> Bool { lhs == rhs }
    /// Whether lhs ≠ rhs, as a one-lane mask (true where either is NaN).
    @_spi(Lanes) @inlinable @inline(__always) public static func .!= (lhs: Float, rhs: Float) -> Bool { lhs != rhs }

    /// `other` where `mask` is true, else `self`.
    @_spi(Lanes) @inlinable @inline(__always) public func replacing(with other: Float, where mask: Bool) -> Float {
        mask ? other : self
    }

    /// The mask itself: one lane.
    @_spi(Lanes) @inlinable @inline(__always) public static func anyLane(_ mask: Bool) -> Bool { mask }

    /// `transform` of the value widened to `Double`, rounded to `Float`.
    @_spi(Lanes) @inlinable @inline(__always) public func laneByLaneInDouble(_ transform: (Double) -> Double) -> Float {
        Float(transform(Double(self)))
    }

    /// `transform` of both values widened to `Double`, rounded to `Float`.
    @_spi(Lanes) @inlinable @inline(__always) public func laneByLaneInDouble(
        with other: Float, _ transform: (Double, Double) -> Double
    ) -> Float { Float(transform(Double(self), Double(other))) }

    /// hi rounded to `Float`; lo is what that rounding lost, plus the constant's own lo.
    @_spi(Lanes) @inlinable @inline(__always) public static func splitting(_ c: (hi: Double, lo: Double)) -> (
        hi: Float, lo: Float
    ) {
        let hi = Float(c.hi)
        return (hi, Float((c.hi - Double(hi)) + c.lo))
    }
}
