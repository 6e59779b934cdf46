/// Matrix products for the layer maths: a register-blocked SIMD kernel (`MatrixKernel`), with scalar
/// edges. C = A·B and Aᵀ·B use it directly; A·Bᵀ transposes B first, which costs far less than a
/// strided product.
///
/// Each product comes twice: `multiplied(by:)` and friends return a new matrix; `setProduct(_:_:)`
/// and friends overwrite a matrix the caller keeps, reusing its memory. Training runs the second
/// kind on buffers it keeps from step to step (`NetworkPass`), so a step allocates nothing.
extension Matrix {
    /// self · other.
    public func multiplied(by other: Matrix) -> Matrix {
        var result = Matrix(rows: 0, columns: 0)
        result.setProduct(self, other)
        return result
    }

    /// selfᵀ · other.
    public func transposedMultiplied(by other: Matrix) -> Matrix {
        var result = Matrix(rows: 0, columns: 0)
        result.setTransposedProduct(self, other)
        return result
    }

    /// self · otherᵀ.
    public func multipliedTransposed(by other: Matrix) -> Matrix {
        var (result, scratch) = (Matrix(rows: 0, columns: 0), Matrix(rows: 0, columns: 0))
        result.setProductTransposed(self, other, scratch: &scratch)
        return result
    }

    /// The transpose.
    public func transposed() -> Matrix {
        var result = Matrix(rows: 0, columns: 0)
        result.setTranspose(of: self)
        return result
    }

    /// self = a · b.
    mutating func setProduct(_ a: Matrix, _ b: Matrix) {
        precondition(a.columns == b.rows, "cannot multiply \(a.rows)×\(a.columns) by \(b.rows)×\(b.columns)")
        reshape(rows: a.rows, columns: b.columns)
        T.multiply(
            m: a.rows, n: b.columns, k: a.columns, a: a.storage, rowStride: a.columns, depthStride: 1,
            b: b.storage, into: &storage)
    }

    /// self = aᵀ · b (A read in place, column by column).
    mutating func setTransposedProduct(_ a: Matrix, _ b: Matrix) {
        precondition(a.rows == b.rows, "cannot multiply (\(a.rows)×\(a.columns))ᵀ by \(b.rows)×\(b.columns)")
        reshape(rows: a.columns, columns: b.columns)
        T.multiply(
            m: a.columns, n: b.columns, k: a.rows, a: a.storage, rowStride: 1, depthStride: a.columns,
            b: b.storage, into: &storage)
    }

    /// self = a · bᵀ, with bᵀ written into `scratch` first.
    mutating func setProductTransposed(_ a: Matrix, _ b: Matrix, scratch: inout Matrix) {
        precondition(a.columns == b.columns, "cannot multiply \(a.rows)×\(a.columns) by (\(b.rows)×\(b.columns))ᵀ")
        scratch.setTranspose(of: b)
        setProduct(a, scratch)
    }

    /// self = mᵀ.
    mutating func setTranspose(of m: Matrix) {
        reshape(rows: m.columns, columns: m.rows)
        let (rows, columns) = (m.rows, m.columns)
        m.storage.withUnsafeBufferPointer { source in
            storage.withUnsafeMutableBufferPointer { transposed in
                for i in 0..<rows {
                    for j in 0..<columns { transposed[j * rows + i] = source[i * columns + j] }
                }
            }
        }
    }

    /// Gives the matrix a new shape, keeping its memory when the size is unchanged (the entries are
    /// then left as they were: the caller overwrites them).
    mutating func reshape(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        if storage.count != rows * columns {
            storage.removeAll(keepingCapacity: true)
            storage.append(contentsOf: repeatElement(0, count: rows * columns))
        }
        (self.rows, self.columns) = (rows, columns)
    }

    /// Adds `vector` to every row.
    public mutating func addRowVector(_ vector: [T]) {
        precondition(vector.count == columns, "vector of \(vector.count) for \(columns) columns")
        let (rows, columns) = (rows, columns)
        guard rows > 0, columns > 0 else { return }
        vector.withUnsafeBufferPointer { vector in
            storage.withUnsafeMutableBufferPointer { entries in
                for i in 0..<rows {
                    let row = entries.baseAddress! + i * columns
                    for j in 0..<columns { row[j] += vector[j] }
                }
            }
        }
    }

    /// The sum of each column.
    public func columnSums() -> [T] {
        var sums: [T] = []
        columnSums(into: &sums)
        return sums
    }

    /// The sum of each column, written into `sums` (row by row, so every sum adds in row order).
    func columnSums(into sums: inout [T]) {
        if sums.count != columns { sums = [T](repeating: 0, count: columns) }
        let (rows, columns) = (rows, columns)
        storage.withUnsafeBufferPointer { entries in
            sums.withUnsafeMutableBufferPointer { sums in
                sums.update(repeating: 0)
                for i in 0..<rows {
                    let row = entries.baseAddress! + i * columns
                    for j in 0..<columns { sums[j] += row[j] }
                }
            }
        }
    }
}
