import ActivationFunctions
import Foundation

/// The vectorised `Float` elementary functions, and the activations built on them whose `Float` error
/// is more than their parts', each with its stated bound and a `Double` reference (the libm, exact to
/// ~2⁻⁵³ here), and the error measure in `Float` ulps. `FloatElementaryTests` samples them;
/// `Scripts/check/check-float-elementary` checks every one of the 2³² inputs. That script builds this
/// file into a small package of its own (`Scripts/check/float-elementary`), in release, so that it needs
/// no release build of the whole test suite; hence no `Testing` here.
///
/// Last exhaustive maxima (ulp): exp 0.977, expm1 1.569, log1p 0.839, tanh 1.509, erfc 2.899, sin
/// 1.532, cos 1.528, atan 2.283, log 0.835, asinh 1.778, exp (normal range) 0.977; σ 2.481, σ′ 2.379,
/// tanh′ 2.755, silu 2.403, tanh-shrink 3.933, log-sigmoid′ 2.402 (at 4.157) (native builds, 5 Dec
/// 2026); softplus 1.972 (at 0.3140) and log-sigmoid 1.972 (at −0.3140) (native, 6 Dec 2026, the
/// range-specific ln(1 + e) of `vectorLogOnePlusUnit`); x·Φ(x) 3.905 (at −7.691, the central path of
/// FloatNormal.swift) and gelu′ 1.220 (ulp or ε absolute, at 0.02606) (native, 6 Dec 2026, Φ(−|x|)
/// formed once for both arms).
enum FloatElementaryCases {
    struct Function: Sendable {
        let name: String
        /// The error bound stated in the function's doc comment.
        let maxUlps: Double
        /// For a derivative, whose contract is "4 ulp or 4ε absolute": an error is the smaller of its
        /// ulps and its absolute error in units of ε = 2⁻²³ (a derivative's zero crossing cancels).
        var absoluteCounts = false
        let vector: @Sendable (SIMD16<Float>) -> SIMD16<Float>
        let scalar: @Sendable (Float) -> Float
        let reference: @Sendable (Double) -> Double
    }

    static let functions: [Function] = [
        Function(name: "exp", maxUlps: 1, vector: exp, scalar: exp, reference: { Foundation.exp($0) }),
        Function(name: "expm1", maxUlps: 2, vector: expm1, scalar: expm1, reference: { Foundation.expm1($0) }),
        Function(name: "log1p", maxUlps: 1, vector: log1p, scalar: log1p, reference: { Foundation.log1p($0) }),
        Function(name: "tanh", maxUlps: 2, vector: tanh, scalar: tanh, reference: { Foundation.tanh($0) }),
        Function(name: "erfc", maxUlps: 3, vector: erfc, scalar: erfc, reference: { Foundation.erfc($0) }),
        Function(
            name: "x·Φ(x)", maxUlps: 4, vector: gelu, scalar: gelu,
            reference: { $0 == -.infinity ? -0.0 : 0.5 * $0 * Foundation.erfc(-$0 / 2.0.squareRoot()) }),
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
        Function(name: "softplus", maxUlps: 4, vector: softplus, scalar: softplus, reference: softplusReference),
        Function(
            name: "log-sigmoid", maxUlps: 4, vector: logSigmoid, scalar: logSigmoid,
            reference: { -softplusReference(-$0) }),
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
    static func softplus<L: ElementaryLanes>(_ x: L) -> L { Softplus(ParameterValues(unvalidated: ["beta": 1])).value(x) }
    static func logSigmoid<L: ElementaryLanes>(_ x: L) -> L { LogSigmoid(ParameterValues(unvalidated: [:])).value(x) }

    /// ln(1 + eˣ) in `Double` from the libm's log1p and exp, e^{−x} taken for x > 0 so that it cannot
    /// overflow: a few roundings of 2⁻⁵³.
    static func softplusReference(_ x: Double) -> Double {
        x > 0 ? x + Foundation.log1p(Foundation.exp(-x)) : Foundation.log1p(Foundation.exp(x))
    }

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

    /// The worst error over all 2³² inputs, in chunks of 2²⁰ run on every processor. A NaN error (a NaN
    /// where the reference is a number) counts as the worst.
    static func worstOverEveryInput(_ f: Function) -> (ulps: Double, at: Float) {
        let chunk = 1 << 20
        let results = UnsafeMutableBufferPointer<(ulps: Double, at: Float)>.allocate(capacity: (1 << 32) / chunk)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: results.count) { index in
            let start = index * chunk
            slots[index] = worst(f, (start..<start + chunk).map { Float(bitPattern: UInt32($0)) })
        }
        return results.reduce((ulps: 0.0, at: Float.nan)) { $1.ulps > $0.ulps || $1.ulps.isNaN ? $1 : $0 }
    }
}
