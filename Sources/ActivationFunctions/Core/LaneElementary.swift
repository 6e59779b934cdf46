import RealModule

/// The elementary functions the catalog is built from, named as in swift-numerics' `RealModule`.
///
/// `Double` gets them from `RealModule` (the platform libm: glibc on Linux, within 1–2 ulp).
/// `SIMD4<Double>` applies the same functions lane by lane, so a batch kernel and the scalar path
/// agree bit for bit. Vectorised polynomial versions belong here too, quarantined in this file,
/// each with its measured ulp error.
public protocol ElementaryLanes: Lanes {
    static func exp(_ x: Self) -> Self
    static func expMinusOne(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func log(onePlus x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func erfc(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func atan(_ x: Self) -> Self
    static func asinh(_ x: Self) -> Self
}

extension Double: ElementaryLanes {}

extension SIMD4: ElementaryLanes where Scalar == Double {
    @inline(__always)
    private static func eachLane(_ x: Self, _ f: (Double) -> Double) -> Self {
        Self(f(x[0]), f(x[1]), f(x[2]), f(x[3]))
    }

    public static func exp(_ x: Self) -> Self { eachLane(x, Double.exp) }
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
