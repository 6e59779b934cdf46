/// Matrix products for the layer maths, written so the innermost loop runs over contiguous memory
/// (which the compiler vectorises). C = A·B, Aᵀ·B and A·Bᵀ cover forward and backward passes.
extension Matrix {
    /// self · other.
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "cannot multiply \(rows)×\(columns) by \(other.rows)×\(other.columns)")
        var result = Matrix(rows: rows, columns: other.columns)
        let n = other.columns
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                result.storage.withUnsafeMutableBufferPointer { c in
                    for i in 0..<rows {
                        let cRow = c.baseAddress! + i * n
                        for k in 0..<columns {
                            let aik = a[i * columns + k]
                            let bRow = b.baseAddress! + k * n
                            for j in 0..<n { cRow[j] += aik * bRow[j] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// selfᵀ · other.
    public func transposedMultiplied(by other: Matrix) -> Matrix {
        precondition(rows == other.rows, "cannot multiply (\(rows)×\(columns))ᵀ by \(other.rows)×\(other.columns)")
        var result = Matrix(rows: columns, columns: other.columns)
        let n = other.columns
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                result.storage.withUnsafeMutableBufferPointer { c in
                    for k in 0..<rows {
                        let bRow = b.baseAddress! + k * n
                        for i in 0..<columns {
                            let aki = a[k * columns + i]
                            let cRow = c.baseAddress! + i * n
                            for j in 0..<n { cRow[j] += aki * bRow[j] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// self · otherᵀ.
    public func multipliedTransposed(by other: Matrix) -> Matrix {
        precondition(columns == other.columns, "cannot multiply \(rows)×\(columns) by (\(other.rows)×\(other.columns))ᵀ")
        var result = Matrix(rows: rows, columns: other.rows)
        let depth = columns
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                result.storage.withUnsafeMutableBufferPointer { c in
                    for i in 0..<rows {
                        let aRow = a.baseAddress! + i * depth
                        for j in 0..<other.rows {
                            let bRow = b.baseAddress! + j * depth
                            var sum: T = 0
                            for k in 0..<depth { sum += aRow[k] * bRow[k] }
                            c[i * other.rows + j] = sum
                        }
                    }
                }
            }
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
