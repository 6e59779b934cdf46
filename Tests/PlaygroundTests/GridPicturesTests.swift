import ActivationFunctions
import NeuralNet
import Testing

@testable import Playground

/// The frame's batched pictures against independent references: the catalog's softmax, and each
/// unit's grid averaged block by block on its own.
@Suite struct GridPicturesTests {
    /// Logits of `rows` × `k` from a seeded generator, wide enough to overflow a naive exp.
    static func logits(rows: Int, k: Int, seed: UInt64) -> Matrix<Float> {
        var rng = SeededGenerator(seed: seed)
        return Matrix(
            rows: rows, columns: k, storage: (0..<rows * k).map { _ in Float.random(in: -120...120, using: &rng) })
    }

    @Test(arguments: [2, 3, 10])
    func softmaxMatchesTheCatalog(classes k: Int) {
        let z = Self.logits(rows: 500, k: k, seed: UInt64(k))
        let p = GridPictures.softmaxRows(z)
        for row in 0..<z.rows {
            let reference = Softmax().forwardRow((0..<k).map { Double(z.storage[row * k + $0]) })
            for j in 0..<k {
                #expect(abs(Double(p.storage[row * k + j]) - reference[j]) <= 1e-6, "row \(row), class \(j)")
            }
        }
    }

    @Test func thumbnailsAreEachUnitAveragedAlone() {
        let (size, units) = (100, 5)
        var rng = SeededGenerator(seed: 7)
        let m = Matrix<Float>(
            rows: size * size, columns: units,
            storage: (0..<size * size * units).map { _ in Float.random(in: -1...1, using: &rng) })
        let grids = GridPictures.layer(m, size: size, factor: 4, focus: 3)
        #expect(grids.map(\.size) == [25, 25, 25, 100, 25])
        for unit in 0..<units {
            let column = (0..<size * size).map { Double(m.storage[$0 * units + unit]) }
            let expected =
                unit == 3
                ? EncodedGrid(column, size: size)
                : {
                    let small = EncodedGrid.shrunk(column, size: size, by: 4)
                    return EncodedGrid(small.values, size: small.size)
                }()
            #expect(grids[unit] == expected, "unit \(unit)")
        }
    }

    /// A grid's byte per cell is the scaled value rounded half away from zero (the standard library's
    /// `rounded()`) and clamped to 0...255, at every half and the Doubles beside it, at the ends and
    /// past them, and for NaN and ±∞ (NaN gives 255: a span that overflows makes ∞ · 0).
    @Test func gridBytesRoundHalfAwayFromZero() {
        var values: [Double] = [0, -0.0, -1e-300, -3, -.infinity, 255, 255.49, 255.5, 300, .infinity, .nan,
                                0.49999999999999994, 0x1p-1074]
        for k in 0...255 {
            let half = Double(k) + 0.5
            values += [Double(k), half, half.nextUp, half.nextDown, Double(k).nextUp, Double(k).nextDown]
        }
        var rng = SeededGenerator(seed: 3)
        values += (0..<2000).map { _ in Double.random(in: -1...256, using: &rng) }
        for v in values {
            let expected: UInt8 = v.isNaN ? 255 : UInt8(Swift.max(0, Swift.min(255, v.rounded())))
            #expect(EncodedGrid.byte(v) == expected, "\(v)")
        }
    }

    /// A grid's bounds are its smallest and largest finite values, and a non-finite value counts as 0
    /// (its byte is 0's); a grid with no finite value is all 0 with bounds 0.
    @Test func gridBoundsSkipWhatIsNotFinite() {
        let grid = EncodedGrid([.nan, -2, 0, .infinity, 2, -.infinity], size: 1)
        #expect(grid.lower == -2 && grid.upper == 2)
        #expect(grid.bytes == [128, 0, 128, 128, 255, 128])
        let empty = EncodedGrid([.nan, .infinity], size: 1)
        #expect(empty.lower == 0 && empty.upper == 0 && empty.bytes == [0, 0])
    }

    /// The grid pass's x·W + b (eight outputs at a time in a SIMD register) against the sum written
    /// out one term at a time in `Float` (b, then + x₀w₀, + x₁w₁, …: the same values bit for bit) and
    /// against the same sum in `Double` (within the rounding of its
    /// 2k steps), for widths on both sides of 8 and 16.
    @Test(arguments: [(1, 1), (2, 3), (2, 16), (16, 16), (16, 8), (5, 9), (3, 17), (16, 23)])
    func affineMatchesTheSumWrittenOut(inputs k: Int, outputs m: Int) {
        let x = Self.logits(rows: 37, k: k, seed: UInt64(k * 100 + m))
        let w = Self.logits(rows: k, k: m, seed: UInt64(m * 100 + k))
        let b = Self.logits(rows: 1, k: m, seed: 7).storage
        let product = GridForward.affine(x, w, b)
        #expect((product.rows, product.columns) == (37, m))
        for i in 0..<37 {
            for j in 0..<m {
                var sum = b[j]
                var (exact, magnitude) = (Double(b[j]), Double(abs(b[j])))
                for p in 0..<k {
                    let term = x.storage[i * k + p] * w.storage[p * m + j]
                    sum = sum + term
                    let exactTerm = Double(x.storage[i * k + p]) * Double(w.storage[p * m + j])
                    exact += exactTerm
                    magnitude += abs(exactTerm) + abs(exact)
                }
                let mine = product.storage[i * m + j]
                #expect(mine.bitPattern == sum.bitPattern, "row \(i), output \(j): \(mine) vs \(sum)")
                // Each product and each sum rounds once, by at most half an ulp (relative) of its value.
                #expect(abs(Double(mine) - exact) <= Double(Float.ulpOfOne) * magnitude, "row \(i), output \(j)")
            }
        }
    }

    /// The unit-health slopes (the batch kernel with dy = 1) are `derivative(at:)` bit for bit, for
    /// every elementwise function of the catalog, on ordinary values and on 0, −0, ±∞ and NaN.
    @Test func slopesAreTheCatalogsDerivative() {
        var rng = SeededGenerator(seed: 11)
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .nan]
        let x = (0..<203).map { _ in Double.random(in: -12...12, using: &rng) } + specials
        var checked = 0
        for definition in Activations.all {
            guard let f = definition.init() as? any ElementwiseActivation else { continue }
            let slopes = PlaygroundEngine.slopes(f, x)
            for (value, slope) in zip(x, slopes) {
                let expected = f.derivative(at: value)
                #expect(
                    slope.bitPattern == expected.bitPattern || (slope.isNaN && expected.isNaN),
                    "\(definition.info.id) at \(value): \(slope) vs \(expected)")
            }
            checked += 1
        }
        #expect(checked > 20)
    }
}
