import Testing

@testable import NeuralNet

/// The blocked SIMD products against the textbook triple loop, for shapes that exercise every path
/// (full blocks, narrow blocks, scalar edges, transposed operands).
@Suite("Matrix products")
struct MatrixTests {
    static let shapes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (3, 5, 2), (4, 8, 3), (4, 16, 7), (5, 17, 9), (8, 32, 16), (9, 40, 33), (13, 70, 5), (0, 3, 2),
        (2, 3, 0),
    ]

    static func random<T: TrainingScalar>(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix<T> {
        var rng = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in T(rng.uniform(-1, 1)) })
    }

    static func naive<T: TrainingScalar>(_ a: Matrix<T>, _ b: Matrix<T>) -> Matrix<Double> {
        var c = Matrix<Double>(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                for p in 0..<a.columns { c[i, j] += Double(a[i, p]) * Double(b[p, j]) }
            }
        }
        return c
    }

    func close<T: TrainingScalar>(_ c: Matrix<T>, _ reference: Matrix<Double>, _ k: Int) -> Bool {
        let tolerance = Double(k + 1) * Double(T.ulpOfOne)
        return c.rows == reference.rows && c.columns == reference.columns
            && zip(c.storage, reference.storage).allSatisfy { abs(Double($0) - $1) <= tolerance }
    }

    @Test("A·B, Aᵀ·B and A·Bᵀ in Float and Double", arguments: shapes.indices)
    func products(_ index: Int) {
        let (m, n, k) = Self.shapes[index]
        check(Float.self, m, n, k, seed: UInt64(index))
        check(Double.self, m, n, k, seed: UInt64(index))
    }

    func check<T: TrainingScalar>(_ type: T.Type, _ m: Int, _ n: Int, _ k: Int, seed: UInt64) {
        let a: Matrix<T> = Self.random(m, k, seed: seed)
        let b: Matrix<T> = Self.random(k, n, seed: seed + 100)
        let reference = Self.naive(a, b)
        #expect(close(a.multiplied(by: b), reference, k), "\(T.self) A·B \(m)×\(k)·\(k)×\(n)")
        #expect(close(a.transposed().transposedMultiplied(by: b), reference, k), "\(T.self) (Aᵀ)ᵀ·B")
        #expect(close(a.multipliedTransposed(by: b.transposed()), reference, k), "\(T.self) A·(Bᵀ)ᵀ")
    }
}
