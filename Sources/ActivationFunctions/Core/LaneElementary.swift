import RealModule

/// The elementary functions the catalog is built from, named as in swift-numerics' `RealModule`.
///
/// - `Double` gets them from `RealModule` (the platform libm: glibc on Linux, within 1–2 ulp), and
///   `SIMD4<Double>` applies the same functions lane by lane.
/// - `SIMD16<Float>` has vectorised exp, expm1, ln(1 + x), tanh, erfc, the normal distribution, sin,
///   cos and atan (`FloatExpLog.swift`, `FloatTanh.swift`, `FloatErfc.swift`, `FloatSinCos.swift`,
///   `FloatAtan.swift`, each with its measured error); the rest run lane by lane on the `Float` libm.
///   A `Float` is lane 0 of a splat, so the scalar path and the batch kernels agree bit for bit.
public protocol ElementaryLanes: Lanes {
    static func exp(_ x: Self) -> Self
    /// e^x where only normal results matter: for `Float`, results below 2⁻¹²⁶ may come out as about
    /// 2⁻¹²⁶ (σ and tanh use it where such a term vanishes beside 1). The same as `exp` elsewhere.
    static func expNormalRange(_ x: Self) -> Self
    /// factor·e^x, keeping its digits where e^x alone would be subnormal but the product is not.
    static func exp(_ x: Self, times factor: Self) -> Self
    static func expMinusOne(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func log(onePlus x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func erfc(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func atan(_ x: Self) -> Self
    static func asinh(_ x: Self) -> Self
    /// factor·Φ(x), Φ the standard normal distribution function, keeping its digits where Φ(x)
    /// alone would underflow but the product does not (GELU's left tail).
    static func normalCDF(_ x: Self, times factor: Self) -> Self
    /// φ(x) = e^{−x²/2}/√(2π), the standard normal density.
    static func normalDensity(_ x: Self) -> Self
}

/// Φ and φ from erfc and exp (the `Double` lanes): Φ(x) = ½erfc(z) with z = −x/√2 carried as hi + lo,
/// because erfc amplifies the rounding of z about 2z²-fold: erfc(hi + lo) ≈ erfc(hi) − (2/√π)e^{−hi²}·lo.
extension ElementaryLanes {
    public static func normalCDF(_ x: Self, times factor: Self) -> Self {
        let z = DoubleDouble.product((hi: 0.7071067811865476, lo: -4.833646656726457e-17), -x)
        let slope = Self(1.1283791670955126) * exp(-(z.hi * z.hi))  // −erfc′(z) = (2/√π)e^{−z²}
        return Self(0.5) * factor * erfc(z.hi).addingProduct(-slope, z.lo)
    }

    public static func normalDensity(_ x: Self) -> Self { Self(0.3989422804014327) * exp(Self(-0.5) * x * x) }
}

extension Double: ElementaryLanes {
    public static func expNormalRange(_ x: Double) -> Double { exp(x) }
    public static func exp(_ x: Double, times factor: Double) -> Double { factor * exp(x) }
}

extension SIMD4: ElementaryLanes where Scalar == Double {
    @inline(__always)
    private static func eachLane(_ x: Self, _ f: (Double) -> Double) -> Self {
        Self(f(x[0]), f(x[1]), f(x[2]), f(x[3]))
    }

    public static func exp(_ x: Self) -> Self { eachLane(x, Double.exp) }
    public static func expNormalRange(_ x: Self) -> Self { exp(x) }
    public static func exp(_ x: Self, times factor: Self) -> Self { factor * exp(x) }
    public static func expMinusOne(_ x: Self) -> Self { eachLane(x, Double.expMinusOne) }
    public static func log(_ x: Self) -> Self { eachLane(x) { Double.log($0) } }
    public static func log(onePlus x: Self) -> Self { eachLane(x) { Double.log(onePlus: $0) } }
    public static func tanh(_ x: Self) -> Self { eachLane(x, Double.tanh) }
    public static func erfc(_ x: Self) -> Self { eachLane(x, Double.erfc) }
    public static func sin(_ x: Self) -> Self { eachLane(x, Double.sin) }
    public static func cos(_ x: Self) -> Self { eachLane(x, Double.cos) }
    public static func atan(_ x: Self) -> Self { eachLane(x, Double.atan) }
    public static func asinh(_ x: Self) -> Self { eachLane(x, Double.asinh) }
}

extension SIMD16: ElementaryLanes where Scalar == Float {
    @inline(__always)
    private static func eachLane(_ x: Self, _ f: (Float) -> Float) -> Self {
        var y = x
        for k in 0..<16 { y[k] = f(x[k]) }
        return y
    }

    @inlinable @inline(__always) public static func exp(_ x: Self) -> Self { vectorExp(x) }
    @inlinable @inline(__always) public static func expNormalRange(_ x: Self) -> Self { vectorExpNormalRange(x) }
    /// Below x = −110, where `vectorExp` clamps its argument, the product is taken as factor·0.
    @inlinable @inline(__always) public static func exp(_ x: Self, times factor: Self) -> Self {
        vectorExp(x, times: factor).replacing(with: factor * Self(repeating: 0), where: x .< -110)
    }
    @inlinable @inline(__always) public static func expMinusOne(_ x: Self) -> Self { vectorExpMinusOne(x) }
    @inlinable @inline(__always) public static func log(onePlus x: Self) -> Self { vectorLogOnePlus(x) }
    @inlinable @inline(__always) public static func tanh(_ x: Self) -> Self { vectorTanh(x) }
    public static func log(_ x: Self) -> Self { eachLane(x) { Float.log($0) } }
    @inlinable @inline(__always) public static func erfc(_ x: Self) -> Self { vectorErfc(x) }
    @inlinable @inline(__always) public static func normalCDF(_ x: Self, times factor: Self) -> Self {
        vectorNormalCDF(x, times: factor)
    }
    @inlinable @inline(__always) public static func normalDensity(_ x: Self) -> Self { vectorNormalDensity(x) }
    @inlinable @inline(__always) public static func sin(_ x: Self) -> Self { vectorSin(x) }
    @inlinable @inline(__always) public static func cos(_ x: Self) -> Self { vectorCos(x) }
    @inlinable @inline(__always) public static func atan(_ x: Self) -> Self { vectorAtan(x) }
    public static func asinh(_ x: Self) -> Self { eachLane(x, Float.asinh) }
}

/// A `Float` is one lane: the vectorised functions run on a splat and lane 0 is kept, so a scalar
/// `Float` gets exactly what a batch kernel gives; the libm ones are called directly.
extension Float: ElementaryLanes {
    @inline(__always)
    static func lane0(_ x: Float, _ f: (SIMD16<Float>) -> SIMD16<Float>) -> Float {
        f(SIMD16(repeating: x))[0]
    }

    public static func exp(_ x: Float) -> Float { lane0(x, SIMD16.vectorExp) }
    public static func expNormalRange(_ x: Float) -> Float { lane0(x, SIMD16.vectorExpNormalRange) }
    public static func exp(_ x: Float, times factor: Float) -> Float {
        SIMD16.exp(SIMD16(repeating: x), times: SIMD16(repeating: factor))[0]
    }
    public static func expMinusOne(_ x: Float) -> Float { lane0(x, SIMD16.vectorExpMinusOne) }
    public static func log(onePlus x: Float) -> Float { lane0(x, SIMD16.vectorLogOnePlus) }
    public static func tanh(_ x: Float) -> Float { lane0(x, SIMD16.vectorTanh) }
    public static func erfc(_ x: Float) -> Float { lane0(x, SIMD16.vectorErfc) }
    public static func normalCDF(_ x: Float, times factor: Float) -> Float {
        SIMD16.vectorNormalCDF(SIMD16(repeating: x), times: SIMD16(repeating: factor))[0]
    }
    public static func normalDensity(_ x: Float) -> Float { lane0(x, SIMD16.vectorNormalDensity) }
    public static func sin(_ x: Float) -> Float { lane0(x, SIMD16.vectorSin) }
    public static func cos(_ x: Float) -> Float { lane0(x, SIMD16.vectorCos) }
    public static func atan(_ x: Float) -> Float { lane0(x, SIMD16.vectorAtan) }
}
