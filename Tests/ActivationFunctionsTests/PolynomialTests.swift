import Testing

@testable import ActivationFunctions

/// The lane polynomials (`Polynomials.swift`) against Horner's rule done one scalar at a time with the
/// scalar fused multiply-add (`addingProduct`, correctly rounded by IEEE 754 in every build), bit for
/// bit. In a portable x86-64 build with glibc, debug builds included, the lanes go through one C call
/// per polynomial (`LaneMath.h`), so this checks that call's lanes and order, and, with one input
/// made for it, that each step rounds once; elsewhere, the chain each overload spells out.
@Suite("Lane polynomials against the scalar fused chain")
struct PolynomialTests {
    /// Deterministic numbers in [−scale, scale).
    struct Numbers {
        var state: UInt64
        mutating func next(_ scale: Double) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return scale * (2 * Double(state >> 11) / Double(1 << 53) - 1)
        }
    }

    static func scalarChain<T: BinaryFloatingPoint>(_ x: T, _ c: [T]) -> T {
        var p = c[0]
        for k in c.dropFirst() { p = k.addingProduct(p, x) }
        return p
    }

    /// Each lane of `lanes(x, c)` against `scalarChain`, over 64 vectors of inputs in [−2, 2) and
    /// coefficients of mixed signs and sizes (drawn per seed), plus ±0, ±1 and ±∞ in the first vector.
    static func check<V: SIMD>(
        _ count: Int, seed: UInt64, _ lanes: (V, [V.Scalar]) -> V
    ) where V.Scalar: BinaryFloatingPoint {
        var numbers = Numbers(state: seed)
        let scales = [1e-3, 1e-2, 0.1, 1, 10, 100, 1e3]
        let c = (0..<count).map { _ in V.Scalar(numbers.next(1) * scales[Int((numbers.next(1) + 1) * 3.5)]) }
        var mismatches: [String] = []
        for round in 0..<64 {
            var x = V()
            for i in x.indices { x[i] = V.Scalar(numbers.next(2)) }
            if round == 0 {
                let specials: [V.Scalar] = [0, -0.0, 1, -1, .infinity, -.infinity]
                for (i, s) in specials.enumerated() where i < x.scalarCount { x[i] = s }
            }
            let y = lanes(x, c)
            for i in x.indices {
                let expected = scalarChain(x[i], c)
                if !((y[i] == expected && y[i].sign == expected.sign) || (y[i].isNaN && expected.isNaN)) {
                    mismatches.append("x = \(x[i]) (lane \(i)): lanes \(y[i]), scalar \(expected)")
                }
            }
        }
        let lanes = 64 * V.scalarCount
        #expect(
            mismatches.isEmpty,
            "\(count) terms, seed \(seed): \(mismatches.count) of \(lanes) lanes differ: \(mismatches.prefix(3))")
    }

    @Test("Float, every length in use", arguments: [3, 4, 5, 6, 7, 9])
    func float(_ count: Int) {
        for seed: UInt64 in [1, 2, 3] {
            PolynomialTests.check(count, seed: seed) { (x: SIMD16<Float>, c: [Float]) -> SIMD16<Float> in
                switch count {
                case 3: SIMD16<Float>.polynomial(x, (c[0], c[1], c[2]))
                case 4: SIMD16<Float>.polynomial(x, (c[0], c[1], c[2], c[3]))
                case 5: SIMD16<Float>.polynomial(x, (c[0], c[1], c[2], c[3], c[4]))
                case 6: SIMD16<Float>.polynomial(x, (c[0], c[1], c[2], c[3], c[4], c[5]))
                case 7: SIMD16<Float>.polynomial(x, (c[0], c[1], c[2], c[3], c[4], c[5], c[6]))
                case 9: SIMD16<Float>.polynomial(x, (c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]))
                default: fatalError("no polynomial overload of \(count) terms")
                }
            }
        }
    }

    static var stepsRoundOnce: Bool {
        #if arch(x86_64) && !canImport(Glibc)
            false
        #else
            true
        #endif
    }

    /// 1 + x·c rounds to 1 + 2⁻²³ when fused; formed exactly in `Double`, it first rounds to the midpoint
    /// 1 + 2⁻²⁴, which then rounds to even, 1. The one input of these tests that tells a fused step from
    /// the `Double` form, which x86-64 builds without glibc (macOS, musl, Windows) still use for `Float`
    /// polynomials (`lanes_horner_float16`), so it is skipped there.
    @Test("Float, a step that the Double form would round twice", .enabled(if: stepsRoundOnce))
    func floatSingleRounding() {
        let x = Float(bitPattern: 0x3F7F_F001)  // 0x1.ffe002p-1
        let c = Float(bitPattern: 0x3380_0800)  // 0x1.001p-24
        #expect(x == 0x1.ffe002p-1 && c == 0x1.001p-24)
        let y = SIMD16<Float>.polynomial(SIMD16(repeating: x), (0, c, 1))
        #expect(y == SIMD16(repeating: 0x1.000002p0), "\(y[0])")
        #expect(PolynomialTests.scalarChain(x, [0, c, 1]) == 0x1.000002p0)
    }

    @Test("Double, every length in use", arguments: [6, 11, 27])
    func double(_ count: Int) {
        for seed: UInt64 in [1, 2, 3] {
            PolynomialTests.check(count, seed: seed) { (x: SIMD4<Double>, c: [Double]) -> SIMD4<Double> in
                switch count {
                case 6: SIMD4<Double>.polynomial(x, (c[0], c[1], c[2], c[3], c[4], c[5]))
                case 11:
                    SIMD4<Double>.polynomial(x, (c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]))
                case 27:
                    SIMD4<Double>.polynomial(
                        x,
                        (
                            c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13],
                            c[14], c[15], c[16], c[17], c[18], c[19], c[20], c[21], c[22], c[23], c[24], c[25], c[26]
                        ))
                default: fatalError("no polynomial overload of \(count) terms")
                }
            }
        }
    }
}
