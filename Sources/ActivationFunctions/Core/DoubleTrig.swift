import RealModule

/// Vectorised sin, cos, atan, tanh and asinh for `SIMD4<Double>` (quarantined with
/// `DoubleExpLog.swift`; measured by `DoubleElementaryTests`).
extension SIMD4 where Scalar == Double {
    /// Beyond it a lane of sin or cos takes the platform libm.
    @usableFromInline static var sinCosReductionLimit: Self { Self(repeating: 1_048_576) }  // 2²⁰

    /// x = n·π/2 + r with |r| ≤ π/4: r, and n as integer bits (only n mod 4 is used). π/2 is split
    /// into a first part of 33 bits (so x − n·C₁ is exact) and two full `Double`s, so that for
    /// |x| < 2²⁰ the part left after C₂ is under 2⁻⁶⁶ and r keeps its digits down to |r| ≈ 2⁻⁷⁰,
    /// far below the smallest r any `Double` in that range leaves: 6.2·10⁻¹⁹, at x = 45.553093477052
    /// (a search over every n with mpmath).
    @inlinable @inline(__always)
    static func quarterTurns(_ x: Self) -> (r: Self, n: Words) {
        let (n, k) = nearestInteger(x * Self(repeating: 0.636_619_772_367_581_4))  // 2/π
        let r = x.addingProduct(-n, Self(repeating: 1.570_796_326_734_125_614_17))
            .addingProduct(-n, Self(repeating: 6.077_100_506_506_192e-11))
            .addingProduct(-n, Self(repeating: 3.521_559_865_183_2e-27))
        return (r, k)
    }

    /// sin r and cos r for |r| ≤ π/4, given z = r² (fdlibm's __kernel_sin and __kernel_cos
    /// coefficients: within 0.035 and 0.013 ulp, checked with mpmath). cos r = w + ((1 − w) − z/2 +
    /// z²C(z)) with w = 1 − z/2, which recovers the rounding of w.
    @inlinable @inline(__always)
    static func sinCosOfReduced(_ r: Self, _ z: Self) -> (sin: Self, cos: Self) {
        let s = polynomial(
            z, (1.589_690_995_211_550_102_21e-10, -2.505_076_025_340_686_341_95e-8, 2.755_731_370_707_006_767_89e-6,
                -1.984_126_982_985_794_931_34e-4, 8.333_333_333_322_489_461_24e-3, -1.666_666_666_666_663_243_48e-1))
        let c = polynomial(
            z, (-1.135_964_755_778_819_482_65e-11, 2.087_572_321_298_174_827_90e-9, -2.755_731_435_139_066_330_35e-7,
                2.480_158_728_947_672_941_78e-5, -1.388_888_888_887_410_957_49e-3, 4.166_666_666_666_660_190_37e-2))
        let halfZ = Self(repeating: 0.5) * z
        let one = Self(repeating: 1)
        let w = one - halfZ
        let cosine = w + (((one - w) - halfZ) + (z * z) * c)
        return (r.addingProduct(r * z, s), cosine)
    }

    /// sin x and cos x together; lanes beyond 2²⁰ (and ±∞) take the platform libm. Measured: sin
    /// 1.445 ulp (at −53.16), cos 1.408 ulp (at −278.16): r's own rounding and the polynomial's.
    @inlinable @inline(__always)
    static func vectorSinCos(_ x: Self) -> (sin: Self, cos: Self) {
        let (r, n) = quarterTurns(x)
        let (s, c) = sinCosOfReduced(r, r * r)
        // Odd n swaps the two; sin changes sign when n mod 4 is 2 or 3, cos when it is 1 or 2.
        let swap = Words(repeating: 0) &- (n & 1)
        let sBits = unsafeBitCast(s, to: Words.self)
        let cBits = unsafeBitCast(c, to: Words.self)
        let sinSign = (n & 2) &<< 62
        let cosSign = ((n &+ 1) & 2) &<< 62
        var sine = unsafeBitCast(((sBits & ~swap) | (cBits & swap)) ^ sinSign, to: Self.self)
        var cosine = unsafeBitCast(((cBits & ~swap) | (sBits & swap)) ^ cosSign, to: Self.self)
        sine = sine.replacing(with: x, where: x .== 0)  // keeps the sign of −0
        let far = x.magnitude .> sinCosReductionLimit  // NaN compares false and stays NaN
        if anyLane(far) {
            for k in 0..<4 where far[k] {
                sine[k] = PlatformLibm.sin(x[k])
                cosine[k] = PlatformLibm.cos(x[k])
            }
        }
        return (sine, cosine)
    }

    @inlinable @inline(__always) static func vectorSin(_ x: Self) -> Self { vectorSinCos(x).sin }
    @inlinable @inline(__always) static func vectorCos(_ x: Self) -> Self { vectorSinCos(x).cos }

    /// atan x: Cephes' reduction (as `vectorAtan` for `Float`) with one shared division, then fdlibm's
    /// odd polynomial of degree 23 (within 0.04 ulp on |t| ≤ tan(π/8), checked with mpmath); π/2 and
    /// π/4 added as hi + lo, the sign of x copied bit for bit. Measured: 1.781 ulp (at −0.428).
    @inlinable @inline(__always)
    static func vectorAtan(_ x: Self) -> Self {
        let a = x.magnitude
        let one = Self(repeating: 1)
        let zero = Self(repeating: 0)
        let large = a .> 2.414_213_562_373_095
        let middle = a .> 0.414_213_562_373_095_03
        let numerator = a.replacing(with: a - one, where: middle).replacing(with: -one, where: large)
        let denominator = one.replacing(with: a + one, where: middle).replacing(with: a, where: large)
        let t = numerator / denominator
        let offsetHi = zero.replacing(with: Self(repeating: 0.785_398_163_397_448_3), where: middle)
            .replacing(with: Self(repeating: 1.570_796_326_794_896_6), where: large)
        let offsetLo = zero.replacing(with: Self(repeating: 3.061_616_997_868_383e-17), where: middle)
            .replacing(with: Self(repeating: 6.123_233_995_736_766e-17), where: large)
        let z = t * t
        let p = polynomial(
            z, (1.628_582_011_536_578_236_23e-2, -3.653_157_274_421_691_552_70e-2, 4.976_877_994_615_932_360_17e-2,
                -5.833_570_133_790_573_486_45e-2, 6.661_073_137_387_531_206_69e-2, -7.691_876_205_044_829_994_95e-2,
                9.090_887_133_436_506_561_96e-2, -1.111_111_040_546_235_578_80e-1, 1.428_571_427_250_346_637_11e-1,
                -1.999_999_999_987_648_324_76e-1, 3.333_333_333_333_293_180_27e-1))
        let r = t.addingProduct(-(t * z), p)
        return copyingSignBit(of: x, to: offsetHi + (r + offsetLo))
    }

    /// tanh x = −t/(t + 2) with t = e^{−2|x|} − 1 below |x| = 1, 1 − 2/(t + 2) with t = e^{2|x|} − 1
    /// above (glibc's split; one expm1 and one division either way), the sign of x copied. Measured:
    /// 2.216 ulp (at −0.5453; expm1's error, carried through the division).
    @inlinable @inline(__always)
    static func vectorTanh(_ x: Self) -> Self {
        let a = x.magnitude
        let two = Self(repeating: 2)
        let small = a .< 1
        let t = vectorExpMinusOne((two * a).replacing(with: -two * a, where: small))
        let v = two.replacing(with: -t, where: small) / (t + two)
        return copyingSignBit(of: x, to: (Self(repeating: 1) - v).replacing(with: v, where: small))
    }

    /// asinh x = ln(1 + t), t = a + a²/(1 + √(1 + a²)), a = |x|; ln a + ln 2 above 2²⁸, a below 2⁻²⁸
    /// (where the omitted terms are under 2⁻⁵⁶ of the result); the sign of x copied. Measured:
    /// 1.599 ulp (at −0.252).
    @inlinable @inline(__always)
    static func vectorAsinh(_ x: Self) -> Self {
        let a = x.magnitude
        let one = Self(repeating: 1)
        let square = a * a
        let t = a + square / (one + (one + square).squareRoot())
        let magnitude = vectorLogOnePlus(t)
            .replacing(with: vectorLog(a, plusLn2Times: one), where: a .> 268_435_456)  // 2²⁸
            .replacing(with: a, where: a .< 3.725_290_298_461_914e-9)  // 2⁻²⁸
        return copyingSignBit(of: x, to: magnitude)
    }

    /// `magnitude` (non-negative, or NaN) with the sign bit of `x`, so −0 stays −0.
    @inlinable @inline(__always)
    static func copyingSignBit(of x: Self, to magnitude: Self) -> Self {
        let signBit = unsafeBitCast(x, to: Words.self) & Words(repeating: 1 << 63)
        return unsafeBitCast(unsafeBitCast(magnitude, to: Words.self) | signBit, to: Self.self)
    }
}

/// The platform libm (glibc or Darwin's), reached through RealModule's protocols, for the rare lanes
/// the vectorised sin and cos hand back: `Double`'s `ElementaryLanes` witnesses are those vectorised
/// functions, so going through RealModule's protocol says, and guarantees, that the libm is meant.
@usableFromInline enum PlatformLibm {
    @inlinable static func sin<T: ElementaryFunctions>(_ x: T) -> T { T.sin(x) }
    @inlinable static func cos<T: ElementaryFunctions>(_ x: T) -> T { T.cos(x) }
}
