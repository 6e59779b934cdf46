import ActivationFunctions
import Foundation
import Testing

/// The vectorised `Float` elementary functions against the `Double` libm, in `Float` ulps, over their
/// whole range (the functions, their bounds and references: `FloatElementaryCases`). The default run
/// samples 2²⁰ random bit patterns plus dense grids where each function is delicate; with
/// ACTIVATIONLAB_EXHAUSTIVE=1 every one of the 2³² inputs is checked (`Scripts/check/check-float-elementary`).
@Suite("Vectorised Float elementary functions")
struct FloatElementaryTests {
    typealias Function = FloatElementaryCases.Function
    static let functions = FloatElementaryCases.functions
    static func worst(_ f: Function, _ inputs: [Float]) -> (ulps: Double, at: Float) {
        FloatElementaryCases.worst(f, inputs)
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
        let worst = FloatElementaryCases.worstOverEveryInput(f)
        print("exhaustive \(f.name): worst \(worst.ulps) ulp at \(worst.at)")
        #expect(worst.ulps <= f.maxUlps, "\(f.name): \(worst.ulps) ulp at \(worst.at)")
    }
}

extension FloatElementaryCases.Function: CustomTestStringConvertible {
    var testDescription: String { name }
}
