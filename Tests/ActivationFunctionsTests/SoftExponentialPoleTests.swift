import Testing

@testable import ActivationFunctions

/// Soft-exponential with α < 0 at the `Float`s next to a pole that falls almost on a `Float`
/// (α = −10⁻¹⁰ and −10⁻⁸: the pole 1/α − α lies within 10⁻⁶ of −1/α). Past the pole f and f′ are NaN
/// (outside the domain); `Float` lanes, with α in two parts, gave −∞ and ∞ at x = −10¹⁰ and a finite
/// f = −3.5·10⁹ (f′ 2.25·10¹⁵) at x = −10⁸. The values are mpmath's at 300 bits
/// (`Scripts/reference/soft-exponential-pole.py`); nil is NaN.
@Suite struct SoftExponentialPoleTests {
    static let cases: [(alpha: Double, x: Float, f: Double?, slope: Double?)] = [
        (-1e-10, -10_000_001_024, nil, nil),
        (-1e-10, -10_000_000_000, nil, nil),
        (-1e-10, -9_999_998_976, -160_943_791_246.96884, 9_765_625.0034753984),
        (-1e-10, -9_999_997_952, -154_012_319_439.58998, 4_882_812.5008688495),
        (-1e-8, -100_000_008, nil, nil),
        (-1e-8, -100_000_000, nil, nil),
        (-1e-8, -99_999_992, -1_634_123_920.3784061, 12_500_000.01889415),
        (-1e-8, -99_999_984, -1_564_809_202.246835, 6_250_000.0047235374),
    ]

    /// Within `ulps` units in the last place of `Float` of `reference`, or both NaN.
    static func close(_ y: Float, _ reference: Double?, ulps: Double = 4) -> Bool {
        guard let reference else { return y.isNaN }
        return abs(Double(y) - reference) <= ulps * Double(Float(reference).ulp)
    }

    @Test("f and f′ in Float, scalar and batch (x among other lanes)", arguments: cases.indices)
    func nextToThePole(_ index: Int) throws {
        let (alpha, x, f, slope) = Self.cases[index]
        let soft = try Activations.elementwise("soft-exponential", parameters: ["alpha": alpha])
        #expect(Self.close(soft(x), f), "f(\(x)) = \(soft(x)), mpmath \(String(describing: f))")
        #expect(Self.close(soft.derivative(at: x), slope), "f′(\(x)) = \(soft.derivative(at: x))")
        // Lane 5 of 20: a full 16-lane vector, then a partial one.
        var inputs = [Float](repeating: 0.5, count: 20)
        inputs[5] = x
        let ones = [Float](repeating: 1, count: inputs.count)
        var (y, dx) = ([Float](repeating: 0, count: inputs.count), [Float](repeating: 0, count: inputs.count))
        inputs.withUnsafeBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { soft.forward(xs, into: $0) }
            ones.withUnsafeBufferPointer { dy in dx.withUnsafeMutableBufferPointer { soft.backward(xs, dy, into: $0) } }
        }
        #expect(Self.close(y[5], f) && Self.close(dx[5], slope), "batch: f \(y[5]), f′ \(dx[5])")
        #expect(y.enumerated().allSatisfy { $0.offset == 5 || $0.element == soft(Float(0.5)) }, "the other lanes")
    }
}
