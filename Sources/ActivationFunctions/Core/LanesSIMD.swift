import KernelIntrinsics

/// The wide lanes: `SIMD4<Double>` (one AVX2 register) and `SIMD16<Float>` (one AVX-512 register, or
/// two AVX2 ones). `Float` runs 16 lanes because a CPU with AVX-512 then fills its registers (PyTorch's
/// kernels do the same), and one without loses nothing: LLVM splits the vector into halves.
///
/// Negation and magnitude work on the sign bit: the standard library's SIMD negation computes
/// 0 − x, which turns −(+0) into +0 and would break bit-identity with the scalar path.
extension SIMD4: Lanes where Scalar == Double {
    /// `constant` in all four lanes.
    @_spi(Lanes) @inlinable @inline(__always) public init(_ constant: Double) { self.init(repeating: constant) }

    /// −x by flipping the sign bit. The standard library's SIMD negation computes 0 − x, which turns
    /// −(+0) into +0 and would break bit-identity with the scalar path.
    @inlinable @inline(__always) public static prefix func - (operand: SIMD4<Double>) -> SIMD4<Double> {
        let signBit = SIMD4<UInt64>(repeating: 1 << 63)
        return unsafeBitCast(unsafeBitCast(operand, to: SIMD4<UInt64>.self) ^ signBit, to: SIMD4<Double>.self)
    }

    /// |x| in every lane, by clearing the sign bit (|−0| = +0; NaN stays NaN).
    @inlinable @inline(__always) public var magnitude: SIMD4<Double> {
        let signMask = SIMD4<UInt64>(repeating: ~(1 << 63))
        let bits = unsafeBitCast(self, to: SIMD4<UInt64>.self) & signMask
        return unsafeBitCast(bits, to: SIMD4<Double>.self)
    }

    /// √x in one instruction (the standard library's is a lane loop here; `LaneMath.h`).
    @inlinable @inline(__always) public func squareRoot() -> SIMD4<Double> { lanes_sqrt_double4(self) }

    /// self + a·b, fused. Declared in every build, so that the public API does not change with the build's
    /// flags. On x86-64 it goes through `LaneMath.h`: the fused instruction where the compiler may use
    /// it; elsewhere (a build for baseline x86-64: a dependent package's without flags, debug builds)
    /// with glibc one call per half vector to a function the dynamic loader picks for the CPU, instead of
    /// the `fma` call per lane, each spilling the live vectors, that LLVM makes of the standard library's.
    /// The same bits in every build.
    @inlinable @inline(__always) public func addingProduct(_ a: Self, _ b: Self) -> Self {
        #if arch(x86_64) && !TUNED_FOR_TARGET_CPU
            lanes_multiply_add_double4(a, b, self)
        #else
            fusedMultiplyAdd(self, a, b)
        #endif
    }

    /// `transform` of each lane, lane by lane.
    @_spi(Lanes) public func laneByLaneInDouble(_ transform: (Double) -> Double) -> SIMD4<Double> {
        var result = self
        for lane in indices { result[lane] = transform(self[lane]) }
        return result
    }

    /// `transform` of each pair of lanes, lane by lane.
    @_spi(Lanes) public func laneByLaneInDouble(
        with other: SIMD4<Double>, _ transform: (Double, Double) -> Double
    ) -> SIMD4<Double> {
        var result = self
        for lane in indices { result[lane] = transform(self[lane], other[lane]) }
        return result
    }

    /// Whether any lane of `mask` is set, in one mask test (`LaneMath.h`).
    @inlinable @inline(__always) public static func anyLane(_ mask: SIMDMask<SIMD4<Int64>>) -> Bool {
        lanes_any_int64x4(unsafeBitCast(mask, to: SIMD4<Int64>.self)) != 0
    }

    /// hi and lo, each in all four lanes.
    @_spi(Lanes) @inlinable @inline(__always) public static func splitting(_ c: (hi: Double, lo: Double)) -> (
        hi: Self, lo: Self
    ) {
        (Self(c.hi), Self(c.lo))
    }
}

extension SIMD16: Lanes where Scalar == Float {
    /// `constant` rounded to `Float`, in all sixteen lanes.
    @_spi(Lanes) @inlinable @inline(__always) public init(_ constant: Double) { self.init(repeating: Float(constant)) }

    /// −x by flipping the sign bit, so −(+0) = −0 as in the scalar path (the standard library computes 0 − x).
    @inlinable @inline(__always) public static prefix func - (operand: SIMD16<Float>) -> SIMD16<Float> {
        let signBit = SIMD16<UInt32>(repeating: 1 << 31)
        return unsafeBitCast(unsafeBitCast(operand, to: SIMD16<UInt32>.self) ^ signBit, to: SIMD16<Float>.self)
    }

    /// |x| in every lane, by clearing the sign bit (|−0| = +0; NaN stays NaN).
    @inlinable @inline(__always) public var magnitude: SIMD16<Float> {
        let signMask = SIMD16<UInt32>(repeating: ~(1 << 31))
        let bits = unsafeBitCast(self, to: SIMD16<UInt32>.self) & signMask
        return unsafeBitCast(bits, to: SIMD16<Float>.self)
    }

    /// √x in every lane, correctly rounded, in one instruction (the standard library's is a lane loop here;
    /// `LaneMath.h`).
    @inlinable @inline(__always) public func squareRoot() -> SIMD16<Float> { lanes_sqrt_float16(self) }

    /// self + a·b. Declared in every build, so that the public API does not change with the build's flags.
    /// A build for baseline x86-64 (no `-target-cpu`: a dependent package's build, and debug builds) may
    /// not use the fused instruction, and LLVM makes the standard library's `addingProduct` one `fmaf`
    /// call per lane; there this forms the product in `Double` instead (`LaneMath.h`: exact wherever the
    /// fused result is exactly representable, as in every error-free transformation here; elsewhere the
    /// fused result but for rare double roundings). Other builds use the standard library's fused one.
    @inlinable @inline(__always) public func addingProduct(_ a: Self, _ b: Self) -> Self {
        #if arch(x86_64) && !TUNED_FOR_TARGET_CPU
            lanes_multiply_add_float16(a, b, self)
        #else
            fusedMultiplyAdd(self, a, b)
        #endif
    }

    /// `transform` of each lane widened to `Double`, rounded back to `Float`, lane by lane.
    @_spi(Lanes) public func laneByLaneInDouble(_ transform: (Double) -> Double) -> SIMD16<Float> {
        var result = self
        for lane in indices { result[lane] = Float(transform(Double(self[lane]))) }
        return result
    }

    /// `transform` of each pair of lanes widened to `Double`, rounded back to `Float`, lane by lane.
    @_spi(Lanes) public func laneByLaneInDouble(
        with other: SIMD16<Float>, _ transform: (Double, Double) -> Double
    ) -> SIMD16<Float> {
        var result = self
        for lane in indices { result[lane] = Float(transform(Double(self[lane]), Double(other[lane]))) }
        return result
    }

    /// Whether any lane of `mask` is set, in one mask test (`LaneMath.h`).
    @inlinable @inline(__always) public static func anyLane(_ mask: SIMDMask<SIMD16<Int32>>) -> Bool {
        lanes_any_int32x16(unsafeBitCast(mask, to: SIMD16<Int32>.self)) != 0
    }

    /// The constant split as `Float.splitting(_:)` does, each part in all sixteen lanes.
    @_spi(Lanes) @inlinable @inline(__always) public static func splitting(_ c: (hi: Double, lo: Double)) -> (
        hi: Self, lo: Self
    ) {
        let (hi, lo) = Float.splitting(c)
        return (Self(repeating: hi), Self(repeating: lo))
    }
}

/// c + a·b through the standard library's `SIMD.addingProduct` (one fused instruction per register when
/// the build targets a CPU with FMA). Generic, so that the call inside `SIMD16.addingProduct` reaches the
/// standard library's method rather than the `Lanes` one of the same name.
@inlinable @inline(__always)
func fusedMultiplyAdd<V: SIMD>(_ c: V, _ a: V, _ b: V) -> V where V.Scalar: FloatingPoint { c.addingProduct(a, b) }
