import Testing

@testable import ActivationFunctions

/// The row kernels' sums of `Float` lanes added in `Double` (`LaneSums`), against sums done exactly in integers.
@Suite("Row sums of Float lanes")
struct RowSumTests {
    /// Floats of both signs with magnitudes from 2⁻²⁵ to 1 and all 24 bits of significand, so each is a whole
    /// multiple of 2⁻⁴⁸ and its sum in those units is an exact `Int`, while partial sums in `Double` need
    /// more than 53 bits and round.
    static func terms(_ n: Int, seed: UInt64) -> [Float] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        return (0..<n).map { _ in
            let exponent = -1 - Int(next() >> 32) % 25  // −1 … −25: magnitudes in [2⁻²⁵, 1)
            let magnitude = Float(
                sign: .plus, exponentBitPattern: UInt(127 + exponent), significandBitPattern: UInt32(next() >> 41))
            return next() >> 63 == 0 ? magnitude : -magnitude
        }
    }

    @Test(
        "within (n/32 + 6)·2⁻⁵³ of Σ|terms| of the exact sum, as the doc comment bounds it",
        arguments: [1, 15, 16, 17, 1000, 100_003, 1 << 20])
    func floatLanesAddInDouble(n: Int) {
        let x = Self.terms(n, seed: UInt64(n))
        var exactUnits = 0  // in units of 2⁻⁴⁸; each term is below 2⁴⁸ of them, and the signs keep the sum small
        var magnitudes = 0.0
        for t in x {
            exactUnits += Int(Double(t) * 0x1p48)  // exact: a whole number of units
            magnitudes += Double(abs(t))
        }
        let exact = Double(exactUnits) * 0x1p-48  // rounded once: within 2⁻⁵³ of itself
        var sums = LaneSums<SIMD16<Float>>(floatInDouble: true)
        var i = 0
        while i < n {
            var chunk = SIMD16<Float>(repeating: 0)
            for k in 0..<Swift.min(16, n - i) { chunk[k] = x[i + k] }
            sums.add(chunk)
            i += 16
        }
        let got = sums.total.value
        let bound = (Double(n) / 32 + 6) * 0x1p-53 * magnitudes + 0x1p-53 * abs(exact)
        #expect(abs(got - exact) <= bound, "n = \(n): \(got) vs \(exact), error \(abs(got - exact)), bound \(bound)")
    }
}
