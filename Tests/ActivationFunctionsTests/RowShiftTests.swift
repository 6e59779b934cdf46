import ActivationFunctions
import Foundation
import Testing

/// Softmax rows with maxima from −100 to 100 and entries down to 140 below them, some with a
/// subnormal e^x (the limits a shift-free variant would need; it was tried and dropped: it broke
/// softmax(x + c) = softmax(x) bit for bit, which `RowTests` holds). The reference is the plain definition in `Double` with the C library's exp, shifted by
/// the maximum: each `Float` probability there is within a few 2⁻⁵³ of the exact one.
@Suite("Softmax rows across the range of maxima")
struct RowShiftTests {
    /// e^{x − max}/Σ e^{x − max} in `Double` (x − max is exact for `Float` entries).
    static func reference(_ x: [Float]) -> [Double] {
        let m = Double(x.max()!)
        let e = x.map { Foundation.exp(Double($0) - m) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// Rows with the maximum `top` and entries spread below it down to `top − spread`, some of them
    /// below −87 (subnormal e^x), in lengths that cover whole chunks and tails.
    static func rows(top: Float, spread: Float) -> [[Float]] {
        [5, 16, 37].map { (n: Int) -> [Float] in
            (0..<n).map { (i: Int) -> Float in
                let fraction = Float((i * 7) % n + 1) / Float(n)
                return i == n / 2 ? top : top - spread * fraction
            }
        }
    }

    static let tops: [Float] = [-100, -61, -60.5, -59.5, -40, -5, -0.25, 0, 0.25, 30, 59.5, 60, 60.5, 87, 100]

    @Test("within 4 ulp of the plain Double definition", arguments: tops)
    func nearLimits(top: Float) throws {
        guard case .row(let softmax) = try Activations.make("softmax") else { return }
        for spread: Float in [1, 30, 90, 140] {
            for x in Self.rows(top: top, spread: spread) {
                let y = try softmax.forward(x)
                for (got, exact) in zip(y, Self.reference(x)) {
                    let ulps = Ulp.error(got, hi: exact, lo: 0)
                    #expect(
                        Tolerance.valueOK(got, hi: exact, lo: 0, ulps: ulps),
                        "max \(top), spread \(spread), n = \(x.count): \(got) vs \(exact) (\(ulps) ulp)")
                }
            }
        }
    }

    @Test("softmin is softmax of −x on the same rows, bit for bit", arguments: tops)
    func softmin(top: Float) throws {
        guard case .row(let softmax) = try Activations.make("softmax"),
            case .row(let softmin) = try Activations.make("softmin")
        else { return }
        for x in Self.rows(top: top, spread: 90) {
            #expect(try softmin.forward(x.map { -$0 }) == softmax.forward(x), "max \(top)")
        }
    }
}
