import ActivationFunctions
import Foundation
import Testing

/// The vectorised `Float` elementary functions against the `Double` libm (a plain reference, exact to
/// ~2⁻⁵³ here), in `Float` ulps, over their whole range: the default run samples 2²⁰ random bit
/// patterns plus dense grids where each function is delicate. With ACTIVATIONLAB_EXHAUSTIVE=1 every
/// one of the 2³² inputs is checked (Scripts/check/check-float-elementary, in release, some minutes;
/// ACTIVATIONLAB_EXHAUSTIVE_ONLY=erfc limits it to the named functions). Last exhaustive maxima: exp 0.977,
/// expm1 1.569, log1p 0.839, tanh 1.509, erfc 2.899, x·Φ(x) 3.890 (at −0.3239, the central path of FloatNormal.swift, native build, 5 Dec), sin 1.532, cos 1.528, atan 2.283,
/// log 0.835, asinh 1.778, exp (normal range) 0.977 ulp; σ 2.481, σ′ 2.379, tanh′ 2.755, silu 2.403, tanh-shrink 3.933, log-sigmoid′ 2.402 (at 4.157) and gelu′ 1.104 (ulp or ε absolute,
/// at 0.819; 5 Dec, native build) ulp,
/// activations and derivatives checked here because their `Float` error is more than their parts'.
@Suite("Vectorised Float elementary functions")
struct FloatElementaryTests {
    struct Function: Sendable, CustomTestStringConvertible {
        let name: String
        /// The error bound stated in the function's doc comment.
        let maxUlps: Double
        /// For a derivative, whose contract is "4 ulp or 4ε absolute": an error is the smaller of its
        /// ulps and its absolute error in units of ε = 2⁻²³ (a derivative's zero crossing cancels).
        var absoluteCounts = false
        let vector: @Sendable (SIMD16<Float>) -> SIMD16<Float>
        let scalar: @Sendable (Float) -> Float
        let reference: @Sendable (Double) -> Double
        var testDescription: String { name }
    }

    static let functions: [Function] = [
        Function(name: "exp", maxUlps: 1, vector: exp, scalar: exp, reference: { Foundation.exp($0) }),
        Function(name: "expm1", maxUlps: 2, vector: expm1, scalar: expm1, reference: { Foundation.expm1($0) }),
        Function(name: "log1p", maxUlps: 1, vector: log1p, scalar: log1p, reference: { Foundation.log1p($0) }),
        Function(name: "tanh", maxUlps: 2, vector: tanh, scalar: tanh, reference: { Foundation.tanh($0) }),
        Function(name: "erfc", maxUlps: 3, vector: erfc, scalar: erfc, reference: { Foundation.erfc($0) }),
        Function(
            name: "x·Φ(x)", maxUlps: 4, vector: gelu, scalar: gelu,
            reference: { 0.5 * $0 * Foundation.erfc(-$0 / 2.0.squareRoot()) }),
        Function(name: "sin", maxUlps: 2, vector: sin, scalar: sin, reference: { Foundation.sin($0) }),
        Function(name: "cos", maxUlps: 2, vector: cos, scalar: cos, reference: { Foundation.cos($0) }),
        Function(name: "atan", maxUlps: 2.5, vector: atan, scalar: atan, reference: { Foundation.atan($0) }),
        Function(name: "log", maxUlps: 1, vector: log, scalar: log, reference: { Foundation.log($0) }),
        Function(name: "asinh", maxUlps: 2, vector: asinh, scalar: asinh, reference: { Foundation.asinh($0) }),
        Function(
            name: "exp (normal range)", maxUlps: 1, vector: expNormalRange, scalar: expNormalRange,
            reference: { Foundation.exp(min(max($0, Double(Float(-87.3))), Double(Float(88.3)))) }),
        // Activations built on them whose Float error is more than their parts' (σ's three roundings,
        // σ′'s and tanh′'s four, tanh-shrink's two polynomials and a division).
        Function(
            name: "σ", maxUlps: 2.5, vector: sigmoid, scalar: sigmoid, reference: { 1 / (1 + Foundation.exp(-$0)) }),
        Function(
            name: "σ′", maxUlps: 2.5, vector: sigmoidSlope, scalar: sigmoidSlope, reference: sigmoidSlopeReference),
        Function(
            name: "tanh′", maxUlps: 3, vector: tanhSlope, scalar: tanhSlope,
            reference: { 1 / (Foundation.cosh($0) * Foundation.cosh($0)) }),
        Function(
            name: "silu", maxUlps: 3, vector: silu, scalar: silu,
            reference: { $0 == -.infinity ? -0.0 : $0 / (1 + Foundation.exp(-$0)) }),
        Function(
            name: "tanh-shrink", maxUlps: 4, vector: tanhShrink, scalar: tanhShrink, reference: tanhShrinkReference),
        Function(
            name: "log-sigmoid′", maxUlps: 2.5, vector: logSigmoidSlope, scalar: logSigmoidSlope,
            reference: { 1 / (1 + Foundation.exp($0)) }),
        Function(
            name: "gelu′", maxUlps: 4, absoluteCounts: true, vector: geluSlope, scalar: geluSlope,
            reference: geluSlopeReference),
    ]

    static func exp<L: ElementaryLanes>(_ x: L) -> L { L.exp(x) }
    static func expm1<L: ElementaryLanes>(_ x: L) -> L { L.expMinusOne(x) }
    static func log1p<L: ElementaryLanes>(_ x: L) -> L { L.log(onePlus: x) }
    static func tanh<L: ElementaryLanes>(_ x: L) -> L { L.tanh(x) }
    static func erfc<L: ElementaryLanes>(_ x: L) -> L { L.erfc(x) }
    static func gelu<L: ElementaryLanes>(_ x: L) -> L { L.normalCDF(x, times: x) }
    static func expNormalRange<L: ElementaryLanes>(_ x: L) -> L { L.expNormalRange(x) }
    static func sin<L: ElementaryLanes>(_ x: L) -> L { L.sin(x) }
    static func cos<L: ElementaryLanes>(_ x: L) -> L { L.cos(x) }
    static func atan<L: ElementaryLanes>(_ x: L) -> L { L.atan(x) }
    static func log<L: ElementaryLanes>(_ x: L) -> L { L.log(x) }
    static func asinh<L: ElementaryLanes>(_ x: L) -> L { L.asinh(x) }
    static func sigmoid<L: ElementaryLanes>(_ x: L) -> L { Sigmoid(ParameterValues(unvalidated: [:])).value(x) }
    static func sigmoidSlope<L: ElementaryLanes>(_ x: L) -> L {
        Sigmoid(ParameterValues(unvalidated: [:])).derivative(x)
    }
    static func tanhSlope<L: ElementaryLanes>(_ x: L) -> L { Tanh(ParameterValues(unvalidated: [:])).derivative(x) }
    static func silu<L: ElementaryLanes>(_ x: L) -> L { SiLU(ParameterValues(unvalidated: [:])).value(x) }
    static func logSigmoidSlope<L: ElementaryLanes>(_ x: L) -> L {
        LogSigmoid(ParameterValues(unvalidated: [:])).derivative(x)
    }
    static func geluSlope<L: ElementaryLanes>(_ x: L) -> L { GELU(ParameterValues(unvalidated: [:])).derivative(x) }
    static func tanhShrink<L: ElementaryLanes>(_ x: L) -> L { TanhShrink(ParameterValues(unvalidated: [:])).value(x) }

    /// σ′(x) = 1/(4cosh²(x/2)) in `Double` (a different identity from the kernel's): a few roundings
    /// of 2⁻⁵³; cosh overflows only where the `Float` result is 0.
    static func sigmoidSlopeReference(_ x: Double) -> Double {
        let c = Foundation.cosh(x / 2)
        return 0.25 / (c * c)
    }

    /// Φ(x) + x·φ(x) in `Double` from erfc and exp (the kernel reaches Φ through erfcx): −x/√2 rounded
    /// once costs at most 2x²·2⁻⁵³ relative, under 2⁻³⁹ where the `Float` result is not subnormal.
    static func geluSlopeReference(_ x: Double) -> Double {
        if x.isInfinite { return x > 0 ? 1 : 0 }
        let density = Foundation.exp(-x * x / 2) / (2 * Double.pi).squareRoot()
        return 0.5 * Foundation.erfc(-x / 2.0.squareRoot()) + x * density
    }

    /// x − tanh x in `Double`: from its Taylor series below 0.1 (six terms, error under 1e−17
    /// relative), where the difference itself would cancel; directly above, where it loses at most
    /// 2⁻⁵³·x/(x − tanh x) < 2⁻⁴⁰ relative.
    static func tanhShrinkReference(_ x: Double) -> Double {
        guard abs(x) < 0.1 else { return x.isInfinite ? x : x - Foundation.tanh(x) }
        let z = x * x
        // x − tanh x = x³/3 − 2x⁵/15 + 17x⁷/315 − 62x⁹/2835 + 1382x¹¹/155925 − 21844x¹³/6081075
        let series =
            1.0 / 3 + z
            * (-2.0 / 15 + z * (17.0 / 315 + z * (-62.0 / 2835 + z * (1382.0 / 155_925 + z * -21844.0 / 6_081_075))))
        return x * z * series
    }

    /// Error of `y` in ulps of the `Float` nearest the reference; 0 when both are the same special.
    static func ulps(_ y: Float, _ exact: Double) -> Double {
        if exact.isNaN { return y.isNaN ? 0 : .infinity }
        let rounded = Float(exact)
        if rounded.isInfinite || y.isInfinite || exact == 0 {
            return y == rounded && y.sign == rounded.sign ? 0 : .infinity
        }
        // Below the normal range an absolute error under the least normal passes (as in Tolerance).
        if abs(exact) < Double(Float.leastNormalMagnitude) {
            return abs(Double(y) - exact) < Double(Float.leastNormalMagnitude) ? 0 : .infinity
        }
        return abs(Double(y) - exact) / Double(rounded.ulp)
    }

    /// The worst error over `inputs` and where it happens.
    static func worst(_ f: Function, _ inputs: [Float]) -> (ulps: Double, at: Float) {
        var worst = (ulps: 0.0, at: Float.nan)
        var i = 0
        while i < inputs.count {
            var v = SIMD16<Float>(repeating: 0)
            for lane in 0..<16 { v[lane] = inputs[min(i + lane, inputs.count - 1)] }
            let y = f.vector(v)
            for lane in 0..<16 where i + lane < inputs.count {
                let exact = f.reference(Double(v[lane]))
                var error = ulps(y[lane], exact)
                if f.absoluteCounts, y[lane].isFinite, exact.isFinite {
                    error = min(error, abs(Double(y[lane]) - exact) / Double(Float.ulpOfOne))
                }
                if error > worst.ulps || error.isNaN { worst = (error, v[lane]) }
            }
            i += 16
        }
        return worst
    }

    static func sampled() -> [Float] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var inputs = (0..<(1 << 20)).map { _ -> Float in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(bitPattern: UInt32(truncatingIfNeeded: state >> 32))
        }
        inputs += stride(from: -110 as Float, through: 90, by: 1 / 512)
        inputs += stride(from: -1 as Float, through: 1, by: 1 / 65536)
        inputs += stride(from: -15 as Float, through: 11, by: 1 / 8192)
        inputs += [
            0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
            .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 88.72283, 88.72284, -87.33654, -103.97208,
        ]
        // The Floats nearest a multiple of π/2 in several binades (sin and cos reduce by π/2), and the
        // edge where those two switch to the libm.
        let nearQuarterTurns: [Float] = [
            1.5707964, 3.1415927, 4.712389, 252.89821, 505.79642, 2238.3848, 17907.078,
            32768, 32768.004, 52516.434,
        ]
        inputs += nearQuarterTurns + nearQuarterTurns.map { -$0 }
        return inputs
    }

    @Test("sampled over the whole range, within the stated ulp bound", arguments: functions)
    func sampled(_ f: Function) {
        let (error, at) = Self.worst(f, Self.sampled())
        #expect(error <= f.maxUlps, "\(f.name): \(error) ulp at \(at)")
    }

    /// Bit for bit, except that any NaN equals any NaN: which operand's payload and sign a NaN result
    /// carries depends on how LLVM orders a commutative instruction's operands, which differs between
    /// inlining contexts (the 16-lane release build flips it for NaN inputs to exp, expm1 and x·Φ(x)).
    /// The kernels return the input NaN itself (`evaluate`), and the numerics note asks for NaN-ness.
    @Test("the scalar Float path is lane 0 of the vector path", arguments: functions)
    func scalarIsLaneZero(_ f: Function) {
        for x in Self.sampled().prefix(1 << 16) {
            let lane = f.vector(SIMD16(repeating: x))[0]
            let scalar = f.scalar(x)
            let same = scalar.bitPattern == lane.bitPattern || (scalar.isNaN && lane.isNaN)
            #expect(same, "\(f.name)(\(x)): \(scalar) vs \(lane)")
        }
    }

    @Test(
        "every Float input (ACTIVATIONLAB_EXHAUSTIVE=1)",
        .enabled(if: ProcessInfo.processInfo.environment["ACTIVATIONLAB_EXHAUSTIVE"] == "1"),
        arguments: functions)
    func exhaustive(_ f: Function) {
        // ACTIVATIONLAB_EXHAUSTIVE_ONLY=erfc,tanh limits the run to the named functions.
        if let only = ProcessInfo.processInfo.environment["ACTIVATIONLAB_EXHAUSTIVE_ONLY"],
            !only.split(separator: ",").contains(Substring(f.name))
        {
            return
        }
        var worst = (ulps: 0.0, at: Float.nan)
        let chunk = 1 << 20
        for start in stride(from: 0, to: 1 << 32, by: chunk) {
            let inputs = (start..<start + chunk).map { Float(bitPattern: UInt32($0)) }
            let w = Self.worst(f, inputs)
            if w.ulps > worst.ulps { worst = w }
        }
        print("exhaustive \(f.name): worst \(worst.ulps) ulp at \(worst.at)")
        #expect(worst.ulps <= f.maxUlps, "\(f.name): \(worst.ulps) ulp at \(worst.at)")
    }
}
