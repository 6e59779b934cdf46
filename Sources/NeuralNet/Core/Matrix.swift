import ActivationFunctions

/// The numbers a network trains in: `Float` or `Double`.
public protocol TrainingScalar: BatchElement, Codable, SIMDScalar {}
extension Float: TrainingScalar {}
extension Double: TrainingScalar {}

/// A dense row-major matrix: `rows` samples (or input units) by `columns` features (or output units).
public struct Matrix<T: TrainingScalar>: Equatable, Sendable {
    /// The number of rows (samples, or a layer's inputs).
    public var rows: Int
    /// The number of columns (features, or a layer's outputs).
    public var columns: Int
    /// The entries row by row: entry (i, j) is `storage[i * columns + j]`; its count is `rows * columns`.
    public var storage: [T]

    /// A `rows` × `columns` matrix with every entry `value`. Negative dimensions are a precondition failure.
    public init(rows: Int, columns: Int, repeating value: T = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        (self.rows, self.columns) = (rows, columns)
        storage = [T](repeating: value, count: rows * columns)
    }

    /// A `rows` × `columns` matrix over `storage`, row by row; its count must be `rows * columns` (a
    /// precondition).
    public init(rows: Int, columns: Int, storage: [T]) {
        precondition(storage.count == rows * columns, "\(storage.count) values for a \(rows)×\(columns) matrix")
        (self.rows, self.columns, self.storage) = (rows, columns, storage)
    }

    /// A matrix from rows of equal length.
    public init(_ rows: [[T]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "rows of different lengths")
        self.init(rows: rows.count, columns: columns, storage: rows.flatMap { $0 })
    }

    /// The entry in row `row`, column `column` (both 0-based); the indices are not checked against the
    /// shape beyond the storage's bounds.
    public subscript(row: Int, column: Int) -> T {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// The entries of row `index` (0-based), sharing the storage.
    public func row(_ index: Int) -> ArraySlice<T> {
        storage[(index * columns)..<((index + 1) * columns)]
    }

    /// The rows at `indices`, in that order.
    public func rows(_ indices: some Collection<Int>) -> Matrix {
        var result = Matrix(rows: 0, columns: 0)
        result.setRows(indices, of: self)
        return result
    }

    /// self = the rows of `source` at `indices`, in that order (memory reused).
    mutating func setRows(_ indices: some Collection<Int>, of source: Matrix) {
        reshape(rows: indices.count, columns: source.columns)
        let (width, sourceRows) = (source.columns, source.rows)
        guard width > 0 else { return }
        source.storage.withUnsafeBufferPointer { source in
            storage.withUnsafeMutableBufferPointer { destination in
                for (row, index) in indices.enumerated() {
                    precondition(index >= 0 && index < sourceRows, "row \(index) of \(sourceRows) is out of range")
                    let from = source.baseAddress! + index * width
                    (destination.baseAddress! + row * width).update(from: from, count: width)
                }
            }
        }
    }

    /// Converts every entry to another scalar type.
    public func converted<U: TrainingScalar>(to type: U.Type = U.self) -> Matrix<U> {
        Matrix<U>(rows: rows, columns: columns, storage: storage.map { U($0) })
    }
}

extension Matrix {
    /// The first entry that is NaN or ±∞, as "row R, column C is V" (counted from 1, in the matrix's own
    /// order), for a refusal that says where; nil when every entry is a number.
    package var firstNonFinite: String? {
        guard let bad = storage.firstIndex(where: { !$0.isFinite }) else { return nil }
        return "row \(bad / columns + 1), column \(bad % columns + 1) is \(storage[bad])"
    }
}
