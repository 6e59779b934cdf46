/// Matrix products for the layer maths: a register-blocked SIMD kernel (4 rows × 2 vectors of C
/// held in registers while k runs), with scalar edges. C = A·B and Aᵀ·B use it directly; A·Bᵀ
/// transposes B first, which costs far less than a strided product.
extension Matrix {
    /// self · other.
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "cannot multiply \(rows)×\(columns) by \(other.rows)×\(other.columns)")
        var result = Matrix(rows: rows, columns: other.columns)
        T.multiply(m: rows, n: other.columns, k: columns, a: storage, rowStride: columns, depthStride: 1,
                   b: other.storage, into: &result.storage)
        return result
    }

    /// selfᵀ · other.
    public func transposedMultiplied(by other: Matrix) -> Matrix {
        precondition(rows == other.rows, "cannot multiply (\(rows)×\(columns))ᵀ by \(other.rows)×\(other.columns)")
        var result = Matrix(rows: columns, columns: other.columns)
        T.multiply(m: columns, n: other.columns, k: rows, a: storage, rowStride: 1, depthStride: columns,
                   b: other.storage, into: &result.storage)
        return result
    }

    /// self · otherᵀ.
    public func multipliedTransposed(by other: Matrix) -> Matrix {
        precondition(columns == other.columns, "cannot multiply \(rows)×\(columns) by (\(other.rows)×\(other.columns))ᵀ")
        return multiplied(by: other.transposed())
    }

    /// The transpose.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns { result.storage[j * rows + i] = storage[i * columns + j] }
        }
        return result
    }

    /// Adds `vector` to every row.
    public mutating func addRowVector(_ vector: [T]) {
        precondition(vector.count == columns, "vector of \(vector.count) for \(columns) columns")
        for i in 0..<rows {
            for j in 0..<columns { storage[i * columns + j] += vector[j] }
        }
    }

    /// The sum of each column.
    public func columnSums() -> [T] {
        var sums = [T](repeating: 0, count: columns)
        for i in 0..<rows {
            for j in 0..<columns { sums[j] += storage[i * columns + j] }
        }
        return sums
    }
}
