/// The numbers the activation math is written in.
///
/// Every activation is written once, generically over `Lanes`. A `Double` is a one-lane vector and
/// `SIMD4<Double>` has four lanes; the scalar path and the batch kernels run the same algorithm, so
/// they agree bit for bit and one test proves both (the idea comes from XNNPACK).
///
/// `Float` inputs are widened to `Double`, computed, and rounded once on the way out, so a `Float`
/// result is within about half an ulp of the exact value (see `Kernels.swift`).
public protocol Lanes: Sendable {
    associatedtype Mask: LaneMask

    /// The value `constant` in every lane.
    init(_ constant: Double)

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self

    static func .< (lhs: Self, rhs: Self) -> Mask
    static func .<= (lhs: Self, rhs: Self) -> Mask
    static func .> (lhs: Self, rhs: Self) -> Mask
    static func .>= (lhs: Self, rhs: Self) -> Mask
    static func .== (lhs: Self, rhs: Self) -> Mask
    static func .!= (lhs: Self, rhs: Self) -> Mask

    /// `other` in the lanes where `mask` is true, `self` elsewhere.
    func replacing(with other: Self, where mask: Mask) -> Self
    /// `self + a·b` with a single rounding (fused multiply-add).
    func addingProduct(_ a: Self, _ b: Self) -> Self
    func squareRoot() -> Self
    /// |self|, clearing the sign bit (so |−0| = +0 and NaN stays NaN).
    var magnitude: Self { get }
}

/// The lane-wise result of a comparison: `Bool` for one lane, `SIMDMask` for several.
public protocol LaneMask {
    static func .& (lhs: Self, rhs: Self) -> Self
    static func .| (lhs: Self, rhs: Self) -> Self
    static prefix func .! (operand: Self) -> Self
}

extension Bool: LaneMask {
    @inlinable public static func .& (lhs: Bool, rhs: Bool) -> Bool { lhs && rhs }
    @inlinable public static func .| (lhs: Bool, rhs: Bool) -> Bool { lhs || rhs }
    @inlinable public static prefix func .! (operand: Bool) -> Bool { !operand }
}

extension SIMDMask: LaneMask {}

extension Double: Lanes {
    
    @inlinable public static func .< (lhs: Double, rhs: Double) -> Bool { lhs < rhs }
    @inlinable public static func .<= (lhs: Double, rhs: Double) -> Bool { lhs <= rhs }
    @inlinable public static func .> (lhs: Double, rhs: Double) -> Bool { lhs > rhs }
    @inlinable public static func .>= (lhs: Double, rhs: Double) -> Bool { lhs >= rhs }
    @inlinable public static func .== (lhs: Double, rhs: Double) -> Bool { lhs == rhs }
    @inlinable public static func .!= (lhs: Double, rhs: Double) -> Bool { lhs != rhs }

    @inlinable public func replacing(with other: Double, where mask: Bool) -> Double {
        mask ? other : self
    }
}

extension SIMD4: Lanes where Scalar == Double {
    @inlinable public init(_ constant: Double) { self.init(repeating: constant) }

    /// −x by flipping the sign bit. The standard library's SIMD negation computes 0 − x, which turns
    /// −(+0) into +0 and would break bit-identity with the scalar path.
    @inlinable public static prefix func - (operand: SIMD4<Double>) -> SIMD4<Double> {
        let signBit = SIMD4<UInt64>(repeating: 1 << 63)
        return unsafeBitCast(unsafeBitCast(operand, to: SIMD4<UInt64>.self) ^ signBit, to: SIMD4<Double>.self)
    }

    @inlinable public var magnitude: SIMD4<Double> {
        let signMask = SIMD4<UInt64>(repeating: ~(1 << 63))
        let bits = unsafeBitCast(self, to: SIMD4<UInt64>.self) & signMask
        return unsafeBitCast(bits, to: SIMD4<Double>.self)
    }
}
