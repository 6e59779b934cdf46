import ActivationFunctions

/// The forward and backward maths of each `HiddenActivation` over a batch of weighted sums
/// (rows = samples, columns = sums).
struct ActivationApplication<T: TrainingScalar> {
    let activation: HiddenActivation
    /// Learned parameters: PReLU slopes (one per unit, or one shared).
    let parameters: [T]

    /// What backward needs beyond the sums: sampled RReLU slopes, maxout winners.
    struct Record: Sendable {
        var slopes: [T] = []
        var winners: [Int] = []
    }

    func forward(_ z: Matrix<T>, training: Bool, rng: inout SeededGenerator) -> (Matrix<T>, Record) {
        var record = Record()
        switch activation {
        case .function(let f, _):
            return (Matrix(rows: z.rows, columns: z.columns, storage: f.forward(z.storage)), record)
        case .prelu:
            return (mapColumns(z) { value, column in value > 0 ? value : slope(column) * value }, record)
        case .rrelu(let lower, let upper):
            record.slopes = z.storage.map { _ in training ? T(rng.uniform(lower, upper)) : T((lower + upper) / 2) }
            let y = zip(z.storage, record.slopes).map { $0 > 0 ? $0 : $1 * $0 }
            return (Matrix(rows: z.rows, columns: z.columns, storage: y), record)
        case .maxout(let pieces):
            return maxout(z, pieces: pieces)
        case .brelu:
            return (mapColumns(z) { value, column in column.isMultiple(of: 2) ? positive(value) : -positive(-value) }, record)
        }
    }

    /// dL/dz from dL/da, and dL/d(parameters).
    func backward(_ z: Matrix<T>, _ record: Record, _ dA: Matrix<T>) -> (Matrix<T>, [T]) {
        switch activation {
        case .function(let f, _):
            return (Matrix(rows: z.rows, columns: z.columns, storage: f.backward(z.storage, dA.storage)), [])
        case .prelu:
            var dSlopes = [T](repeating: 0, count: parameters.count)
            let dZ = mapColumns(z) { value, column in value > 0 ? 1 : slope(column) }
            for i in 0..<z.rows {
                for j in 0..<z.columns where !(z[i, j] > 0) {
                    dSlopes[parameters.count == 1 ? 0 : j] += z[i, j] * dA[i, j]
                }
            }
            return (hadamard(dZ, dA), dSlopes)
        case .rrelu:
            let slopes = zip(z.storage, record.slopes).map { $0 > 0 ? 1 : $1 }
            return (hadamard(Matrix(rows: z.rows, columns: z.columns, storage: slopes), dA), [])
        case .maxout(let pieces):
            var dZ = Matrix<T>(rows: z.rows, columns: z.columns)
            for i in 0..<dA.rows {
                for unit in 0..<dA.columns {
                    dZ[i, unit * pieces + record.winners[i * dA.columns + unit]] = dA[i, unit]
                }
            }
            return (dZ, [])
        case .brelu:
            let slopes = mapColumns(z) { value, column in column.isMultiple(of: 2) ? (value > 0 ? 1 : 0) : (value < 0 ? 1 : 0) }
            return (hadamard(slopes, dA), [])
        }
    }

    private func slope(_ column: Int) -> T { parameters.count == 1 ? parameters[0] : parameters[column] }

    private func positive(_ x: T) -> T { x < 0 ? 0 : x }

    private func mapColumns(_ z: Matrix<T>, _ f: (T, Int) -> T) -> Matrix<T> {
        var result = z
        for i in 0..<z.rows {
            for j in 0..<z.columns { result[i, j] = f(z[i, j], j) }
        }
        return result
    }

    private func hadamard(_ a: Matrix<T>, _ b: Matrix<T>) -> Matrix<T> {
        Matrix(rows: a.rows, columns: a.columns, storage: zip(a.storage, b.storage).map(*))
    }

    private func maxout(_ z: Matrix<T>, pieces: Int) -> (Matrix<T>, Record) {
        let units = z.columns / pieces
        var y = Matrix<T>(rows: z.rows, columns: units)
        var record = Record()
        record.winners.reserveCapacity(z.rows * units)
        for i in 0..<z.rows {
            for unit in 0..<units {
                var best = 0
                for piece in 1..<pieces where z[i, unit * pieces + piece] > z[i, unit * pieces + best] { best = piece }
                y[i, unit] = z[i, unit * pieces + best]
                record.winners.append(best)
            }
        }
        return (y, record)
    }
}
