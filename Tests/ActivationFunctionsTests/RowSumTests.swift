import Testing

@testable import ActivationFunctions

/// The row kernels' sums of `Float` lanes (`LaneSums`), against sums done exactly in integers.
@Suite("Row sums of Float lanes")
struct RowSumTests {
    /// Floats in [2⁻¹⁰, 1), each a whole multiple of 2⁻³⁴: their sum in units of 2⁻³⁴ is an exact `Int`.
    static func terms(_ n: Int, seed: UInt64) -> [Float] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        return (0..<n).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 40) / Double(1 << 24)  // in [0, 1)
            let lowest = 0x1p-10
            return Float(lowest + (1 - lowest) * unit)
        }
    }

    @Test(
        "within (n/32 + 6)·2⁻⁵³ of Σ|terms| of the exact sum, as the doc comment bounds it",
        arguments: [1, 15, 16, 17, 1000, 100_003, 1 << 20])
    func floatLanesAddInDouble(n: Int) {
        let x = Self.terms(n, seed: UInt64(n))
        var exactUnits = 0
        for t in x { exactUnits += Int(Double(t) * 0x1p34) }  // exact: t·2³⁴ is a whole number below 2³⁴
        let exact = Double(exactUnits) * 0x1p-34  // at most 2²⁰ · 2³⁴ units: exact in Double
        var sums = LaneSums<SIMD16<Float>>(floatInDouble: true)
        var i = 0
        while i < n {
            var chunk = SIMD16<Float>(repeating: 0)
            for k in 0..<Swift.min(16, n - i) { chunk[k] = x[i + k] }
            sums.add(chunk)
            i += 16
        }
        let got = sums.total.value
        let bound = (Double(n) / 32 + 6) * 0x1p-53 * exact
        #expect(abs(got - exact) <= bound, "n = \(n): \(got) vs \(exact), error \(abs(got - exact)), bound \(bound)")
        // A compensated Float sum errs by up to about 2⁻²³ of the total: this is far inside that.
        #expect(abs(got - exact) <= 0x1p-30 * exact)
    }
}
