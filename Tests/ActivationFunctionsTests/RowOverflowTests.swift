import ActivationFunctions
import Testing

/// Finite rows near the top of the range, where x − max overflows to −∞ (−1e308 − 1e308): the answer
/// is still exact by identities that do not use the kernel's formula. Every entry more than about 745
/// below the maximum has e^{x − max} = 0 in Double (below the smallest subnormal), so softmax is one-hot
/// at the maximum (½, ½ for two tied maxima), and log-softmax is x − max rounded once (−∞ when that
/// overflows, as the exact value is below −Double.greatestFiniteMagnitude).
@Suite("Row functions near the top of the range")
struct RowOverflowTests {
    func row(_ id: String) throws -> any RowActivation {
        guard case .row(let f) = try Activations.make(id) else {
            throw ActivationError.unknownFunction(id, suggestions: [])
        }
        return f
    }

    static let tops: [Double] = [.greatestFiniteMagnitude, 1.7e308, 1e308, 9e307]

    /// Rows of every length 2…19 (SIMD chunks and tails), the maximum at each position, the other
    /// entries cycling through −top, −top/2, 0 and top − 1e300 (all far below the maximum).
    static func rows(_ top: Double) -> [(row: [Double], peak: Int)] {
        let others = [-top, -top / 2, 0, top - 1e300]
        return (2...19).flatMap { n in
            (0..<n).map { peak in ((0..<n).map { $0 == peak ? top : others[$0 % others.count] }, peak) }
        }
    }

    @Test("softmax is one-hot at the maximum, softmin at the minimum", arguments: tops)
    func oneHot(top: Double) throws {
        let softmax = try row("softmax")
        let softmin = try row("softmin")
        for (x, peak) in Self.rows(top) {
            let expected = x.indices.map { $0 == peak ? 1.0 : 0.0 }
            #expect(try softmax.forward(x) == expected, "softmax of \(x)")
            #expect(try softmin.forward(x.map { -$0 }) == expected, "softmin of \(x.map { -$0 })")
        }
    }

    @Test("log-softmax is x − max, rounded once", arguments: tops)
    func logSoftmax(top: Double) throws {
        let f = try row("log-softmax")
        for (x, _) in Self.rows(top) {
            #expect(try f.forward(x) == x.map { $0 - top }, "log-softmax of \(x)")
        }
    }

    @Test("two tied maxima share the probability; Float rows behave the same")
    func tiesAndFloat() throws {
        let softmax = try row("softmax")
        let m = Double.greatestFiniteMagnitude
        #expect(try softmax.forward([m, -m, m, -m, 0]) == [0.5, 0, 0.5, 0, 0])
        let f = Float.greatestFiniteMagnitude
        for n in 2...40 {
            let x: [Float] = (0..<n).map { $0 == n / 2 ? f : -f }
            let y = try softmax.forward(x)
            #expect(y == (0..<n).map { $0 == n / 2 ? Float(1) : 0 }, "Float softmax of \(n) entries")
        }
    }

    @Test("the Jacobian of a one-hot row is zero (no NaN)")
    func jacobian() throws {
        let m = Double.greatestFiniteMagnitude
        for id in ["softmax", "log-softmax"] {
            let dx = try row(id).backward([m, -m, 0], [1, 2, 3])
            #expect(dx.allSatisfy { $0.isFinite }, "\(id): \(dx)")
        }
    }
}
