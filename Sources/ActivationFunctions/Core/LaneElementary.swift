import RealModule

/// The elementary functions the catalog is built from, named as in swift-numerics' `RealModule`.
///
/// - `SIMD4<Double>` has vectorised exp, expm1, ln x, ln(1 + x), tanh, erfc, sin, cos, atan and asinh
///   and the normal distribution (`DoubleExpLog.swift`, `DoubleErfc.swift`, `DoubleTrig.swift`).
/// - `SIMD16<Float>` has vectorised exp, expm1, ln x, ln(1 + x), tanh, erfc, the normal distribution,
///   sin, cos, atan and asinh (`FloatExpLog.swift`, `FloatLogAsinh.swift`, `FloatTanh.swift`,
///   `FloatErfc.swift`, `FloatSinCos.swift`, `FloatAtan.swift`, each with its measured error).
/// - A `Float` or `Double` is lane 0 of a splat, so the scalar path and the batch kernels agree bit for bit.
public protocol ElementaryLanes: Lanes {
    /// e^x.
    static func exp(_ x: Self) -> Self
    /// e^x where only normal results matter: for `Float`, results below 2⁻¹²⁶ may come out as about
    /// 2⁻¹²⁶ (σ and tanh use it where such a term vanishes beside 1). The same as `exp` elsewhere.
    static func expNormalRange(_ x: Self) -> Self
    /// factor·e^x, keeping its digits where e^x alone would be subnormal but the product is not.
    static func exp(_ x: Self, times factor: Self) -> Self
    /// e^x − 1, accurate near 0.
    static func expMinusOne(_ x: Self) -> Self
    /// ln x.
    static func log(_ x: Self) -> Self
    /// ln(1 + x), accurate near 0.
    static func log(onePlus x: Self) -> Self
    /// tanh x.
    static func tanh(_ x: Self) -> Self
    /// erfc x = 1 − erf x, accurate in the right tail.
    static func erfc(_ x: Self) -> Self
    /// sin x.
    static func sin(_ x: Self) -> Self
    /// cos x.
    static func cos(_ x: Self) -> Self
    /// arctan x.
    static func atan(_ x: Self) -> Self
    /// arsinh x = ln(x + √(x² + 1)).
    static func asinh(_ x: Self) -> Self
    /// factor·Φ(x), Φ the standard normal distribution function, keeping its digits where Φ(x)
    /// alone would underflow but the product does not (GELU's left tail). At x = −∞ it is a zero with
    /// the factor's sign, for an infinite factor too (GELU's limit there, where factor·0 would be
    /// −∞·0), at +∞ the factor; a NaN factor gives NaN.
    static func normalCDF(_ x: Self, times factor: Self) -> Self
    /// φ(x) = e^{−x²/2}/√(2π), the standard normal density.
    static func normalDensity(_ x: Self) -> Self
}

/// A `Double` is lane 0 of a splat, as a `Float` is of `SIMD16<Float>`: the scalar path and the batch
/// kernels agree bit for bit. The witnesses are named and disfavoured as `Float`'s are (below).
extension Double: ElementaryLanes {
    @inline(__always)
    static func lane0(_ x: Double, _ f: (SIMD4<Double>) -> SIMD4<Double>) -> Double {
        f(SIMD4(repeating: x))[0]
    }

    /// e^x for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.exp(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,exp(_:)) @_disfavoredOverload
    public static func laneExp(_ x: Double) -> Double { lane0(x, SIMD4.vectorExp) }
    /// e^x (normal range) for one `Double`: lane 0 of the `SIMD4` kernel on a splat
    /// (`ElementaryLanes.expNormalRange(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,expNormalRange(_:)) @_disfavoredOverload
    public static func laneExpNormalRange(_ x: Double) -> Double { lane0(x, SIMD4.vectorExpNormalRange) }
    /// factor·e^x for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.exp(_:times:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,exp(_:times:)) @_disfavoredOverload
    public static func laneExp(_ x: Double, times factor: Double) -> Double {
        SIMD4.exp(SIMD4(repeating: x), times: SIMD4(repeating: factor))[0]
    }
    /// e^x − 1 for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.expMinusOne(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,expMinusOne(_:)) @_disfavoredOverload
    public static func laneExpMinusOne(_ x: Double) -> Double { lane0(x, SIMD4.vectorExpMinusOne) }
    /// ln x for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.log(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,log(_:)) @_disfavoredOverload
    public static func laneLog(_ x: Double) -> Double { lane0(x, SIMD4.vectorLog) }
    /// ln(1 + x) for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.log(onePlus:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,log(onePlus:)) @_disfavoredOverload
    public static func laneLog(onePlus x: Double) -> Double { lane0(x, SIMD4.vectorLogOnePlus) }
    /// tanh x for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.tanh(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,tanh(_:)) @_disfavoredOverload
    public static func laneTanh(_ x: Double) -> Double { lane0(x, SIMD4.vectorTanh) }
    /// sin x for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.sin(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,sin(_:)) @_disfavoredOverload
    public static func laneSin(_ x: Double) -> Double { lane0(x, SIMD4.vectorSin) }
    /// cos x for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.cos(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,cos(_:)) @_disfavoredOverload
    public static func laneCos(_ x: Double) -> Double { lane0(x, SIMD4.vectorCos) }
    /// arctan x for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.atan(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,atan(_:)) @_disfavoredOverload
    public static func laneAtan(_ x: Double) -> Double { lane0(x, SIMD4.vectorAtan) }
    /// arsinh x for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.asinh(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,asinh(_:)) @_disfavoredOverload
    public static func laneAsinh(_ x: Double) -> Double { lane0(x, SIMD4.vectorAsinh) }
    /// erfc x for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.erfc(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,erfc(_:)) @_disfavoredOverload
    public static func laneErfc(_ x: Double) -> Double { lane0(x, SIMD4.vectorErfc) }
    /// factor·Φ(x) for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.normalCDF(_:times:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,normalCDF(_:times:)) @_disfavoredOverload
    public static func laneNormalCDF(_ x: Double, times factor: Double) -> Double {
        SIMD4.vectorNormalCDF(SIMD4(repeating: x), times: SIMD4(repeating: factor))[0]
    }
    /// φ(x) for one `Double`: lane 0 of the `SIMD4` kernel on a splat (`ElementaryLanes.normalDensity(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,normalDensity(_:)) @_disfavoredOverload
    public static func laneNormalDensity(_ x: Double) -> Double { lane0(x, SIMD4.vectorNormalDensity) }
}

extension SIMD4: ElementaryLanes where Scalar == Double {
    /// e^x in every lane, vectorised (`ElementaryLanes.exp(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func exp(_ x: Self) -> Self { vectorExp(x) }
    /// e^x (normal range) in every lane, vectorised (`ElementaryLanes.expNormalRange(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func expNormalRange(_ x: Self) -> Self {
        vectorExpNormalRange(x)
    }
    /// Below x = −750, where `vectorExp` clamps its argument, the product is taken as factor·0.
    @_spi(Lanes) @inlinable @inline(__always) public static func exp(_ x: Self, times factor: Self) -> Self {
        vectorExp(x, times: factor).replacing(with: factor * Self(repeating: 0), where: x .< -750)
    }
    /// e^x − 1 in every lane, vectorised (`ElementaryLanes.expMinusOne(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func expMinusOne(_ x: Self) -> Self { vectorExpMinusOne(x) }
    /// ln x in every lane, vectorised (`ElementaryLanes.log(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func log(_ x: Self) -> Self { vectorLog(x) }
    /// ln(1 + x) in every lane, vectorised (`ElementaryLanes.log(onePlus:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func log(onePlus x: Self) -> Self { vectorLogOnePlus(x) }
    /// tanh x in every lane, vectorised (`ElementaryLanes.tanh(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func tanh(_ x: Self) -> Self { vectorTanh(x) }
    /// erfc x in every lane, vectorised (`ElementaryLanes.erfc(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func erfc(_ x: Self) -> Self { vectorErfc(x) }
    /// factor·Φ(x) in every lane, vectorised (`ElementaryLanes.normalCDF(_:times:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func normalCDF(_ x: Self, times factor: Self) -> Self {
        vectorNormalCDF(x, times: factor)
    }
    /// φ(x) in every lane, vectorised (`ElementaryLanes.normalDensity(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func normalDensity(_ x: Self) -> Self {
        vectorNormalDensity(x)
    }
    /// sin x in every lane, vectorised (`ElementaryLanes.sin(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func sin(_ x: Self) -> Self { vectorSin(x) }
    /// cos x in every lane, vectorised (`ElementaryLanes.cos(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func cos(_ x: Self) -> Self { vectorCos(x) }
    /// arctan x in every lane, vectorised (`ElementaryLanes.atan(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func atan(_ x: Self) -> Self { vectorAtan(x) }
    /// arsinh x in every lane, vectorised (`ElementaryLanes.asinh(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func asinh(_ x: Self) -> Self { vectorAsinh(x) }
}

extension SIMD16: ElementaryLanes where Scalar == Float {
    /// e^x in every lane, vectorised (`ElementaryLanes.exp(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func exp(_ x: Self) -> Self { vectorExp(x) }
    /// e^x (normal range) in every lane, vectorised (`ElementaryLanes.expNormalRange(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func expNormalRange(_ x: Self) -> Self {
        vectorExpNormalRange(x)
    }
    /// Below x = −110, where `vectorExp` clamps its argument, the product is taken as factor·0.
    @_spi(Lanes) @inlinable @inline(__always) public static func exp(_ x: Self, times factor: Self) -> Self {
        vectorExp(x, times: factor).replacing(with: factor * Self(repeating: 0), where: x .< -110)
    }
    /// e^x − 1 in every lane, vectorised (`ElementaryLanes.expMinusOne(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func expMinusOne(_ x: Self) -> Self { vectorExpMinusOne(x) }
    /// ln(1 + x) in every lane, vectorised (`ElementaryLanes.log(onePlus:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func log(onePlus x: Self) -> Self { vectorLogOnePlus(x) }
    /// tanh x in every lane, vectorised (`ElementaryLanes.tanh(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func tanh(_ x: Self) -> Self { vectorTanh(x) }
    /// ln x in every lane, vectorised (`ElementaryLanes.log(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func log(_ x: Self) -> Self { vectorLog(x) }
    /// erfc x in every lane, vectorised (`ElementaryLanes.erfc(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func erfc(_ x: Self) -> Self { vectorErfc(x) }
    /// factor·Φ(x) in every lane, vectorised (`ElementaryLanes.normalCDF(_:times:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func normalCDF(_ x: Self, times factor: Self) -> Self {
        vectorNormalCDFWithTails(x, times: factor)
    }
    /// φ(x) in every lane, vectorised (`ElementaryLanes.normalDensity(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func normalDensity(_ x: Self) -> Self {
        vectorNormalDensityWithTails(x)
    }
    /// sin x in every lane, vectorised (`ElementaryLanes.sin(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func sin(_ x: Self) -> Self { vectorSin(x) }
    /// cos x in every lane, vectorised (`ElementaryLanes.cos(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func cos(_ x: Self) -> Self { vectorCos(x) }
    /// arctan x in every lane, vectorised (`ElementaryLanes.atan(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func atan(_ x: Self) -> Self { vectorAtan(x) }
    /// arsinh x in every lane, vectorised (`ElementaryLanes.asinh(_:)`).
    @_spi(Lanes) @inlinable @inline(__always) public static func asinh(_ x: Self) -> Self { vectorAsinh(x) }
}

/// A `Float` is one lane: the vectorised functions run on a splat and lane 0 is kept, so a scalar
/// `Float` gets exactly what a batch kernel gives. The witnesses are named `laneExp` and so on, and
/// disfavoured, so that `Float.exp(x)` in code that also imports `RealModule` still means RealModule's
/// (same-named members made such calls ambiguous).
extension Float: ElementaryLanes {
    @inline(__always)
    static func lane0(_ x: Float, _ f: (SIMD16<Float>) -> SIMD16<Float>) -> Float {
        f(SIMD16(repeating: x))[0]
    }

    /// e^x for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.exp(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,exp(_:)) @_disfavoredOverload
    public static func laneExp(_ x: Float) -> Float { lane0(x, SIMD16.vectorExp) }
    /// e^x (normal range) for one `Float`: lane 0 of the `SIMD16` kernel on a splat
    /// (`ElementaryLanes.expNormalRange(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,expNormalRange(_:)) @_disfavoredOverload
    public static func laneExpNormalRange(_ x: Float) -> Float { lane0(x, SIMD16.vectorExpNormalRange) }
    /// factor·e^x for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.exp(_:times:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,exp(_:times:)) @_disfavoredOverload
    public static func laneExp(_ x: Float, times factor: Float) -> Float {
        SIMD16.exp(SIMD16(repeating: x), times: SIMD16(repeating: factor))[0]
    }
    /// e^x − 1 for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.expMinusOne(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,expMinusOne(_:)) @_disfavoredOverload
    public static func laneExpMinusOne(_ x: Float) -> Float { lane0(x, SIMD16.vectorExpMinusOne) }
    /// ln(1 + x) for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.log(onePlus:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,log(onePlus:)) @_disfavoredOverload
    public static func laneLog(onePlus x: Float) -> Float { lane0(x, SIMD16.vectorLogOnePlus) }
    /// tanh x for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.tanh(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,tanh(_:)) @_disfavoredOverload
    public static func laneTanh(_ x: Float) -> Float { lane0(x, SIMD16.vectorTanh) }
    /// erfc x for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.erfc(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,erfc(_:)) @_disfavoredOverload
    public static func laneErfc(_ x: Float) -> Float { lane0(x, SIMD16.vectorErfc) }
    /// factor·Φ(x) for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.normalCDF(_:times:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,normalCDF(_:times:)) @_disfavoredOverload
    public static func laneNormalCDF(_ x: Float, times factor: Float) -> Float {
        SIMD16.vectorNormalCDFWithTails(SIMD16(repeating: x), times: SIMD16(repeating: factor))[0]
    }
    /// φ(x) for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.normalDensity(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,normalDensity(_:)) @_disfavoredOverload
    public static func laneNormalDensity(_ x: Float) -> Float { lane0(x, SIMD16.vectorNormalDensityWithTails) }
    /// sin x for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.sin(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,sin(_:)) @_disfavoredOverload
    public static func laneSin(_ x: Float) -> Float { lane0(x, SIMD16.vectorSin) }
    /// cos x for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.cos(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,cos(_:)) @_disfavoredOverload
    public static func laneCos(_ x: Float) -> Float { lane0(x, SIMD16.vectorCos) }
    /// arctan x for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.atan(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,atan(_:)) @_disfavoredOverload
    public static func laneAtan(_ x: Float) -> Float { lane0(x, SIMD16.vectorAtan) }
    /// ln x for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.log(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,log(_:)) @_disfavoredOverload
    public static func laneLog(_ x: Float) -> Float { lane0(x, SIMD16.vectorLog) }
    /// arsinh x for one `Float`: lane 0 of the `SIMD16` kernel on a splat (`ElementaryLanes.asinh(_:)`).
    @_spi(Lanes) @_implements(ElementaryLanes,asinh(_:)) @_disfavoredOverload
    public static func laneAsinh(_ x: Float) -> Float { lane0(x, SIMD16.vectorAsinh) }
}
