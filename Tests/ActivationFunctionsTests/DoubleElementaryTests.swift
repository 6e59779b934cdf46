import ActivationFunctions
import Foundation
import Testing

/// The vectorised `SIMD4<Double>` elementary functions against the platform libm's `Float80` functions
/// (x86-64: 64-bit significands, so the reference carries 11 bits beyond the result), in `Double` ulps,
/// on random bit patterns, random values where the functions are interesting, dense grids and the
/// Doubles nearest multiples of π/2. Where `Float80` is missing (arm64) the `Double` libm is the
/// reference, and the bounds allow it its own ulp. 2⁶⁴ inputs cannot be checked exhaustively; the
/// activations built on these functions are also checked against mpmath (ReferenceValueTests).
/// Measured maxima on these inputs (x86-64): exp 0.680, expm1 1.525, log 0.758, log1p 0.734, tanh 2.216,
/// sin 1.445, cos 1.408, atan 1.781, asinh 1.599, erfc 2.876, φ 1.941, x·Φ(x) 3.689, x·eˣ 1.433 ulp.
@Suite("Vectorised Double elementary functions")
struct DoubleElementaryTests {
    #if arch(x86_64) && !os(Windows)
        typealias Wide = Float80
        static let referenceSlack = 0.0
    #else
        typealias Wide = Double
        static let referenceSlack = 1.0
    #endif

    struct Function: Sendable, CustomTestStringConvertible {
        let name: String
        /// A little above the measured maximum (the inputs are fixed, so the measurement repeats).
        let maxUlps: Double
        let vector: @Sendable (SIMD4<Double>) -> SIMD4<Double>
        let scalar: @Sendable (Double) -> Double
        let reference: @Sendable (Wide) -> Wide
        var testDescription: String { name }
    }

    static let functions: [Function] = [
        Function(name: "exp", maxUlps: 0.75, vector: exp, scalar: exp, reference: { Foundation.exp($0) }),
        Function(name: "expm1", maxUlps: 1.75, vector: expm1, scalar: expm1, reference: { Foundation.expm1($0) }),
        Function(name: "log", maxUlps: 0.85, vector: log, scalar: log, reference: { Foundation.log($0) }),
        Function(name: "log1p", maxUlps: 0.85, vector: log1p, scalar: log1p, reference: { Foundation.log1p($0) }),
        Function(name: "tanh", maxUlps: 2.5, vector: tanh, scalar: tanh, reference: { Foundation.tanh($0) }),
        Function(name: "sin", maxUlps: 1.5, vector: sin, scalar: sin, reference: { Foundation.sin($0) }),
        Function(name: "cos", maxUlps: 1.5, vector: cos, scalar: cos, reference: { Foundation.cos($0) }),
        Function(name: "atan", maxUlps: 2, vector: atan, scalar: atan, reference: { Foundation.atan($0) }),
        Function(name: "asinh", maxUlps: 1.75, vector: asinh, scalar: asinh, reference: { Foundation.asinh($0) }),
        Function(name: "erfc", maxUlps: 3, vector: erfc, scalar: erfc, reference: { Foundation.erfc($0) }),
        Function(
            name: "x·Φ(x)", maxUlps: 4, vector: gelu, scalar: gelu,
            reference: { $0 == -.infinity ? -0.0 : $0 * Foundation.erfc(-$0 / Wide(2).squareRoot()) / 2 }),
        Function(
            name: "φ", maxUlps: 2.25, vector: density, scalar: density,
            reference: { Foundation.exp(-$0 * $0 / 2) / (2 * Wide.pi).squareRoot() }),
        Function(name: "x·eˣ", maxUlps: 1.6, vector: xExp, scalar: xExp, reference: { $0 * Foundation.exp($0) }),
    ]

    static func exp<L: ElementaryLanes>(_ x: L) -> L { L.exp(x) }
    static func expm1<L: ElementaryLanes>(_ x: L) -> L { L.expMinusOne(x) }
    static func log<L: ElementaryLanes>(_ x: L) -> L { L.log(x) }
    static func log1p<L: ElementaryLanes>(_ x: L) -> L { L.log(onePlus: x) }
    static func tanh<L: ElementaryLanes>(_ x: L) -> L { L.tanh(x) }
    static func sin<L: ElementaryLanes>(_ x: L) -> L { L.sin(x) }
    static func cos<L: ElementaryLanes>(_ x: L) -> L { L.cos(x) }
    static func atan<L: ElementaryLanes>(_ x: L) -> L { L.atan(x) }
    static func asinh<L: ElementaryLanes>(_ x: L) -> L { L.asinh(x) }
    static func erfc<L: ElementaryLanes>(_ x: L) -> L { L.erfc(x) }
    static func gelu<L: ElementaryLanes>(_ x: L) -> L { L.normalCDF(x, times: x) }
    static func density<L: ElementaryLanes>(_ x: L) -> L { L.normalDensity(x) }
    static func xExp<L: ElementaryLanes>(_ x: L) -> L { L.exp(x, times: x) }

    /// Error of `y` in ulps of the `Double` nearest the reference; 0 when both are the same special
    /// value. Below the normal range, an absolute error under the least normal passes.
    static func ulps(_ y: Double, _ exact: Wide) -> Double {
        if exact.isNaN { return y.isNaN ? 0 : .infinity }
        let rounded = Double(exact)
        if rounded.isInfinite || y.isInfinite || exact == 0 {
            return y == rounded && y.sign == rounded.sign ? 0 : .infinity
        }
        if abs(rounded) < .leastNormalMagnitude {
            return abs(Wide(y) - exact) < Wide(Double.leastNormalMagnitude) ? 0 : .infinity
        }
        return Double(abs(Wide(y) - exact) / Wide(rounded.ulp))
    }

    /// The Doubles nearest n·π/2 for the n below 2²⁰/(π/2) that come closest (a search over every n
    /// with mpmath; the closest leaves 6.2·10⁻¹⁹), and the edge where sin and cos switch to the libm.
    static let nearQuarterTurns: [Double] = [
        1.5707963267948966, 3.141592653589793, 45.553093477052, 91.106186954104, 182.212373908208,
        364.424747816416, 728.849495632832, 1457.698991265664, 2915.397982531328, 321307.9594422229,
        1_048_576, 1_048_576.0000000001,
    ]

    static let inputs: [Double] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
        var x = (0..<(1 << 18)).map { _ in Double(bitPattern: next()) }
        x += (0..<(1 << 18)).map { _ in 60 * (Double(next() >> 11) / 0x1p53 - 0.5) }
        x += stride(from: -760.0, through: 720, by: 1.0 / 64)
        x += stride(from: -1.0, through: 1, by: 1.0 / 65536)
        x += [
            0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .leastNormalMagnitude,
            .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 709.782712893384, 709.7827128933841,
            -745.1332191019411, -708.3964185322641, 0.34657359027997264, -0.34657359027997264,
        ]
        return x + nearQuarterTurns + nearQuarterTurns.map { -$0 }
    }()

    @Test("sampled, within the stated ulp bound", arguments: functions)
    func sampled(_ f: Function) {
        var worst = (ulps: 0.0, at: Double.nan)
        for start in stride(from: 0, to: Self.inputs.count, by: 4) {
            var v = SIMD4<Double>(repeating: 0)
            for lane in 0..<4 { v[lane] = Self.inputs[min(start + lane, Self.inputs.count - 1)] }
            let y = f.vector(v)
            for lane in 0..<4 {
                let error = Self.ulps(y[lane], f.reference(Wide(v[lane])))
                if error > worst.ulps || error.isNaN { worst = (error, v[lane]) }
            }
        }
        print("sampled \(f.name): worst \(worst.ulps) ulp at \(worst.at)")
        #expect(worst.ulps <= f.maxUlps + Self.referenceSlack, "\(f.name): \(worst.ulps) ulp at \(worst.at)")
    }

    @Test("the scalar Double path is lane 0 of the vector path", arguments: functions)
    func scalarIsLaneZero(_ f: Function) {
        for x in Self.inputs.prefix(1 << 16) + Self.nearQuarterTurns {
            let lane = f.vector(SIMD4(repeating: x))[0]
            let scalar = f.scalar(x)
            #expect(
                scalar.bitPattern == lane.bitPattern || (scalar.isNaN && lane.isNaN),
                "\(f.name)(\(x)): \(scalar) vs \(lane)")
        }
    }

    @Test("signed zeros, infinities and NaN")
    func specials() {
        let negativeZero = -0.0
        #expect(Self.sin(negativeZero).sign == .minus && Self.atan(negativeZero).sign == .minus)
        #expect(Self.tanh(negativeZero).sign == .minus && Self.asinh(negativeZero).sign == .minus)
        #expect(Self.expm1(negativeZero).sign == .minus && Self.log1p(negativeZero).sign == .minus)
        #expect(Self.exp(-Double.infinity) == 0 && Self.exp(Double.infinity) == .infinity)
        #expect(Self.expm1(-Double.infinity) == -1 && Self.tanh(-Double.infinity) == -1)
        #expect(Self.log(0.0) == -.infinity && Self.log(-1.0).isNaN && Self.log1p(-1.0) == -.infinity)
        #expect(Self.sin(Double.infinity).isNaN && Self.cos(-Double.infinity).isNaN)
        #expect(Self.atan(-Double.infinity) == -Double.pi / 2 && Self.asinh(-Double.infinity) == -.infinity)
        for f in Self.functions { #expect(f.scalar(.nan).isNaN, "\(f.name)(NaN)") }
    }

    @Test("factor·Φ(x) at x = −∞: a zero with the factor's sign, infinite factors included; NaN for a NaN factor")
    func normalDistributionLimits() {
        let factors: [Double] = [-.infinity, -2, -0.0, 0, 3, .infinity]
        for factor in factors {
            let scalar = Double.normalCDF(-.infinity, times: factor)
            let lane = SIMD4<Double>.normalCDF(SIMD4(repeating: -.infinity), times: SIMD4(repeating: factor))[2]
            let float = Float.normalCDF(-.infinity, times: Float(factor))
            #expect(scalar == 0 && scalar.sign == factor.sign, "Double: −∞ times \(factor) gave \(scalar)")
            #expect(lane == 0 && lane.sign == factor.sign, "SIMD4: −∞ times \(factor) gave \(lane)")
            #expect(float == 0 && float.sign == factor.sign, "Float: −∞ times \(factor) gave \(float)")
            #expect(Double.normalCDF(.infinity, times: factor) == factor || factor == 0)
        }
        #expect(Double.normalCDF(-.infinity, times: .nan).isNaN && Float.normalCDF(-.infinity, times: .nan).isNaN)
        #expect(Double.normalCDF(-50, times: .nan).isNaN && Float.normalCDF(-50, times: .nan).isNaN)
    }
}
